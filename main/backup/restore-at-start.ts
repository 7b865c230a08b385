import type { RotatingLog } from '../log/rotating-log.ts';
import type { Store } from '../store/store-client.ts';

/** What came back: the stars shown again, from the backup written at `backupAt` (epoch ms). */
export interface RestoredBackup {
  backupAt: number;
  stars: number;
}

/**
 * After the store was found unreadable and started anew: fills it from the newest backup that reads
 * (the store worker reads and writes, see favorites-restore.ts), logs what happened and says what came
 * back, for the user's notice. Null when there was none (or it could not be taken in, in which case the
 * new store stays empty, as it would without backups).
 */
export async function restoreNewestBackup(
  store: Store,
  folder: string,
  now: number,
  log: Pick<RotatingLog, 'info' | 'warn' | 'error'>,
): Promise<RestoredBackup | null> {
  const report = await store.call('backup.restoreNewest', folder, now);
  for (const { name, problem } of report.passedOver) {
    log.warn(`The favorites backup ${name} was passed over: ${problem}`);
  }
  const { restored } = report;
  if (restored) {
    log.info(
      `Restored ${restored.stars} stars (${restored.targets} favorites, ${restored.accounts} accounts) from ${restored.name}`,
    );
    return { backupAt: restored.backupAt, stars: restored.stars };
  }
  if (report.error === null) log.warn('No readable favorites backup was found; the new store starts empty.');
  else log.error(`The newest readable favorites backup could not be restored: ${report.error}`);
  return null;
}
