import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';

/**
 * Links the app's chunk (renderer/src/start-app.ts) from index.html as a modulepreload: Chromium fetches
 * and compiles it beside the small entry, which meanwhile asks main its first questions, instead of only
 * once the entry imports it.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'ryze:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) =>
            output.type === 'chunk' && output.facadeModuleId?.endsWith('/renderer/src/start-app.ts'),
        );
        if (!chunk) throw new Error("The app's chunk (renderer/src/start-app.ts) is not in the bundle");
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // keytar is a native module: it stays in node_modules (unpacked from the asar) and is required at run time.
      externalizeDeps: true,
      // The store worker is its own entry: main starts it as a worker thread from out/main/store/ (see
      // main/store/store-client.ts), where it lies beside the client's own module in the source tree too.
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          'store/store-worker': resolve('main/store/store-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require node_modules, so everything it uses is bundled in,
      // and it must be CommonJS because package.json says "type": "module".
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [svelte({ configFile: resolve('svelte.config.js') }), preloadAppChunk()],
    build: {
      // A third of the size to read and compile before the window shows anything.
      minify: true,
      // One stylesheet, linked from index.html and loaded with it: the app's chunk is imported by the entry
      // (renderer/src/main.ts), and its components' styles must not wait for that import to be fetched.
      cssCodeSplit: false,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
