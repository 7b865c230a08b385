import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';

/**
 * Electron cannot start here, so the shell's window is built against a recording double of `electron`
 * (test/support/electron-double.ts). What is checked is the shell's own code: its options and handlers.
 */
const double = await vi.hoisted(async () =>
  (await import('../support/electron-double.ts')).createElectronDouble(),
);
vi.mock('electron', () => double.module);

const { createMainWindow, lockDownSession } = await import('../../main/shell/window.ts');
const { contentSecurityPolicy } = await import('../../main/shell/csp.ts');
const { isAppPage } = await import('../../main/shell/trusted-origin.ts');
const { gestureWindowMs } = await import('../../main/shell/external-links.ts');

describe('the app window', () => {
  let dir: ReturnType<typeof tempDir>;
  let window: ReturnType<typeof double.windows>[number];

  beforeEach(async () => {
    dir = tempDir();
    double.reset();
    await double.module.app.whenReady();
    lockDownSession();
    createMainWindow('app://ryze/index.html', '/opt/ryze/preload.cjs', join(dir.path, 'window-state.json'));
    window = double.windows()[0]!;
  });
  afterEach(() => {
    vi.useRealTimers();
    dir.remove();
  });

  const click = () => window.webContents.emit('input-event', {}, { type: 'mouseUp' });
  const open = (url: string) => window.webContents.openHandler?.({ url });

  it('runs the page isolated, sandboxed, without Node', () => {
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('refuses navigation and every new window', () => {
    const prevented = vi.fn();
    window.webContents.emit('will-navigate', { preventDefault: prevented }, 'https://evil.example/');
    window.webContents.emit('will-redirect', { preventDefault: prevented }, 'https://evil.example/');
    window.webContents.emit('will-attach-webview', { preventDefault: prevented });
    expect(prevented).toHaveBeenCalledTimes(3);
    click();
    for (const url of ['https://ryzeapi.cloud/', 'https://evil.example/', 'about:blank'])
      expect(open(url)).toEqual({ action: 'deny' });
  });

  it('opens a link the user clicks in the system browser only when it is RyzeAPI’s site or docs', () => {
    const refused = [
      'https://evil.example/',
      'https://ryzeapi.cloud.evil.example/',
      'https://evilryzeapi.cloud/',
      'http://ryzeapi.cloud/',
      'https://ryzeapi.cloud:8443/',
      'https://user:pass@ryzeapi.cloud/',
      'file:///etc/passwd',
      'ms-settings:privacy',
      'javascript:alert(1)',
      'not a url',
    ];
    for (const url of refused) {
      click();
      open(url);
    }
    expect(double.rec.openedExternal).toEqual([]);

    click();
    open('https://docs.ryzeapi.cloud/en/guide/concepts');
    click();
    open('https://ryzeapi.cloud/pricing');
    expect(double.rec.openedExternal).toEqual([
      'https://docs.ryzeapi.cloud/en/guide/concepts',
      'https://ryzeapi.cloud/pricing',
    ]);
  });

  it('opens nothing a page script asks for on its own, without a recent click or key press', () => {
    vi.useFakeTimers();
    open('https://docs.ryzeapi.cloud/'); // on load: no input yet
    window.webContents.emit('input-event', {}, { type: 'mouseMove' }); // hovering is not a gesture
    open('https://docs.ryzeapi.cloud/');
    window.webContents.emit('input-event', {}, { type: 'keyDown' });
    vi.advanceTimersByTime(gestureWindowMs + 1); // a timer firing later
    open('https://docs.ryzeapi.cloud/');
    expect(double.rec.openedExternal).toEqual([]);

    window.webContents.emit('input-event', {}, { type: 'keyDown' }); // Enter on a focused link
    open('https://docs.ryzeapi.cloud/');
    expect(double.rec.openedExternal).toEqual(['https://docs.ryzeapi.cloud/']);
  });

  it('denies every permission and serves the strict CSP', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      double.rec.permissionRequest?.(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(double.rec.permissionCheck?.()).toBe(false);
    let headers: Record<string, string[]> = {};
    double.rec.headers?.(
      { responseHeaders: {} },
      (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("connect-src 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('the page declares the same policy (less what only a header can say)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy.replace(/; frame-ancestors 'none'$/, ''));
  });
});

describe('which callers IPC trusts', () => {
  it('the app’s own page in the top frame only', () => {
    const trusted = isAppPage('app://ryze/index.html');
    expect(trusted({ url: 'app://ryze/index.html', isMainFrame: true })).toBe(true);
    expect(trusted({ url: 'app://ryze/', isMainFrame: true })).toBe(true);
    expect(trusted({ url: 'app://ryze/index.html', isMainFrame: false })).toBe(false);
    expect(trusted({ url: 'app://evil/index.html', isMainFrame: true })).toBe(false);
    expect(
      trusted({ url: 'file:///opt/ryze/resources/app.asar/out/renderer/index.html', isMainFrame: true }),
    ).toBe(false);
    expect(trusted({ url: 'https://ryze/index.html', isMainFrame: true })).toBe(false);
    expect(trusted({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(trusted({ url: 'about:blank', isMainFrame: true })).toBe(false);
    expect(trusted({ url: 'not a url', isMainFrame: true })).toBe(false);
  });

  it('the dev server by origin', () => {
    const trusted = isAppPage('http://localhost:5173/');
    expect(trusted({ url: 'http://localhost:5173/index.html', isMainFrame: true })).toBe(true);
    expect(trusted({ url: 'http://localhost:5174/', isMainFrame: true })).toBe(false);
    expect(trusted({ url: 'https://localhost:5173/', isMainFrame: true })).toBe(false);
  });

  it('never a page without a host', () => {
    expect(() => isAppPage('file:///opt/ryze/index.html')).toThrow(/host/);
  });
});
