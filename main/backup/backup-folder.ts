import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { tempSuffix } from './atomic-file.ts';
import { readFavoritesFile, type FavoritesFile, type FileProblem } from './favorites-file.ts';

/** The folder beside the store that holds the favorites backups. */
export const backupFolderName = 'backups';

const dayMs = 86_400_000;
/** Backups are kept for this many days (the newest of each day), and the newest two always. */
export const keepDays = 7;
/** A backup larger than this is not a file this app wrote (10,000 stars take about 3 MB). */
const maxBackupBytes = 512 * 1024 * 1024;

const namePattern = /^favorites-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.json$/;

export interface BackupEntry {
  name: string;
  /** Epoch ms it was written. */
  at: number;
}

/** favorites-2025-01-31T09-30-00-000Z.json: sorts by time as text, and is a valid name on every system. */
export function backupFileName(at: number): string {
  return `favorites-${new Date(at).toISOString().replace(/[:.]/g, '-')}.json`;
}

function entryOf(name: string): BackupEntry | null {
  const m = namePattern.exec(name);
  if (!m) return null;
  const at = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at) ? null : { name, at };
}

/** The backups among a folder's file names, newest first; partial files of a write cut short are not backups. */
export function listBackups(names: readonly string[]): BackupEntry[] {
  return names
    .map(entryOf)
    .filter((e): e is BackupEntry => e !== null)
    .sort((a, b) => b.at - a.at);
}

/**
 * Which backups to delete: all but the newest two and the newest of each of the last `keepDays` days.
 * The newest is kept however old it is, so a user who stars nothing for a month still has one.
 */
export function backupsToDelete(entries: readonly BackupEntry[], now: number): BackupEntry[] {
  const newestFirst = [...entries].sort((a, b) => b.at - a.at);
  const keptDays = new Set<string>();
  return newestFirst.filter((entry, index) => {
    const day = new Date(entry.at).toISOString().slice(0, 10);
    const newestOfDay = !keptDays.has(day);
    keptDays.add(day);
    if (index < 2) return false;
    return now - entry.at > keepDays * dayMs || !newestOfDay;
  });
}

/** Deletes backups past the retention rule and partial files a killed write left behind. */
export async function pruneBackups(folder: string, now: number, removePartials: boolean): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const doomed = backupsToDelete(listBackups(names), now).map((e) => e.name);
  if (removePartials) doomed.push(...names.filter((n) => n.endsWith(tempSuffix)));
  await Promise.all(doomed.map((name) => unlink(join(folder, name)).catch(() => undefined)));
}

export interface ReadBackup {
  entry: BackupEntry;
  file: FavoritesFile;
}

/**
 * The newest backup in `folder` that reads and validates, or null. Older ones are tried in turn when a
 * newer one is damaged; `skipped` is told about each one passed over. Synchronous: it runs in the
 * store worker, once, at start, before anything else uses the store.
 */
export function newestReadableBackup(
  folder: string,
  skipped: (name: string, problem: FileProblem | 'unreadable') => void = () => {},
): ReadBackup | null {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  for (const entry of listBackups(names)) {
    const path = join(folder, entry.name);
    let bytes: Buffer;
    try {
      if (statSync(path).size > maxBackupBytes) throw new Error('too large');
      bytes = readFileSync(path);
    } catch {
      skipped(entry.name, 'unreadable');
      continue;
    }
    const reading = readFavoritesFile(bytes);
    if (reading.ok) return { entry, file: reading.file };
    skipped(entry.name, reading.problem);
  }
  return null;
}
