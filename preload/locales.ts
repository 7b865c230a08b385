/**
 * The languages of the UI, listed once. The renderer's catalogues (renderer/src/i18n), main's native
 * texts (main/shell/strings.ts) and the CSV export's words (main/transfer/csv-labels.ts) are each a
 * record over this list, so a language added here without its catalogues, or a catalogue without its
 * entry here, is a type error.
 */
export const uiLocales = ['en', 'pt-BR'] as const;
export type UiLocale = (typeof uiLocales)[number];

/** The language used when the system's is not one of ours. */
export const fallbackLocale: UiLocale = 'en';

export function isUiLocale(value: unknown): value is UiLocale {
  return (uiLocales as readonly unknown[]).includes(value);
}

/**
 * The UI language for a system language tag: the same tag, else the first of ours in the same language
 * (`pt`, `pt-PT` → `pt-BR`), else the fallback. The window and the native menu use the same rule.
 */
export function matchUiLocale(tag: string | undefined): UiLocale {
  if (!tag) return fallbackLocale;
  const exact = uiLocales.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const language = tag.split(/[-_]/)[0]?.toLowerCase();
  return uiLocales.find((l) => l.split('-')[0]?.toLowerCase() === language) ?? fallbackLocale;
}
