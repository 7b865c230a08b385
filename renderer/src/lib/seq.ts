/**
 * One increasing counter shared by page reads and star changes, so "was this row read after that star change
 * was confirmed?" is a plain number comparison.
 */
let last = 0;
export function nextSeq(): number {
  return ++last;
}
