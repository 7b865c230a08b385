import { crc32, deflateSync } from 'node:zlib';
import { PHRASES } from './names.ts';
import { hash32, pickBy } from './prng.ts';
import type { MessageType, StoredMedia, StoredMessage } from './types.ts';

// What a seeded message is besides its text: about 1 in 10 is media (photos most, then documents, voice
// notes, videos, stickers, locations, contacts), about 1 in 25 is a long text of up to 3,000 characters and
// a few are a single character, as in real support chats. Derived from a hash, like everything seeded.

export interface SeededKind {
  type: MessageType;
  media: StoredMedia | null;
  /** Replaces the phrase: '' for media without a caption, a long text, or a one-character reply. */
  content?: string;
}

const IMAGE_SIZES: ReadonlyArray<readonly [number, number]> = [
  [320, 240],
  [240, 320],
  [400, 300],
];
const STICKER_SIZE = [128, 128] as const;
const SHORT_REPLIES = ['?', '👍', 'k', 'ok'];
const DOCUMENTS = ['Pedido-{n}.pdf', 'Boleto {n}.pdf', 'Nota fiscal {n}.pdf', 'Orçamento {n}.pdf'];

export function seededKind(seed: number, inst: number, chat: number, r: number, n: number): SeededKind {
  const h = hash32(seed, 13, inst, chat, r);
  const x = h % 1000;
  const caption = (): string | undefined => ((h >>> 10) % 2 === 0 ? '' : undefined);
  const unit = (h >>> 12) % 1000;
  if (x < 40) {
    const [w, ht] = pickBy(IMAGE_SIZES, h >>> 16);
    const media = { mimeType: 'image/png', size: pngSize(w, ht), width: w, height: ht };
    return { type: 'image', media, content: caption() };
  }
  if (x < 60) {
    const fileName = pickBy(DOCUMENTS, h >>> 16).replace('{n}', String(n));
    const size = 20_000 + unit * 2_000;
    return { type: 'document', media: { mimeType: 'application/pdf', size, fileName }, content: '' };
  }
  if (x < 80) {
    const duration = 3 + (unit % 118);
    const voice = (h >>> 20) % 3 !== 0;
    const media = { mimeType: 'audio/ogg; codecs=opus', size: duration * 4_000, duration, voice };
    return { type: 'audio', media, content: '' };
  }
  if (x < 90) {
    const duration = 5 + (unit % 86);
    // Up to ~30 MB: some are past what a client should download without asking.
    const size = 300_000 + unit * 30_000;
    return { type: 'video', media: { mimeType: 'video/mp4', size, duration }, content: caption() };
  }
  if (x < 95) {
    const [w, ht] = STICKER_SIZE;
    return {
      type: 'sticker',
      media: { mimeType: 'image/png', size: pngSize(w, ht), width: w, height: ht },
      content: '',
    };
  }
  if (x < 98) return { type: 'location', media: null, content: '' };
  if (x < 100) return { type: 'contact', media: null, content: '' };
  if (x < 140) return { type: 'text', media: null, content: longText(h, 200 + (unit * 2_801) / 1000) };
  if (x < 150) return { type: 'text', media: null, content: pickBy(SHORT_REPLIES, h >>> 16) };
  return { type: 'text', media: null };
}

/** Phrases joined into paragraphs until about `length` characters (at most 3,000). */
function longText(h: number, length: number): string {
  const target = Math.min(3_000, Math.floor(length));
  let text = '';
  for (let k = 0; text.length < target; k++) {
    const phrase = pickBy(PHRASES, hash32(h, k)).replaceAll('{n}', String(10_000 + (k % 90_000)));
    text += (text === '' ? '' : k % 4 === 0 ? '\n\n' : ' ') + phrase;
  }
  return text.slice(0, target).trimEnd();
}

/**
 * The file a media message carries, exactly `media.size` bytes: a real PNG for images and stickers (so a
 * client can show it), a deterministic filler for the rest.
 */
export function mediaBytes(m: StoredMessage): Buffer | null {
  if (m.media === null) return null;
  const { width, height } = m.media;
  if (width !== undefined && height !== undefined) {
    return png(width, height, hash32(m.id.length, m.id.charCodeAt(m.id.length - 1), m.tsSec) % 360);
  }
  const bytes = Buffer.alloc(m.media.size);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + m.id.charCodeAt(i % m.id.length)) & 0xff;
  return bytes;
}

const pngSizes = new Map<string, number>();
/** Stored (level 0) deflate makes a PNG's size depend only on its dimensions. */
export function pngSize(w: number, h: number): number {
  const key = `${w}x${h}`;
  let size = pngSizes.get(key);
  if (size === undefined) {
    size = png(w, h, 0).length;
    pngSizes.set(key, size);
  }
  return size;
}

/** A w×h RGB PNG with a diagonal gradient around `hue`. */
function png(w: number, h: number, hue: number): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  const [r0, g0, b0] = hueToRgb(hue);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    for (let x = 0; x < w; x++) {
      const shade = 0.55 + (0.45 * (x + y)) / (w + h);
      raw[row + 1 + x * 3] = Math.round(r0 * shade);
      raw[row + 2 + x * 3] = Math.round(g0 * shade);
      raw[row + 3 + x * 3] = Math.round(b0 * shade);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function hueToRgb(hue: number): [number, number, number] {
  const f = (n: number): number => {
    const k = (n + hue / 60) % 6;
    return Math.round(255 * (1 - 0.6 * Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [f(5), f(3), f(1)];
}
