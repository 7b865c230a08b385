import { dialog, type BrowserWindow } from 'electron';
import type { ShellStrings } from './strings.ts';
import type { MessageBox } from './updater.ts';

/** A native message box, attached to the window when there is one; resolves to the button chosen. */
export async function ask(window: BrowserWindow | null, box: MessageBox): Promise<number> {
  const options = {
    ...box,
    defaultId: 0,
    cancelId: box.buttons.length - 1,
    noLink: true,
  };
  const answer =
    window && !window.isDestroyed()
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options);
  return answer.response;
}

/** About: the app's version and what it runs on, the first things a bug report needs. */
export function aboutBox(
  strings: ShellStrings,
  appVersion: string,
  versions: NodeJS.ProcessVersions,
): MessageBox {
  return {
    type: 'info',
    message: strings.app,
    detail: [
      strings.version(appVersion),
      `Electron ${versions.electron}`,
      `Chromium ${versions.chrome}`,
      `Node.js ${versions.node}`,
    ].join('\n'),
    buttons: [strings.ok],
  };
}
