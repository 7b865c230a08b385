import { randomBytes } from 'node:crypto';
import { closeSync, openSync, truncateSync, writeSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/** Overwrites `length` bytes at `offset` of a file with noise (a bad sector, a stray write). */
export function scribble(path: string, offset: number, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, randomBytes(length), 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

/**
 * The second half of the favorites table's first page overwritten: its cells, as a write cut off halfway
 * (a torn page after a power cut) would leave them. The store must be closed.
 */
export function tearFavoritesPage(path: string): void {
  const raw = new DatabaseSync(path);
  const { rootpage } = raw.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'favorites'`).get() as {
    rootpage: number;
  };
  const { page_size: size } = raw.prepare('PRAGMA page_size').get() as { page_size: number };
  raw.close();
  scribble(path, (rootpage - 1) * size + size / 2, size / 2);
}

/** Three ways a store file is found damaged at start: cut off, its header overwritten, a page half-written. */
export const storeDamages: Record<string, (path: string) => void> = {
  'truncated to nothing': (path) => truncateSync(path, 0),
  'a garbage header': (path) => scribble(path, 0, 100),
  'a half-written page of the favorites': tearFavoritesPage,
};
