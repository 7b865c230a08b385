import type { ApiMessage } from '../../main/api/parse.ts';
import { createRng } from '../emulator/prng.ts';
import { FIRST_NAMES, PHRASES } from '../emulator/names.ts';

/**
 * A seeded pile of chat messages for search tests and the timing measure: the emulator's Portuguese
 * phrases plus names, order numbers and made-up words, so the index has a realistic spread of common and
 * rare terms. The same seed always gives the same messages.
 */
export function searchCorpus(count: number, options: { chats?: number; seed?: number } = {}): ApiMessage[] {
  const rng = createRng(options.seed ?? 7);
  const chats = options.chats ?? 200;
  const start = Date.UTC(2026, 0, 1);
  const messages: ApiMessage[] = [];
  for (let i = 0; i < count; i++) {
    const phrase = rng.pick(PHRASES).replace('{n}', rng.digits(5));
    const extra = rng.next() < 0.5 ? ` ${rng.pick(FIRST_NAMES)} ${made(rng.int(20_000))}` : '';
    const chat = rng.int(chats);
    messages.push({
      id: `M${i.toString(36).toUpperCase().padStart(8, '0')}`,
      chatJid: `55219${String(chat).padStart(8, '0')}@s.whatsapp.net`,
      fromMe: rng.next() < 0.4,
      senderJid: '',
      senderName: '',
      type: 'text',
      text: phrase + extra,
      timestamp: start + i * 30_000,
    });
  }
  return messages;
}

/** A pronounceable made-up word per number: a long tail of rare terms, as real chats have. */
function made(n: number): string {
  const syllables = ['ba', 'ce', 'di', 'fo', 'gu', 'la', 'me', 'ni', 'po', 'ru', 'sa', 'te', 'vi', 'xo'];
  let word = '';
  for (let k = n + 1; k > 0; k = Math.floor(k / syllables.length)) word += syllables[k % syllables.length];
  return word;
}
