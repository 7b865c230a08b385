import { mkdirSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { appError } from '../../preload/contract.ts';
import { AppFailure, fail } from '../core/app-error.ts';
import { migrations } from './migrations.ts';

export const storeFileName = 'ryze.sqlite';

/**
 * Opens the app's SQLite store in WAL mode and brings its schema up to date. A file that is not a
 * database is moved aside (never deleted) so the app can start again, and the caller is told.
 */
export function openDatabase(dataDir: string): { db: DatabaseSync; recoveredFrom: string | null } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, storeFileName);
  try {
    return { db: prepare(new DatabaseSync(path)), recoveredFrom: null };
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    if (!isCorruption(error)) throw new AppFailure(appError('storeUnreadable'), message(error));
    const aside = `${path}.corrupt-${Date.now()}`;
    renameSync(path, aside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
    }
    return { db: prepare(new DatabaseSync(path)), recoveredFrom: aside };
  }
}

function prepare(db: DatabaseSync): DatabaseSync {
  try {
    db.exec('PRAGMA journal_mode = WAL');
    // FULL: a commit the UI calls "queued" survives power loss, not only a process kill.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function migrate(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  let version = row.user_version;
  if (version > migrations.length) {
    throw fail('storeTooNew');
  }
  for (; version < migrations.length; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[version] as string);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return version;
}

/** Runs `work` in one transaction: all of it reaches the disk, or none of it. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function isCorruption(error: unknown): boolean {
  return /not a database|malformed|file is encrypted/i.test(message(error));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
