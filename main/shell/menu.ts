import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../preload/contract.ts';
import type { ShellStrings } from './strings.ts';

/** What the app's own menu items do; the shell (main/index.ts) provides them. */
export interface MenuActions {
  about(): void;
  checkForUpdates(): void;
  restartToUpdate(): void;
  openGuide(): void;
  openLogFolder(): void;
  /** A command the window carries out (exports and imports: it shows what happened). */
  command(command: MenuCommand): void;
}

export interface MenuOptions {
  strings: ShellStrings;
  platform: NodeJS.Platform;
  /** Reload and the developer tools are offered only when running from source. */
  isPackaged: boolean;
  /** An update was downloaded: "Check for Updates…" becomes "Restart to Update". */
  updateReady: boolean;
  actions: MenuActions;
}

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

/**
 * The application menu: the platform's standard roles (labelled in the UI's language, since Electron's
 * own labels are English only) and the app's items. A new command is one entry in a submenu below plus
 * its label in strings.ts.
 */
export function menuTemplate(options: MenuOptions): Item[] {
  const { strings: s, actions, platform } = options;
  const mac = platform === 'darwin';
  const about: Item = { label: s.about, click: () => actions.about() };
  const updates: Item = options.updateReady
    ? { label: s.restartToUpdate, click: () => actions.restartToUpdate() }
    : { label: s.checkForUpdates, click: () => actions.checkForUpdates() };
  // On Windows and Linux a menu accelerator is taken before the page sees the key; Ctrl+Z must reach
  // the window, which undoes the last star (text fields still undo their own typing).
  const pageKeys: Partial<Item> = mac ? {} : { registerAccelerator: false };

  const appMenu: Item = {
    label: s.app,
    submenu: [
      about,
      separator,
      updates,
      separator,
      { role: 'services', label: s.services },
      separator,
      { role: 'hide', label: s.hide },
      { role: 'hideOthers', label: s.hideOthers },
      { role: 'unhide', label: s.showAll },
      separator,
      { role: 'quit', label: s.quit },
    ],
  };
  const file: Item = {
    label: s.file,
    submenu: [
      { label: s.exportCsv, click: () => actions.command('exportCsv') },
      { label: s.exportJson, click: () => actions.command('exportJson') },
      separator,
      { label: s.importFavorites, click: () => actions.command('importFavorites') },
      separator,
      mac ? { role: 'close', label: s.closeWindow } : { role: 'quit', label: s.quit },
    ],
  };
  const edit: Item = {
    label: s.edit,
    submenu: [
      { role: 'undo', label: s.undo, ...pageKeys },
      { role: 'redo', label: s.redo, ...pageKeys },
      separator,
      { role: 'cut', label: s.cut },
      { role: 'copy', label: s.copy },
      { role: 'paste', label: s.paste },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: s.pasteAndMatchStyle } satisfies Item] : []),
      { role: 'delete', label: s.delete },
      separator,
      { role: 'selectAll', label: s.selectAll },
    ],
  };
  const view: Item = {
    label: s.view,
    submenu: [
      ...(options.isPackaged
        ? []
        : [
            { role: 'reload', label: s.reload } satisfies Item,
            { role: 'toggleDevTools', label: s.devTools } satisfies Item,
            separator,
          ]),
      { role: 'resetZoom', label: s.actualSize },
      { role: 'zoomIn', label: s.zoomIn },
      { role: 'zoomOut', label: s.zoomOut },
      separator,
      { role: 'togglefullscreen', label: s.fullScreen },
    ],
  };
  const window: Item = {
    label: s.window,
    ...(mac ? { role: 'window' } : {}),
    submenu: mac
      ? [
          { role: 'minimize', label: s.minimize },
          { role: 'zoom', label: s.zoom },
          separator,
          { role: 'front', label: s.bringAllToFront },
        ]
      : [
          { role: 'minimize', label: s.minimize },
          { role: 'close', label: s.closeWindow },
        ],
  };
  const help: Item = {
    label: s.help,
    ...(mac ? { role: 'help' } : {}),
    submenu: [
      { label: s.guide, click: () => actions.openGuide() },
      { label: s.logFolder, click: () => actions.openLogFolder() },
      ...(mac ? [] : [separator, updates, separator, about]),
    ],
  };
  return mac ? [appMenu, file, edit, view, window, help] : [file, edit, view, window, help];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
