import { mount } from 'svelte';
import App from './App.svelte';
import { theme } from './lib/theme.svelte.ts';
import './app.css';

// Set the theme before the first paint so a dark-mode user never sees a light flash.
document.documentElement.dataset.theme = theme.resolved;

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });
