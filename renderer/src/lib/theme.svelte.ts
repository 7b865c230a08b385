/** Light/dark theme: follows `prefers-color-scheme` unless the user picks one; the pick is kept in localStorage. */
import {
  darkQuery,
  resolveTheme,
  savedPreference,
  THEME_STORAGE_KEY,
  type ThemePreference,
} from './theme-choice.ts';

export { themePreferences, type ThemePreference } from './theme-choice.ts';

class Theme {
  preference = $state<ThemePreference>(savedPreference());
  systemDark = $state(!!darkQuery()?.matches);
  resolved = $derived(resolveTheme(this.preference, this.systemDark));

  set(preference: ThemePreference): void {
    this.preference = preference;
    try {
      localStorage.setItem(THEME_STORAGE_KEY, preference);
    } catch {
      // Not fatal.
    }
  }

  /** Watch the OS setting; returns a stop function. */
  watchSystem(): () => void {
    const query = darkQuery();
    if (!query) return () => {};
    this.systemDark = query.matches;
    const onChange = (e: MediaQueryListEvent) => (this.systemDark = e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }
}

export const theme = new Theme();
