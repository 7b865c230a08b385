/** The app itself, loaded by the entry (main.ts) as its own chunk. */
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

mount(App, { target });
// A start-up phase for the DevTools timeline (and the bench's breakdown of the first rows' time).
performance.mark('ryze:app-mounted');
