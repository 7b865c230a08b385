import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files this module writes end so; whoever owns the folder removes any left by a killed app. */
export const tempSuffix = '.partial';

/**
 * Writes a file so that, whatever happens (the app killed, the power cut), `path` holds either its old
 * content or all of the new: the chunks go to a temporary file beside it, which is flushed to disk,
 * renamed over `path`, and the folder flushed so the rename itself survives. Asynchronous throughout,
 * so writing never holds the main process's thread.
 */
export async function writeFileAtomically(
  path: string,
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(4).toString('hex')}${tempSuffix}`);
  const file = await open(temp, 'wx');
  try {
    try {
      for await (const chunk of chunks) await file.write(chunk);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Flushes a folder's entries (the rename) to disk. Windows cannot open a folder as a file; there NTFS
 * journals the rename itself.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
