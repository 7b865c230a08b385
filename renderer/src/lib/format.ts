/** Dates and numbers in the chosen locale, with cached `Intl` formatters. */
import { i18n, t, type Locale } from '../i18n/index.svelte.ts';
import { formatPhone } from './phone.ts';

const cache = new Map<string, Intl.DateTimeFormat>();
type DateKind = 'time' | 'weekday' | 'date' | 'day' | 'full' | 'longWeekday' | 'longDate';
function formatter(locale: Locale, kind: DateKind): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit' }
        : kind === 'weekday'
          ? { weekday: 'short' }
          : kind === 'date'
            ? { day: '2-digit', month: '2-digit', year: '2-digit' }
            : kind === 'day'
              ? { day: 'numeric', month: 'short' }
              : kind === 'longWeekday'
                ? { weekday: 'long' }
                : kind === 'longDate'
                  ? { dateStyle: 'long' }
                  : { dateStyle: 'medium', timeStyle: 'short' };
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Chat-list style: 14:05 today, "Yesterday", weekday within a week, else a short date. '' for 0. */
export function formatWhen(ms: number, now = Date.now()): string {
  if (!ms) return '';
  const locale = i18n.locale;
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / 86_400_000);
  if (days <= 0) return formatter(locale, 'time').format(ms);
  if (days === 1) return t('time.yesterday');
  if (days < 7) return formatter(locale, 'weekday').format(ms);
  return formatter(locale, 'date').format(ms);
}

/** Message style: time today, "24 Nov 14:05" this year, else a short date + time. */
export function formatMessageTime(ms: number, now = Date.now()): string {
  if (!ms) return '';
  const locale = i18n.locale;
  const time = formatter(locale, 'time').format(ms);
  if (startOfDay(ms) === startOfDay(now)) return time;
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return `${formatter(locale, sameYear ? 'day' : 'date').format(ms)} ${time}`;
}

/** Just the time, inside a message bubble (its day is on the separator above). */
export function formatTime(ms: number): string {
  return ms ? formatter(i18n.locale, 'time').format(ms) : '';
}

/** A day separator: "Today", "Yesterday", the weekday within a week, else the date ("12 March 2026"). */
export function formatDay(ms: number, now = Date.now()): string {
  if (!ms) return t('time.unknownDay');
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / 86_400_000);
  if (days === 0) return t('time.today');
  if (days === 1) return t('time.yesterday');
  if (days > 1 && days < 7) return formatter(i18n.locale, 'longWeekday').format(ms);
  return formatter(i18n.locale, 'longDate').format(ms);
}

/** Whether two times fall on different local days (a separator goes between them). */
export function differentDay(a: number, b: number): boolean {
  return startOfDay(a) !== startOfDay(b);
}

/** "1.2 MB", "350 KB", in the chosen locale. */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  return `${numberFormatter(i18n.locale, digits).format(value)} ${units[unit]}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** toLocaleString would build a formatter on every call: a list row showing a size would pay that each time. */
function numberFormatter(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

/** "0:07", "12:30", "1:02:03". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** Full date and time, for tooltips. */
export function formatFull(ms: number): string {
  return ms ? formatter(i18n.locale, 'full').format(ms) : '';
}

/** Digits → "+55 11 99999-8888"; '' stays ''. */
export function formatNumberJid(digits: string): string {
  return digits ? formatPhone(digits) : '';
}

/** Up to two initials for an avatar. */
export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const second = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + second).toUpperCase() || '#';
}

/** A stable 0..7 hue slot for an avatar, from the jid. */
export function avatarSlot(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(h) % 8;
}
