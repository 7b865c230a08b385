import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CachedMedia {
  mimeType: string;
  bytes: Buffer;
}

/**
 * Media files opened before, on disk under the data folder, one folder per account. Bounded: when the
 * files pass `capBytes`, the least recently opened go first. A file is written beside its place and renamed
 * into it, so a crash never leaves half a file that reads as whole. Every file call is asynchronous: main
 * never waits on the disk for a picture.
 */
export class MediaCache {
  private readonly root: string;
  private readonly capBytes: number;

  constructor(root: string, capBytes: number) {
    this.root = root;
    this.capBytes = capBytes;
  }

  async get(accountId: string, messageId: string): Promise<CachedMedia | null> {
    const path = this.pathOf(accountId, messageId);
    try {
      const meta = JSON.parse(await readFile(`${path}.json`, 'utf8')) as { mimeType: string };
      const bytes = await readFile(path);
      const now = new Date();
      await utimes(path, now, now); // recently used: kept longest
      return { mimeType: meta.mimeType, bytes };
    } catch {
      return null; // not cached, or a pair cut short: fetched again
    }
  }

  async put(accountId: string, messageId: string, media: CachedMedia): Promise<void> {
    const path = this.pathOf(accountId, messageId);
    await mkdir(join(this.root, accountId), { recursive: true });
    await writeFile(`${path}.json.tmp`, JSON.stringify({ mimeType: media.mimeType }));
    await writeFile(`${path}.tmp`, media.bytes);
    await rename(`${path}.json.tmp`, `${path}.json`);
    await rename(`${path}.tmp`, path);
    await this.trim();
  }

  /** Everything cached for an account (signing out with "remove from this computer"). */
  async forget(accountId: string): Promise<void> {
    await rm(join(this.root, accountId), { recursive: true, force: true });
  }

  /** Drops the least recently used files until the cache fits its cap. */
  private async trim(): Promise<void> {
    const files: Array<{ path: string; size: number; used: number }> = [];
    for (const account of await safeList(this.root)) {
      const dir = join(this.root, account);
      for (const name of await safeList(dir)) {
        if (name.includes('.')) continue; // metadata and temporaries go with their file
        const info = await stat(join(dir, name)).catch(() => null);
        if (info) files.push({ path: join(dir, name), size: info.size, used: info.mtimeMs });
      }
    }
    let total = files.reduce((sum, f) => sum + f.size, 0);
    files.sort((a, b) => a.used - b.used);
    for (const file of files) {
      if (total <= this.capBytes) break;
      await rm(file.path, { force: true });
      await rm(`${file.path}.json`, { force: true });
      total -= file.size;
    }
  }

  private pathOf(accountId: string, messageId: string): string {
    if (!/^[0-9a-f]+$/.test(accountId)) throw new Error('unexpected account id');
    return join(this.root, accountId, createHash('sha256').update(messageId).digest('hex'));
  }
}

async function safeList(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
