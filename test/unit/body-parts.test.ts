import { describe, expect, it } from 'vitest';
import { bodyInParts, textOfParts } from '../../main/api/body-parts.ts';

/** A response whose body arrives in chunks of the given sizes, as a socket would deliver it. */
function chunkedResponse(bytes: Uint8Array, sizes: number[]): Response {
  let at = 0;
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      const n = sizes[i++ % sizes.length]!;
      controller.enqueue(bytes.slice(at, at + n));
      at += n;
    },
  });
  return new Response(body);
}

describe('reading a large answer in parts', () => {
  const text = JSON.stringify({
    success: true,
    contacts: Array.from({ length: 300 }, (_, i) => ({
      jid: `${i}@s.whatsapp.net`,
      full_name: `João ção ✅ 🙏 ${i}`,
    })),
  });
  const bytes = new TextEncoder().encode(text);

  it('gives back every byte, in parts of the size asked for, whatever the chunks', async () => {
    for (const sizes of [[1], [3, 1000, 17], [bytes.byteLength]]) {
      const parts = await bodyInParts(chunkedResponse(bytes, sizes), 64);
      expect(parts.slice(0, -1).every((p) => p.byteLength === 64)).toBe(true);
      expect(parts.reduce((n, p) => n + p.byteLength, 0)).toBe(bytes.byteLength);
      // Characters of several bytes fall across parts: the text is whole again.
      expect(textOfParts(parts)).toBe(text);
    }
  });

  it('makes every part a buffer of its own, safe to move to another thread', async () => {
    const parts = await bodyInParts(chunkedResponse(bytes, [100]), 256);
    expect(new Set(parts).size).toBe(parts.length);
    const moved = structuredClone(parts, { transfer: parts });
    expect(parts.every((p) => p.byteLength === 0)).toBe(true);
    expect(textOfParts(moved)).toBe(text);
  });

  it('reads an empty body as no parts', async () => {
    expect(await bodyInParts(new Response(null))).toEqual([]);
    expect(textOfParts([])).toBe('');
  });
});
