/**
 * Builds the renderer a second time with the message list's scroller swapped for the one built on virtua
 * (test/bench/virtua/VirtuaList.svelte), into out/renderer-virtua, for test/bench/compare-lists.ts.
 * Everything else (rows, data, paging) is the app's own code.
 */
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, type Plugin } from 'vite';

const swap: Plugin = {
  name: 'message-list-on-virtua',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './VariableList.svelte' && importer?.endsWith('MessageList.svelte'))
      return resolve('test/bench/virtua/VirtuaList.svelte');
    return null;
  },
};

await build({
  configFile: false,
  root: resolve('renderer'),
  base: './',
  logLevel: 'warn',
  plugins: [swap, svelte({ configFile: resolve('svelte.config.js') })],
  build: {
    outDir: resolve('out/renderer-virtua'),
    emptyOutDir: true,
    minify: true,
    rollupOptions: { input: { index: resolve('renderer/index.html') } },
  },
});
