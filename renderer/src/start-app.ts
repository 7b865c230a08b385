/** The app itself, loaded by the entry (main.ts) as its own chunk: theme, then mount. */
import { mount } from 'svelte';
import App from './App.svelte';
import { theme } from './lib/theme.svelte.ts';

// Set the theme before the first paint so a dark-mode user never sees a light flash.
document.documentElement.dataset.theme = theme.resolved;

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

mount(App, { target });
// A start-up phase for the DevTools timeline (and the bench's breakdown of the first rows' time).
performance.mark('ryze:app-mounted');
