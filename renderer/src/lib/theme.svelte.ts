/** Light/dark theme: follows `prefers-color-scheme` unless the user picks one; the pick is kept in localStorage. */
export type ThemePreference = 'system' | 'light' | 'dark';
export const themePreferences: readonly ThemePreference[] = ['system', 'light', 'dark'];

const STORAGE_KEY = 'ryze.theme';

function isPreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

function savedPreference(): ThemePreference {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isPreference(saved)) return saved;
  } catch {
    // Storage unavailable: follow the system.
  }
  return 'system';
}

class Theme {
  preference = $state<ThemePreference>(savedPreference());
  systemDark = $state(
    typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-color-scheme: dark)').matches,
  );
  resolved = $derived<'light' | 'dark'>(
    this.preference === 'system' ? (this.systemDark ? 'dark' : 'light') : this.preference,
  );

  set(preference: ThemePreference): void {
    this.preference = preference;
    try {
      localStorage.setItem(STORAGE_KEY, preference);
    } catch {
      // Not fatal.
    }
  }

  /** Watch the OS setting; returns a stop function. */
  watchSystem(): () => void {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = query.matches;
    const onChange = (e: MediaQueryListEvent) => (this.systemDark = e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }
}

export const theme = new Theme();
