import type { DatabaseSync } from 'node:sqlite';
import type { RotatingLog } from '../log/rotating-log.ts';
import { restoreFromBackup } from '../store/favorites-restore.ts';
import { newestReadableBackup } from './backup-folder.ts';

/** What came back: the stars shown again, from the backup written at `backupAt` (epoch ms). */
export interface RestoredBackup {
  backupAt: number;
  stars: number;
}

/**
 * After the store was found unreadable and started anew: fills it from the newest backup that reads,
 * and says what came back, for the user's notice. Null when there was none (or it could not be taken
 * in, in which case the new store stays empty, as it would without backups).
 */
export function restoreNewestBackup(
  db: DatabaseSync,
  folder: string,
  now: number,
  log: Pick<RotatingLog, 'info' | 'warn' | 'error'>,
): RestoredBackup | null {
  const newest = newestReadableBackup(folder, (name, problem) =>
    log.warn(`The favorites backup ${name} was passed over: ${problem}`),
  );
  if (!newest) {
    log.warn('No readable favorites backup was found; the new store starts empty.');
    return null;
  }
  try {
    const counts = restoreFromBackup(db, newest.file, now);
    log.info(
      `Restored ${counts.stars} stars (${counts.targets} favorites, ${counts.accounts} accounts) from ${newest.entry.name}`,
    );
    return { backupAt: newest.entry.at, stars: counts.stars };
  } catch (error) {
    log.error(`The favorites backup ${newest.entry.name} could not be restored`, error);
    return null;
  }
}
