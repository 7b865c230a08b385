import { BrowserWindow, screen, session, shell } from 'electron';
import { contentSecurityPolicy } from './csp.ts';
import { isAllowedLink, UserGesture } from './external-links.ts';
import { minimumSize, placeWindow, readWindowState, writeWindowState } from './window-state.ts';

/**
 * The one app window, locked down: isolated, sandboxed, no Node, no navigation, no pop-ups. It opens
 * where it was last closed (see placeWindow) and saves its place in `stateFile` when it closes.
 */
export function createMainWindow(appUrl: string, preloadPath: string, stateFile: string): BrowserWindow {
  const { bounds, maximized } = placeWindow(
    readWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    show: false,
    title: 'Ryze Desktop',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window without passing the open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    try {
      writeWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // Not worth stopping the close for: the next start opens the window at its default place.
    }
  });

  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A link opens in the system browser only when the user just clicked it and it is RyzeAPI's own.
  const gesture = new UserGesture();
  contents.on('input-event', (_event, input) => gesture.note(input.type));
  contents.setWindowOpenHandler(({ url }) => {
    if (gesture.recent && isAllowedLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadURL(appUrl);
  return window;
}

/** Denies every permission (camera, notifications, …) and keeps the renderer off the network. */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
}
