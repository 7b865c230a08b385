import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export interface CachedMedia {
  mimeType: string;
  bytes: Buffer;
}

/**
 * Media files opened before, on disk under the data folder, one folder per account. Bounded: when the
 * files pass `capBytes`, the least recently opened go first. A file is written beside its place and renamed
 * into it, so a crash never leaves half a file that reads as whole.
 */
export class MediaCache {
  private readonly root: string;
  private readonly capBytes: number;

  constructor(root: string, capBytes: number) {
    this.root = root;
    this.capBytes = capBytes;
  }

  get(accountId: string, messageId: string): CachedMedia | null {
    const path = this.pathOf(accountId, messageId);
    try {
      const meta = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as { mimeType: string };
      const bytes = readFileSync(path);
      const now = new Date();
      utimesSync(path, now, now); // recently used: kept longest
      return { mimeType: meta.mimeType, bytes };
    } catch {
      return null; // not cached, or a pair cut short: fetched again
    }
  }

  put(accountId: string, messageId: string, media: CachedMedia): void {
    const path = this.pathOf(accountId, messageId);
    mkdirSync(join(this.root, accountId), { recursive: true });
    writeFileSync(`${path}.json.tmp`, JSON.stringify({ mimeType: media.mimeType }));
    writeFileSync(`${path}.tmp`, media.bytes);
    renameSync(`${path}.json.tmp`, `${path}.json`);
    renameSync(`${path}.tmp`, path);
    this.trim();
  }

  /** Everything cached for an account (signing out with "remove from this computer"). */
  forget(accountId: string): void {
    rmSync(join(this.root, accountId), { recursive: true, force: true });
  }

  /** Drops the least recently used files until the cache fits its cap. */
  private trim(): void {
    const files: Array<{ path: string; size: number; used: number }> = [];
    for (const account of safeList(this.root)) {
      const dir = join(this.root, account);
      for (const name of safeList(dir)) {
        if (name.includes('.')) continue; // metadata and temporaries go with their file
        const stat = statSync(join(dir, name), { throwIfNoEntry: false });
        if (stat) files.push({ path: join(dir, name), size: stat.size, used: stat.mtimeMs });
      }
    }
    let total = files.reduce((sum, f) => sum + f.size, 0);
    files.sort((a, b) => a.used - b.used);
    for (const file of files) {
      if (total <= this.capBytes) break;
      rmSync(file.path, { force: true });
      rmSync(`${file.path}.json`, { force: true });
      total -= file.size;
    }
  }

  private pathOf(accountId: string, messageId: string): string {
    if (!/^[0-9a-f]+$/.test(accountId)) throw new Error('unexpected account id');
    return join(this.root, accountId, createHash('sha256').update(messageId).digest('hex'));
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
