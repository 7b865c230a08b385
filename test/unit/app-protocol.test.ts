import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';

const double = await vi.hoisted(async () =>
  (await import('../support/electron-double.ts')).createElectronDouble(),
);
vi.mock('electron', () => double.module);

const { registerAppScheme, rendererResponse, resolveAppFile, serveRenderer } =
  await import('../../main/shell/app-protocol.ts');
const { contentSecurityPolicy } = await import('../../main/shell/csp.ts');

/** The renderer's files, as app://ryze/ serves them, from a folder laid out like out/renderer. */
describe('the app:// scheme', () => {
  let dir: ReturnType<typeof tempDir>;
  let root: string;
  beforeAll(() => {
    dir = tempDir();
    root = join(dir.path, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<div id="app"></div>');
    writeFileSync(join(root, 'assets', 'index-1.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), 'outside the renderer');
  });
  afterAll(() => dir.remove());

  it('is registered as a standard, secure scheme before the app is ready, and served after', async () => {
    double.reset();
    registerAppScheme();
    expect(double.rec.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(double.rec.schemes[0]?.privileges.bypassCSP).toBeUndefined();
    await double.module.app.whenReady();
    serveRenderer(root);
    const response = await double.rec.protocolHandlers.get('app')!(new Request('app://ryze/index.html'));
    expect(await response.text()).toBe('<div id="app"></div>');
  });

  it('serves the page and its assets with their types and the strict CSP', async () => {
    const page = await rendererResponse(root, 'app://ryze/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    const script = await rendererResponse(root, 'app://ryze/assets/index-1.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe('console.log(1)');
    expect(await (await rendererResponse(root, 'app://ryze/')).text()).toBe('<div id="app"></div>');
  });

  it('answers 404 for anything outside the renderer folder, however the path is spelled', async () => {
    const escapes = [
      'app://ryze/../secret.txt',
      'app://ryze/%2e%2e/secret.txt',
      'app://ryze/assets/..%2f..%2fsecret.txt',
      'app://ryze/..%5csecret.txt',
      'app://ryze/%00index.html',
      'app://ryze/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://ryze/missing.js',
    ];
    for (const url of escapes) {
      const response = await rendererResponse(root, url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('maps a URL to a file inside the folder only', () => {
    expect(resolveAppFile(root, 'app://ryze/assets/index-1.js')).toBe(join(root, 'assets', 'index-1.js'));
    expect(resolveAppFile(root, 'app://ryze/assets/../index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://ryze/..%2fsecret.txt')).toBeNull();
  });
});
