import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { appError } from '../../preload/contract.ts';
import { AppFailure, fail } from '../core/app-error.ts';
import { migrations } from './migrations.ts';

export const storeFileName = 'ryze.sqlite';

/**
 * The tables that hold what RyzeAPI cannot give back (who signed in, what they starred, what is still to
 * be sent). They are checked page by page at every start (well under a millisecond); chats and messages
 * can be downloaded again, and a full check of a 40 MB store takes about half a second, so they are not.
 */
const irreplaceableTables = ['meta', 'accounts', 'favorites', 'outbox', 'failed_changes'];

/**
 * Opens the app's SQLite store in WAL mode and brings its schema up to date. A file that is empty, not a
 * database, cut short, or whose irreplaceable tables do not pass SQLite's check is moved aside (never
 * deleted) so the app can start again, and the caller is told.
 */
export function openDatabase(dataDir: string): { db: DatabaseSync; recoveredFrom: string | null } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, storeFileName);
  try {
    if (isEmptyFile(path)) throw new Error('file is not a database: it is empty');
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
    checkIrreplaceable(db);
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

/**
 * Runs `work` in one transaction: all of it reaches the disk, or none of it. Called inside another
 * transaction, it becomes a savepoint of that one, so repository methods compose: a restore or an import
 * writes accounts, chats, messages and favorites through their own repositories, and commits once.
 */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) {
    db.exec('SAVEPOINT nested');
    try {
      const result = work();
      db.exec('RELEASE nested');
      return result;
    } catch (error) {
      db.exec('ROLLBACK TO nested');
      db.exec('RELEASE nested');
      throw error;
    }
  }
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

/**
 * An empty store file is what a truncation to nothing leaves: the app writes its schema as soon as it
 * creates the file, so it never leaves one itself. SQLite would take it for a new, empty store, and every
 * star would silently be gone. (A file cut short elsewhere SQLite refuses itself, as malformed.)
 */
function isEmptyFile(path: string): boolean {
  return existsSync(path) && statSync(path).size === 0;
}

/** Throws a corruption error when SQLite's own check finds a damaged page in an irreplaceable table. */
function checkIrreplaceable(db: DatabaseSync): void {
  const present = new Set(
    (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  );
  for (const table of irreplaceableTables) {
    if (!present.has(table)) continue;
    const rows = db.prepare(`PRAGMA quick_check(${table})`).all() as Array<{ quick_check: string }>;
    const problem = rows.find((r) => r.quick_check !== 'ok');
    if (problem) throw new Error(`database disk image is malformed (${table}: ${problem.quick_check})`);
  }
}

function isCorruption(error: unknown): boolean {
  return /not a database|malformed|file is encrypted/i.test(message(error));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
