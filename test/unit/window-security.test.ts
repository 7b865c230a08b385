import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Electron cannot start here, so the shell's window is built against a stand-in `electron` module that
 * records what the shell asked for. What is checked is the shell's own code: its options and handlers.
 */
const recorded = vi.hoisted(() => ({
  options: null as Record<string, unknown> | null,
  contents: new Map<string, (...args: unknown[]) => unknown>(),
  openHandler: null as ((details: { url: string }) => { action: string }) | null,
  permissionRequest: null as
    ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void) | null,
  permissionCheck: null as (() => boolean) | null,
  headers: null as ((details: unknown, callback: (r: unknown) => void) => void) | null,
  opened: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (event: string, handler: (...args: unknown[]) => unknown) => recorded.contents.set(event, handler),
      setWindowOpenHandler: (handler: typeof recorded.openHandler) => (recorded.openHandler = handler),
    };
    constructor(options: Record<string, unknown>) {
      recorded.options = options;
    }
    once(): void {}
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: (url: string) => (recorded.opened.push(url), Promise.resolve()) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof recorded.permissionRequest) =>
          (recorded.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof recorded.permissionCheck) => (recorded.permissionCheck = h),
        webRequest: { onHeadersReceived: (h: typeof recorded.headers) => (recorded.headers = h) },
      },
    },
  };
});

const { createMainWindow, lockDownSession } = await import('../../main/shell/window.ts');
const { contentSecurityPolicy } = await import('../../main/shell/csp.ts');
const { isAppPage } = await import('../../main/shell/trusted-origin.ts');

describe('the app window', () => {
  beforeEach(() => {
    recorded.opened.length = 0;
    createMainWindow('file:///opt/ryze/resources/app.asar/out/renderer/index.html', '/opt/ryze/preload.cjs');
    lockDownSession();
  });

  it('runs the page isolated, sandboxed, without Node', () => {
    const prefs = recorded.options?.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('refuses navigation and every new window; https links go to the system browser', () => {
    const prevented = vi.fn();
    recorded.contents.get('will-navigate')?.({ preventDefault: prevented }, 'https://evil.example/');
    recorded.contents.get('will-redirect')?.({ preventDefault: prevented }, 'https://evil.example/');
    expect(prevented).toHaveBeenCalledTimes(2);
    expect(recorded.openHandler?.({ url: 'https://ryzeapi.cloud/docs' })).toEqual({ action: 'deny' });
    expect(recorded.openHandler?.({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(recorded.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(recorded.opened).toEqual(['https://ryzeapi.cloud/docs']);
  });

  it('denies every permission and serves the strict CSP', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      recorded.permissionRequest?.(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(recorded.permissionCheck?.()).toBe(false);
    let headers: Record<string, string[]> = {};
    recorded.headers?.(
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
  it('the packaged page, in the top frame only', () => {
    const trusted = isAppPage('file:///opt/ryze/resources/app.asar/out/renderer/index.html');
    expect(
      trusted({ url: 'file:///opt/ryze/resources/app.asar/out/renderer/index.html', isMainFrame: true }),
    ).toBe(true);
    expect(
      trusted({ url: 'file:///opt/ryze/resources/app.asar/out/renderer/index.html', isMainFrame: false }),
    ).toBe(false);
    expect(trusted({ url: 'file:///tmp/evil.html', isMainFrame: true })).toBe(false);
    expect(trusted({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(trusted({ url: 'not a url', isMainFrame: true })).toBe(false);
  });

  it('the dev server by origin', () => {
    const trusted = isAppPage('http://localhost:5173/');
    expect(trusted({ url: 'http://localhost:5173/index.html', isMainFrame: true })).toBe(true);
    expect(trusted({ url: 'http://localhost:5174/', isMainFrame: true })).toBe(false);
  });
});
