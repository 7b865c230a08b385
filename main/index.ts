/**
 * The Electron shell: app lifecycle, the window, and IPC wired to the services built by createApp().
 * Kept thin on purpose; everything it calls runs and is tested under plain Node.
 */
import { app, ipcMain, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestChannels } from '../preload/contract.ts';
import { createApp, type RyzeApp } from './app.ts';
import { KeytarSecretStore } from './secrets/keytar-store.ts';
import { isAppPage } from './shell/trusted-origin.ts';
import { createMainWindow, lockDownSession, rendererEntry } from './shell/window.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
let window: BrowserWindow | null = null;
let ryze: RyzeApp | null = null;

// A separate profile for tests and side-by-side runs; normally the OS's per-user app data folder.
if (process.env.RYZE_DATA_DIR) app.setPath('userData', process.env.RYZE_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void ryze?.close());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  lockDownSession();
  const appUrl = rendererEntry(here);
  ryze = createApp({
    dataDir: app.getPath('userData'),
    secretStore: new KeytarSecretStore(),
    isTrustedCaller: isAppPage(appUrl),
  });
  const services = ryze;
  process.on('uncaughtException', (error) => services.log.error('Uncaught exception', error));
  process.on('unhandledRejection', (reason) => services.log.error('Unhandled rejection', reason));
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
  await services.start();
  window = createMainWindow(appUrl, join(here, '../preload/index.cjs'));
  window.on('closed', () => (window = null));
}
