/**
 * The entry: small on purpose. It sets the theme before anything paints, and asks main for the session and
 * the first chats before the app's code is fetched and compiled (start-app.ts, its own chunk), so main's
 * answers are ready when the app first renders.
 */
import { askEarly } from './lib/early-calls.ts';
import { applySavedTheme } from './lib/theme-choice.ts';
import './app.css';

// A dark-mode user never sees a light flash, even in the frames before the app has loaded.
applySavedTheme();
askEarly();
import('./start-app.ts').catch((error: unknown) => {
  // A damaged installation (or a fault while the app mounts) gets here; the catalogues are in that chunk.
  console.error('The app could not load', error);
  const app = document.getElementById('app');
  if (app) {
    app.className = 'fatal';
    app.setAttribute('role', 'alert');
    app.textContent = navigator.language.startsWith('pt')
      ? 'O Ryze Desktop não pôde ser carregado. Reinstale o aplicativo.'
      : 'Ryze Desktop could not load. Please reinstall the app.';
  }
});
