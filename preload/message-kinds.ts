/**
 * What a message carries, read from RyzeAPI's `type` (API.md §6.3): the window's icon and label
 * (renderer/src/lib/messages.ts) and the CSV export's words (main/transfer/csv-labels.ts) both come from
 * this one reading.
 */
export type MediaKind =
  'sticker' | 'image' | 'video' | 'voice' | 'audio' | 'document' | 'location' | 'contact';

const mediaKinds: [RegExp, MediaKind][] = [
  [/sticker/i, 'sticker'],
  [/image|photo/i, 'image'],
  [/video|gif/i, 'video'],
  [/ptt|voice/i, 'voice'],
  [/audio/i, 'audio'],
  [/document|file|pdf/i, 'document'],
  [/location/i, 'location'],
  [/contact|vcard/i, 'contact'],
];

/** The kind of media a message type names, or null (text, or a type this version does not know). */
export function mediaKindOf(type: string): MediaKind | null {
  return mediaKinds.find(([pattern]) => pattern.test(type))?.[1] ?? null;
}
