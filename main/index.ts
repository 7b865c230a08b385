/**
 * The Electron shell: app lifecycle, the window, the menu, updates, badges and notifications, and IPC
 * wired to the services built by createApp(). Kept thin on purpose: everything it calls runs and is
 * tested under plain Node, and the shell itself is tested against a recording double of `electron`.
 */
import { app, ipcMain, shell, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestChannels } from '../preload/contract.ts';
import { createApp, type RyzeApp } from './app.ts';
import { logUncaught } from './log/uncaught.ts';
import { KeytarSecretStore } from './secrets/keytar-store.ts';
import { appEntryUrl, registerAppScheme, serveRenderer } from './shell/app-protocol.ts';
import { PendingBadge } from './shell/badge.ts';
import { devOverrides } from './shell/dev-overrides.ts';
import { aboutBox, ask } from './shell/dialogs.ts';
import { nativeFileChooser } from './shell/file-dialogs.ts';
import { installMenu } from './shell/menu.ts';
import { notifyRefused } from './shell/notifications.ts';
import { localeFromSystem, stringsFor } from './shell/strings.ts';
import { isAppPage } from './shell/trusted-origin.ts';
import { releasesPage, Updates } from './shell/updater.ts';
import { createMainWindow, lockDownSession } from './shell/window.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The store worker's script: out/main/store/store-worker.js when built (its own entry), main/store/store-worker.ts from source. */
const storeWorkerFile = join(here, 'store', `store-worker${extname(fileURLToPath(import.meta.url))}`);
/** Windows groups the taskbar button, its overlay and notifications under this id (electron-builder's appId). */
const appUserModelId = 'cloud.ryzeapi.desktop';
let window: BrowserWindow | null = null;
let ryze: RyzeApp | null = null;
let openWindow: (() => void) | null = null;
let closing: Promise<void> | null = null;
let closed = false;
/** How long quitting waits for the services to close (a favorite call in flight times out sooner). */
const quitTimeoutMs = 15_000;

const dev = devOverrides(app.isPackaged, process.env);
if (dev.dataDir) app.setPath('userData', dev.dataDir);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch, or a click on the Dock icon with no window open (macOS): show the one window.
  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  // macOS apps stay running with no window; changes keep being sent meanwhile.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!ryze || closed) return;
    // Quitting waits for the services to close: a favorite call in flight is answered and recorded, the
    // store worker checkpoints and closes the store, and the log's last lines are written. Then quit again.
    event.preventDefault();
    closing ??= Promise.race([ryze.close(), new Promise((resolve) => setTimeout(resolve, quitTimeoutMs))])
      .catch(() => undefined)
      .then(() => {
        closed = true;
        app.quit();
      });
  });
  void app.whenReady().then(start);
}

function showWindow(): void {
  if (!window) return openWindow?.();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function start(): void {
  lockDownSession();
  serveRenderer(join(here, '../renderer'));
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId);
  const appUrl = dev.rendererUrl ?? appEntryUrl;
  ryze = createApp({
    dataDir: app.getPath('userData'),
    secretStore: new KeytarSecretStore(),
    isTrustedCaller: isAppPage(appUrl),
    storeWorkerFile,
    chooseFile: nativeFileChooser({
      window: () => window,
      strings: () => strings(),
      startFolder: () => app.getPath('documents'),
    }),
  });
  const services = ryze;
  const hooks = services.shellHooks;
  logUncaught(services.log);
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, args: unknown) =>
      services.router.handle(channel, args, {
        url: event.senderFrame?.url ?? '',
        isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
      }),
    );
  }
  services.events.subscribe((channel, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
  });

  // Main's own texts follow the window's language; until it reports one, the system's.
  const strings = () => stringsFor(hooks.locale ?? localeFromSystem(app.getPreferredSystemLanguages()[0]));
  const updates = new Updates({
    updater: () => electronUpdater.autoUpdater,
    isPackaged: app.isPackaged,
    selfUpdating: process.platform !== 'linux' || Boolean(process.env.APPIMAGE),
    pending: { total: hooks.pendingTotal, onChange: (listener) => hooks.onPendingChange(listener) },
    strings,
    ask: (box) => ask(window, box),
    openReleases: releasesOpener(),
    log: services.log,
    onReady: () => menu(),
  });
  const menu = () =>
    installMenu({
      strings: strings(),
      platform: process.platform,
      isPackaged: app.isPackaged,
      updateReady: updates.ready,
      actions: {
        about: () => void ask(window, aboutBox(strings(), app.getVersion(), process.versions)),
        checkForUpdates: () => void updates.checkNow(),
        restartToUpdate: () => void updates.restart(),
        openGuide: () => void shell.openExternal(strings().guideUrl),
        openLogFolder: () => void shell.openPath(dirname(services.log.path)),
        // The window does it and says how it went; with no window open, the command opens one first.
        command: (command) => {
          if (!window) return showWindow();
          showWindow();
          services.events.emit('menu:command', command);
        },
      },
    });
  const badge = new PendingBadge({
    platform: process.platform,
    window: () => window,
    describe: (count) => strings().pendingBadge(count),
  });
  hooks.onLocaleChange(() => {
    menu();
    badge.show(badge.count, true);
  });
  hooks.onPendingChange(() => badge.show(hooks.pendingTotal()));
  hooks.onChangeRefused((change) =>
    notifyRefused(change, { window, strings: strings(), onClick: showWindow }),
  );
  menu();

  // The window opens at once: it shows that the app is opening until the store worker has opened the store
  // and the session is restored (session:get answers then). start() never rejects: a store it cannot open
  // is what the window is told.
  void services.start();
  openWindow = () => {
    window = createMainWindow(
      appUrl,
      join(here, '../preload/index.cjs'),
      join(app.getPath('userData'), 'window-state.json'),
    );
    window.on('closed', () => (window = null));
    badge.show(hooks.pendingTotal(), true);
  };
  openWindow();
  updates.start();
}

/** The feed's releases page (for .deb users), from the app-update.yml electron-builder packed. */
function releasesOpener(): (() => void) | null {
  if (!app.isPackaged) return null;
  let page: string | null = null;
  try {
    page = releasesPage(readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    // No metadata (a build without a publish setting): the dialog then has no button for it.
  }
  return page ? () => void shell.openExternal(page) : null;
}
