/** Bytes per part of a large answer read by bodyInParts. */
export const bodyPartBytes = 1 << 20;

/**
 * An answer's body as parts of `partBytes` each (the last one shorter), each part a buffer of its own. For
 * a large answer handed to the store worker (the address book: about 10 MB at 100,000 contacts): the parts
 * move to the worker instead of being copied, and main never copies the whole body in one go (as
 * Response.arrayBuffer's final concatenation did, in the longest stretch main was busy while the list opened).
 */
export async function bodyInParts(response: Response, partBytes = bodyPartBytes): Promise<ArrayBuffer[]> {
  const parts: ArrayBuffer[] = [];
  if (!response.body) return parts;
  let part = new Uint8Array(partBytes);
  let used = 0;
  for await (const chunk of response.body) {
    for (let from = 0; from < chunk.byteLength;) {
      const n = Math.min(partBytes - used, chunk.byteLength - from);
      part.set(chunk.subarray(from, from + n), used);
      used += n;
      from += n;
      if (used === partBytes) {
        parts.push(part.buffer);
        part = new Uint8Array(partBytes);
        used = 0;
      }
    }
  }
  if (used > 0) parts.push(part.buffer.slice(0, used));
  return parts;
}

/** The text of parts read by bodyInParts (a character split between two parts is joined again). */
export function textOfParts(parts: readonly ArrayBuffer[]): string {
  const decoder = new TextDecoder();
  let text = '';
  for (const part of parts) text += decoder.decode(part, { stream: true });
  return text + decoder.decode();
}
