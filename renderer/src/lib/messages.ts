/** How a message reads: its kind (for an icon and a label), a one-line preview, and whether it folds. */
import type { MessageRow } from '../../../preload/contract.ts';
import { mediaKindOf, type MediaKind } from '../../../preload/message-kinds.ts';
import { t, type MessageKey } from '../i18n/index.svelte.ts';

export type MessageKind = MediaKind | 'text' | 'other';

const labels: Record<MediaKind, MessageKey> = {
  sticker: 'msgType.sticker',
  image: 'msgType.image',
  video: 'msgType.video',
  voice: 'msgType.voice',
  audio: 'msgType.audio',
  document: 'msgType.document',
  location: 'msgType.location',
  contact: 'msgType.contact',
};

export function messageKind(row: Pick<MessageRow, 'type' | 'media'>): MessageKind {
  if (row.media?.voice) return 'voice';
  const media = mediaKindOf(row.type);
  if (media) return media;
  return row.type === '' || /^(text|conversation|extendedtext|chat)$/i.test(row.type) ? 'text' : 'other';
}

/** The label of a kind ("Photo"), '' for text. */
export function kindLabel(kind: MessageKind, type: string): string {
  if (kind === 'text') return '';
  if (kind === 'other') return t('msgType.other', { type: type || '?' });
  return t(labels[kind]);
}

/** One line for a message: its text, else what it is ("Photo"). */
export function messageText(row: Pick<MessageRow, 'type' | 'text' | 'media'>): string {
  if (row.text.trim()) return row.text;
  return kindLabel(messageKind(row), row.type) || t('msgType.other', { type: row.type || '?' });
}

/** A chat's preview line from its newest message: the text, else what the message is. */
export function previewText(text: string, type: string): string {
  if (text.trim()) return text;
  if (!type) return '';
  return kindLabel(messageKind({ type, media: null }), type);
}

/** Characters a bubble line holds at its widest, and the lines shown before "Show more". */
const charsPerLine = 80;
export const foldLines = 40;

/**
 * Whether a text runs past about 40 lines at the bubble's width. Estimated from its characters and line
 * breaks rather than measured: measuring every row while scrolling would cost a layout each.
 */
export function isLong(text: string): boolean {
  if (text.length <= foldLines * 20) return false;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += Math.max(1, Math.ceil(paragraph.length / charsPerLine));
    if (lines > foldLines) return true;
  }
  return false;
}

/** Characters of one line past which a bubble is as wide as a bubble gets (640 px at 14 px is ~90). */
const wideChars = 110;

/**
 * Whether a text has a line longer than the widest bubble holds: its bubble is then given that width
 * outright. Left to shrink-wrap, the browser would lay the whole text out once more, on one line, to learn
 * how wide it wants to be, every time the row is built.
 */
export function isWide(text: string): boolean {
  if (text.length < wideChars) return false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) run = 0;
    else if (++run >= wideChars) return true;
  }
  return false;
}

export function isGroupJid(jid: string): boolean {
  return jid.endsWith('@g.us');
}
