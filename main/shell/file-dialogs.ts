import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import type { ChooseFile } from '../transfer/file-request.ts';
import type { ShellStrings } from './strings.ts';

export interface FileDialogDeps {
  window: () => BrowserWindow | null;
  strings: () => ShellStrings;
  /** Where the save dialog starts (the user's Documents folder). */
  startFolder: () => string;
}

/**
 * The app's answer to "which file?" for exports and imports: the system's own save and open dialogs,
 * attached to the window, in the UI's language. The window only ever asks for an export or an import;
 * the path comes from here (the E2E harness and tests put a path of their own in this place).
 */
export function nativeFileChooser(deps: FileDialogDeps): ChooseFile {
  return async (request) => {
    const s = deps.strings();
    const window = deps.window();
    const attached = window && !window.isDestroyed() ? window : null;
    if (request.purpose === 'export') {
      const extension = request.format;
      const options: SaveDialogOptions = {
        title: s.exportTitle,
        buttonLabel: s.exportButton,
        defaultPath: join(deps.startFolder(), request.suggestedName),
        filters: [{ name: extension === 'csv' ? s.csvFiles : s.jsonFiles, extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const answer = attached
        ? await dialog.showSaveDialog(attached, options)
        : await dialog.showSaveDialog(options);
      if (answer.canceled || !answer.filePath) return null;
      // Linux dialogs do not add the extension a filter names; without it the import dialog would not list the file.
      return extname(answer.filePath) ? answer.filePath : `${answer.filePath}.${extension}`;
    }
    const options: OpenDialogOptions = {
      title: s.importTitle,
      buttonLabel: s.importButton,
      filters: [{ name: s.jsonFiles, extensions: ['json'] }],
      properties: ['openFile'],
    };
    const answer = attached
      ? await dialog.showOpenDialog(attached, options)
      : await dialog.showOpenDialog(options);
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  };
}
