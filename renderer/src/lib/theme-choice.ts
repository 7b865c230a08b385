/**
 * The theme as stored and resolved, without Svelte: the entry applies it before anything paints (the app's
 * own chunk loads after the first frame may be drawn), and theme.svelte.ts keeps it live from there.
 */
export type ThemePreference = 'system' | 'light' | 'dark';
export const themePreferences: readonly ThemePreference[] = ['system', 'light', 'dark'];

export const THEME_STORAGE_KEY = 'ryze.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function isPreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

export function savedPreference(): ThemePreference {
  try {
    const saved = localStorage.getItem(THEME_STORAGE_KEY);
    if (isPreference(saved)) return saved;
  } catch {
    // Storage unavailable: follow the system.
  }
  return 'system';
}

export function darkQuery(): MediaQueryList | undefined {
  return typeof window !== 'undefined' ? window.matchMedia?.(DARK_QUERY) : undefined;
}

export function resolveTheme(preference: ThemePreference, systemDark: boolean): 'light' | 'dark' {
  return preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;
}

/** Sets the document's theme from what is stored, before the app has loaded. */
export function applySavedTheme(): void {
  document.documentElement.dataset.theme = resolveTheme(savedPreference(), !!darkQuery()?.matches);
}
