/**
 * The tiny translation helper. `t(key, params)` reads the current locale's catalogue; components that call it
 * re-render when the locale changes because `i18n.locale` is reactive state.
 *
 * Adding a language: its catalogue file beside en.ts, registered in catalogs.ts, and its tag in the
 * contract's `uiLocales` with main's native texts (main/shell/strings.ts) and the CSV export's words
 * (main/transfer/csv-labels.ts); the types require each.
 */
import { isUiLocale, matchUiLocale, uiLocales, type UiLocale } from '../../../preload/contract.ts';
import { catalogs } from './catalogs.ts';
import type { MessageKey } from './en.ts';

export type { MessageKey };
export type Locale = UiLocale;

export const locales: readonly Locale[] = uiLocales;
const STORAGE_KEY = 'ryze.locale';

/** A system language tag → the UI language (`pt`, `pt-PT` → pt-BR; anything unknown → en). */
export const detectLocale = matchUiLocale;

/** A language's own name, as its catalogue gives it (the picker lists each in its own language). */
export function languageName(locale: Locale): string {
  return catalogs[locale]['language.name'];
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isUiLocale(saved)) return saved;
  } catch {
    // Storage unavailable: fall back to the system language.
  }
  return detectLocale(typeof navigator === 'undefined' ? undefined : navigator.language);
}

class I18n {
  locale = $state<Locale>(initialLocale());

  /** Switch language and remember the choice (the only other thing kept in localStorage is the theme). */
  set(locale: Locale): void {
    this.locale = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not fatal: the choice just isn't remembered.
    }
  }
}

export const i18n = new I18n();

export type Params = Record<string, string | number>;

// Plain (non-reactive) caches of Intl objects, one per locale.
const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};
const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

function formatNumber(n: number): string {
  const f = (numberFormats[i18n.locale] ??= new Intl.NumberFormat(i18n.locale));
  return f.format(n);
}

function fill(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

export function t(key: MessageKey, params?: Params): string {
  return fill(catalogs[i18n.locale][key], params);
}

/** Keys that have plural forms: `x.one` and `x.other` both exist → `x`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer B}.other` ? (`${B}.one` extends MessageKey ? B : never) : never;
}[MessageKey];

/** Plural-aware `t`: picks `${base}.${rule}` for `count`, falling back to `.other`. `{count}` is filled in. */
export function tn(base: PluralKey, count: number, params?: Params): string {
  const rules = (pluralRules[i18n.locale] ??= new Intl.PluralRules(i18n.locale));
  const catalog = catalogs[i18n.locale];
  const wanted = `${base}.${rules.select(count)}`;
  const text = wanted in catalog ? catalog[wanted as MessageKey] : catalog[`${base}.other`];
  return fill(text, { count, ...params });
}
