/**
 * Turns what a person typed into an FTS5 MATCH expression that means "messages containing these words".
 *
 * The input is never FTS5 syntax: each whitespace-separated word becomes a quoted string (so AND, OR, NOT,
 * NEAR, *, ^, :, parentheses and quotes are plain text), and the words must all appear, in any order. The
 * last word matches as a prefix because the person may still be typing it. Inside one word, the tokenizer
 * splits on punctuation exactly as it did when indexing, so "pedido#12" finds "pedido #12" and "don't"
 * finds "don't".
 */

/** More words than this add nothing a person would notice but cost time on every keystroke. */
export const maxSearchWords = 16;

/** A word the tokenizer keeps at least one token of (letters or digits); the rest match nothing. */
const hasToken = /[\p{L}\p{N}]/u;
/** Control characters (NUL ends an SQLite string early) are not text anyone searches for. */
const controls = /\p{Cc}/gu;

export function searchWords(input: string): string[] {
  return input
    .replace(controls, ' ')
    .split(/\s+/u)
    .filter((word) => hasToken.test(word))
    .slice(0, maxSearchWords);
}

/** The MATCH expression for `input`, or null when it holds nothing searchable. */
export function toFtsQuery(input: string): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  return words
    .map((word, i) => {
      const quoted = `"${word.replaceAll('"', '""')}"`;
      return i === words.length - 1 ? `${quoted}*` : quoted;
    })
    .join(' ');
}
