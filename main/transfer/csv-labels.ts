import type { UiLocale } from '../../preload/contract.ts';
import { mediaKindOf, type MediaKind } from '../../preload/message-kinds.ts';

/**
 * The CSV export's words, in the user's language. They are the file's content, written in main, so they
 * live here rather than in the renderer's catalogues. The delimiter follows the language too: a
 * spreadsheet app set to Portuguese (Brazil) uses the comma for decimals and expects `;` between
 * fields, and would put a comma-separated file in one column.
 */

interface CsvLabels {
  delimiter: string;
  columns: [chat: string, number: string, message: string, sentAt: string, starredAt: string];
  /** What stands in the message column for a message without text (a photo, say). */
  media: Record<MediaKind, string>;
  otherMedia: (type: string) => string;
}

const en: CsvLabels = {
  delimiter: ',',
  columns: ['Chat', 'Number', 'Message', 'Sent at', 'Starred at'],
  media: {
    image: '[Photo]',
    video: '[Video]',
    audio: '[Audio]',
    voice: '[Voice message]',
    document: '[Document]',
    sticker: '[Sticker]',
    location: '[Location]',
    contact: '[Contact]',
  },
  otherMedia: (type) => `[Message (${type})]`,
};

const ptBR: CsvLabels = {
  delimiter: ';',
  columns: ['Conversa', 'Número', 'Mensagem', 'Enviada em', 'Favoritada em'],
  media: {
    image: '[Foto]',
    video: '[Vídeo]',
    audio: '[Áudio]',
    voice: '[Mensagem de voz]',
    document: '[Documento]',
    sticker: '[Figurinha]',
    location: '[Localização]',
    contact: '[Contato]',
  },
  otherMedia: (type) => `[Mensagem (${type})]`,
};

const labels: Record<UiLocale, CsvLabels> = { en, 'pt-BR': ptBR };

export function csvLabels(locale: UiLocale): CsvLabels {
  return labels[locale];
}

/** The message column: its text, or what it carries when it has none. */
export function messageCell(words: CsvLabels, message: { type: string; text: string }): string {
  if (message.text.trim()) return message.text;
  const media = mediaKindOf(message.type);
  return media ? words.media[media] : words.otherMedia(message.type || '?');
}

/**
 * A time as spreadsheet apps read a date and time in any language: 2025-01-31 14:05:09, in this
 * computer's time zone (the one the user reads clocks in).
 */
export function spreadsheetTime(ms: number): string {
  if (ms <= 0) return '';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
