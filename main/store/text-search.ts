/** Lower-case, accent-free text, so "joao" finds "João" and "ACME" finds "Acme". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A LIKE pattern matching `query` anywhere, with the user's % and _ taken literally. */
export function containsPattern(query: string): string {
  return `%${foldForSearch(query.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
