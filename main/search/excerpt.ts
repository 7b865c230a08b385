import type { TextRun } from '../../preload/contract.ts';

/**
 * FTS5's snippet() marks matches by wrapping them in two strings of our choosing. These control
 * characters never appear in message text we index (the excerpt is dropped to plain text if they do),
 * and turning the marked string into runs here means the renderer never handles markup.
 */
export const matchOpen = '\u0001';
export const matchClose = '\u0002';

/** Splits a marked snippet into plain and matched runs; adjacent runs of one kind are merged. */
export function toRuns(marked: string): TextRun[] {
  const runs: TextRun[] = [];
  let match = false;
  let text = '';
  const push = () => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.match === match) last.text += text;
    else runs.push({ text, match });
    text = '';
  };
  for (const ch of marked) {
    if (ch === matchOpen || ch === matchClose) {
      push();
      match = ch === matchOpen;
    } else text += ch;
  }
  push();
  return runs;
}

/** The excerpt for one hit: `marked` as runs, or the plain text when the text itself held a marker. */
export function excerptOf(text: string, marked: string): TextRun[] {
  if (text.includes(matchOpen) || text.includes(matchClose)) return text ? [{ text, match: false }] : [];
  return toRuns(marked);
}
