import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AppModule from '../../main/app.ts';
import type { RyzeApp } from '../../main/app.ts';
import type { menuTemplate } from '../../main/shell/menu.ts';
import { requestChannels } from '../../preload/contract.ts';
import type { Rect } from '../support/electron-double.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The real main/index.ts, started against a recording double of `electron` and of electron-updater's
 * autoUpdater (test/support/electron-double.ts). createApp is the real one too, wrapped only to keep
 * hold of what it built, so each test can reach the services and close them.
 */
const double = await vi.hoisted(async () =>
  (await import('../support/electron-double.ts')).createElectronDouble(),
);
const updater = await vi.hoisted(async () =>
  (await import('../support/electron-double.ts')).createUpdaterDouble(),
);
const built = vi.hoisted(() => [] as RyzeApp[]);
vi.mock('electron', () => double.module);
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater } }));
vi.mock('../../main/app.ts', async (importOriginal) => {
  const real = await importOriginal<typeof AppModule>();
  return {
    ...real,
    createApp: (options: Parameters<typeof real.createApp>[0]) => {
      const app = real.createApp(options);
      built.push(app);
      return app;
    },
  };
});

type Item = ReturnType<typeof menuTemplate>[number];
type Listener = (...args: unknown[]) => void;
const appPage = 'app://ryze/index.html';

describe('the Electron shell (main/index.ts)', () => {
  let dir: ReturnType<typeof tempDir>;
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  // The shell logs uncaught errors; each launch adds its listeners, removed again after the test.
  const processEvents: NodeJS.EventEmitter = process;
  const errorEvents = ['uncaughtException', 'unhandledRejection', 'exit'];
  let listenersBefore: Map<string, Listener[]>;

  beforeEach(() => {
    dir = tempDir();
    listenersBefore = new Map(errorEvents.map((e) => [e, processEvents.listeners(e) as Listener[]]));
    double.reset({ userData: join(dir.path, 'profile') });
  });
  afterEach(async () => {
    for (const app of built.splice(0)) await app.close();
    Object.defineProperty(process, 'platform', platform);
    for (const e of errorEvents)
      for (const l of processEvents.listeners(e) as Listener[])
        if (!listenersBefore.get(e)!.includes(l)) processEvents.off(e, l);
    vi.unstubAllEnvs();
    dir.remove();
  });

  /** Imports main/index.ts afresh, as a new app launch, and waits until its window is open. */
  async function launch(
    options: { packaged?: boolean; os?: NodeJS.Platform; languages?: string[]; displays?: Rect[] } = {},
  ) {
    double.reset({ userData: double.state.paths.userData ?? join(dir.path, 'profile') });
    updater.reset();
    double.state.isPackaged = options.packaged ?? false;
    if (options.languages) double.state.languages = options.languages;
    if (options.displays) double.state.displays = options.displays;
    if (options.os) Object.defineProperty(process, 'platform', { ...platform, value: options.os });
    vi.resetModules();
    await import('../../main/index.ts');
    if (double.state.singleInstance) await vi.waitFor(() => expect(double.windows()).toHaveLength(1));
    return { window: double.windows()[0]!, services: built.at(-1)! };
  }

  const call = (channel: string, args: unknown, url = appPage, mainFrame = true) => {
    const frame = { url };
    return double.rec.ipcHandlers.get(channel)!(
      { senderFrame: frame, sender: { mainFrame: mainFrame ? frame : { url } } },
      args,
    ) as Promise<{ ok: boolean; value?: unknown; error?: { kind: string } }>;
  };
  const lastMenu = () => double.rec.menus.at(-1) as Item[];
  const labels = (items: Item[]) => items.map((i) => i.label);
  const allItems = (items: Item[]): Item[] =>
    items.flatMap((i) => [i, ...allItems((i.submenu ?? []) as Item[])]);

  it('a second launch hands over to the running app and quits, opening nothing', async () => {
    double.state.singleInstance = false;
    vi.resetModules();
    await import('../../main/index.ts');
    expect(double.rec.calls).toContain('app.quit');
    expect(double.rec.calls).not.toContain('ready');
    expect(double.rec.ipcHandlers.size).toBe(0);
    expect(double.windows()).toEqual([]);
  });

  it('a second launch brings the running window back', async () => {
    const { window } = await launch();
    window.minimize();
    double.appEvents.emit('second-instance');
    expect(window.isMinimized()).toBe(false);
    expect(window.isFocused()).toBe(true);
  });

  it('locks the session down before the first page loads, and loads the page from app://', async () => {
    const { window } = await launch();
    const order = (what: string) => double.rec.calls.findIndex((c) => c.startsWith(what));
    expect(order('registerSchemesAsPrivileged')).toBeLessThan(order('ready'));
    for (const lockDown of [
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'onHeadersReceived',
      'protocol.handle app',
    ])
      expect(order(lockDown)).toBeLessThan(order('loadURL'));
    expect(window.loadedUrl).toBe(appPage);
    const page = await double.rec.protocolHandlers.get('app')!(new Request(appPage));
    expect(await page.text()).toContain('<div id="app"></div>');
  });

  it('answers every request channel through the router, for the app page in the top frame only', async () => {
    await launch();
    expect([...double.rec.ipcHandlers.keys()].sort()).toEqual([...requestChannels].sort());
    expect(await call('session:get', undefined)).toMatchObject({ ok: true, value: { signedIn: false } });
    for (const [url, mainFrame] of [
      ['https://evil.example/', true],
      [appPage, false],
      ['file:///opt/ryze/resources/app.asar/out/renderer/index.html', true],
    ] as const) {
      expect(await call('session:get', undefined, url, mainFrame)).toMatchObject({
        ok: false,
        error: { kind: 'forbiddenSender' },
      });
    }
    expect(await call('chats:page', { offset: -1, limit: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'invalidArgument' },
    });
  });

  it('forwards the services’ events to the window, and drops them once it is gone', async () => {
    const { window, services } = await launch();
    services.events.emit('chats:changed', null);
    expect(window.webContents.sent).toContainEqual(['chats:changed', null]);
    window.close();
    expect(() => services.events.emit('chats:changed', null)).not.toThrow();
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('builds the menu in the system’s language, then follows the language the window reports', async () => {
    await launch({ languages: ['pt-BR', 'en-US'] });
    expect(labels(lastMenu())).toEqual(['Arquivo', 'Editar', 'Exibir', 'Janela', 'Ajuda']);
    expect(await call('app:setLocale', { locale: 'en' })).toEqual({ ok: true, value: null });
    expect(labels(lastMenu())).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect((await call('app:setLocale', { locale: 'fr' })).ok).toBe(false);
    expect(labels(lastMenu())).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('Help opens the guide and the log folder; About shows the app, Electron and Chromium versions', async () => {
    const { services } = await launch();
    const click = (label: string) =>
      (allItems(lastMenu()).find((i) => i.label === label)?.click as () => void)();
    click('RyzeAPI Guide');
    click('Open Log Folder');
    click('About Ryze Desktop');
    expect(double.rec.openedExternal).toEqual(['https://docs.ryzeapi.cloud/en/guide/concepts']);
    expect(double.rec.openedPaths).toEqual([join(double.state.paths.userData!, 'logs')]);
    expect(services.log.path.startsWith(double.rec.openedPaths[0]!)).toBe(true);
    expect(double.rec.dialogs[0]?.detail).toMatch(/Version 0\.1\.0\nElectron .*\nChromium .*/);
  });

  it('File › Export and Import are handed to the window, which does them and says how it went', async () => {
    const { window } = await launch();
    (allItems(lastMenu()).find((i) => i.label === 'Export Favorites as CSV…')?.click as () => void)();
    (allItems(lastMenu()).find((i) => i.label === 'Import Favorites…')?.click as () => void)();
    expect(window.webContents.sent).toEqual(
      expect.arrayContaining([
        ['menu:command', 'exportCsv'],
        ['menu:command', 'importFavorites'],
      ]),
    );
    // With the window closed (macOS), the command opens it instead of going nowhere.
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
    window.close();
    (allItems(lastMenu()).find((i) => i.label === 'Export Favorites as CSV…')?.click as () => void)();
    expect(double.windows().filter((w) => !w.destroyed)).toHaveLength(1);
  });

  it('running from source: honours RYZE_DATA_DIR and the dev server, and never checks for updates', async () => {
    const profile = join(dir.path, 'dev-profile');
    vi.stubEnv('RYZE_DATA_DIR', profile);
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    const { window } = await launch();
    expect(double.rec.setPaths).toEqual([['userData', profile]]);
    expect(window.loadedUrl).toBe('http://localhost:5173/');
    expect(updater.checks).toBe(0);
    expect(allItems(lastMenu()).map((i) => i.role)).toContain('toggleDevTools');
  });

  it('installed: ignores RYZE_DATA_DIR and ELECTRON_RENDERER_URL, trusts only app://, checks for updates', async () => {
    vi.stubEnv('RYZE_DATA_DIR', join(dir.path, 'elsewhere'));
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
    const { window } = await launch({ packaged: true });
    expect(double.rec.setPaths).toEqual([]);
    expect(existsSync(join(dir.path, 'elsewhere'))).toBe(false);
    expect(window.loadedUrl).toBe(appPage);
    expect((await call('session:get', undefined, 'https://evil.example/')).error?.kind).toBe(
      'forbiddenSender',
    );
    expect(updater.checks).toBe(1);
    expect(allItems(lastMenu()).map((i) => i.role)).not.toContain('toggleDevTools');
  });

  it('installed: a downloaded update is offered, and "Later" leaves "Restart to Update" in the menu', async () => {
    await launch({ packaged: true });
    double.state.dialogAnswers = [1];
    updater.emit('update-downloaded', { version: '0.2.0' });
    await vi.waitFor(() => expect(double.rec.dialogs).toHaveLength(1));
    expect(double.rec.dialogs[0]?.message).toBe('Version 0.2.0 is ready to install.');
    expect(updater.installs).toBe(0);
    const restart = allItems(lastMenu()).find((i) => i.label === 'Restart to Update');
    (restart?.click as () => void)();
    await vi.waitFor(() => expect(updater.installs).toBe(1)); // nothing pending: restarts at once
  });

  it('reopens the window where it was closed, maximized or not', async () => {
    const first = await launch();
    first.window.bounds = { x: 200, y: 100, width: 1000, height: 700 };
    first.window.maximized = true;
    first.window.close();
    await first.services.close();
    built.length = 0;
    const second = await launch();
    expect(second.window.options).toMatchObject({ x: 200, y: 100, width: 1000, height: 700 });
    second.window.emit('ready-to-show');
    expect(second.window.isMaximized()).toBe(true);
  });

  it('reopens on the primary screen when the monitor the window was on is gone', async () => {
    const laptop = { x: 0, y: 0, width: 1440, height: 875 };
    const first = await launch({ displays: [laptop, { x: 1440, y: 0, width: 2560, height: 1415 }] });
    first.window.bounds = { x: 2000, y: 200, width: 1200, height: 800 };
    first.window.close();
    await first.services.close();
    built.length = 0;
    const second = await launch({ displays: [laptop] });
    expect(second.window.options).toMatchObject({ x: 120, y: 38, width: 1200, height: 800 });
  });

  it('macOS: closing the window keeps the app running; the Dock icon opens it again', async () => {
    const { window } = await launch({ os: 'darwin' });
    window.close();
    expect(double.rec.calls).not.toContain('app.quit');
    double.appEvents.emit('activate');
    expect(double.windows()).toHaveLength(2);
    expect(double.windows()[1]?.loadedUrl).toBe(appPage);
  });

  it('quitting waits for the services to close: the store is closed and the log written before the app quits', async () => {
    const { services } = await launch({ os: 'linux' });
    services.log.info('last words before quitting');
    let prevented = 0;
    double.appEvents.emit('will-quit', { preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    expect(double.rec.calls).not.toContain('app.quit');
    await vi.waitFor(() => expect(double.rec.calls).toContain('app.quit'));
    expect(readFileSync(services.log.path, 'utf8')).toContain('last words before quitting');
    await expect(services.services.store.call('accounts.all')).rejects.toMatchObject({ kind: 'store' });
    // The quit it asked for goes through.
    double.appEvents.emit('will-quit', { preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
  });

  it('Windows and Linux: closing the window quits', async () => {
    const { window } = await launch({ os: 'linux' });
    window.close();
    expect(double.rec.calls).toContain('app.quit');
  });

  it('shows the pending count as a badge from the start, and notifies a refusal when the window is not focused', async () => {
    const { window, services } = await launch({ os: 'win32' });
    expect(double.rec.appUserModelIds).toEqual(['cloud.ryzeapi.desktop']);
    expect(window.overlays).toEqual([{ image: null, description: '' }]);
    services.shellHooks.reportRefused({
      target: 'chat',
      name: { chat: 'Ana', message: null },
      accountId: 'a1',
    });
    expect(double.rec.notifications.map((n) => n.options.title)).toEqual(['A change could not be made']);
    window.minimize();
    double.rec.notifications[0]?.emit('click');
    expect(window.isMinimized()).toBe(false);
    window.focus();
    services.shellHooks.reportRefused({
      target: 'chat',
      name: { chat: 'Bia', message: null },
      accountId: 'a1',
    });
    expect(double.rec.notifications).toHaveLength(1);
  });
});
