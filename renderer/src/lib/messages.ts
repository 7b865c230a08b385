/** How a message reads in one line when it has no text of its own. */
import type { MessageRow } from '../../../preload/contract.ts';
import { t, type MessageKey } from '../i18n/index.svelte.ts';

const typeKeys: [RegExp, MessageKey][] = [
  [/sticker/i, 'msgType.sticker'],
  [/image|photo/i, 'msgType.image'],
  [/video|gif/i, 'msgType.video'],
  [/ptt|voice/i, 'msgType.voice'],
  [/audio/i, 'msgType.audio'],
  [/document|file|pdf/i, 'msgType.document'],
  [/location/i, 'msgType.location'],
  [/contact|vcard/i, 'msgType.contact'],
];

export function messageText(row: Pick<MessageRow, 'type' | 'text'>): string {
  if (row.text.trim()) return row.text;
  for (const [pattern, key] of typeKeys) if (pattern.test(row.type)) return t(key);
  return t('msgType.other', { type: row.type || '?' });
}

export function isGroupJid(jid: string): boolean {
  return jid.endsWith('@g.us');
}
