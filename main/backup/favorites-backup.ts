import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../core/clock.ts';
import type { RotatingLog } from '../log/rotating-log.ts';
import { WakeSignal } from '../sync/wake-signal.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { backupFileName, pruneBackups } from './backup-folder.ts';
import { fileEnd, fileStart } from './favorites-file.ts';
import { accountsJson, type RecordCounts, type RecordSource } from './record-chunks.ts';

export interface FavoritesBackupOptions {
  reader: RecordSource;
  /** The backups folder (beside the store). */
  folder: string;
  clock: Clock;
  log: Pick<RotatingLog, 'info' | 'warn'>;
  /** Quiet time after the last change before a backup is written. */
  settleMs?: number;
  /** Shortest time between two backups, and the longest a change waits for one while changes keep coming. */
  minIntervalMs?: number;
}

const idleMs = 3_600_000;

/**
 * Writes a backup of the favorites record after changes settle: `settleMs` after the last change, but
 * no later than `minIntervalMs` after the first unsaved one (a user starring all afternoon still gets
 * backups) and never within `minIntervalMs` of the previous backup. A record equal to the last one
 * written is not written again. Reading the store is sliced and writing is asynchronous, so a backup
 * never holds the main process's thread for long; the file is written atomically, so a backup is
 * always whole, and the previous one stays readable if the app dies while writing.
 */
export class FavoritesBackup {
  private readonly options: Required<FavoritesBackupOptions>;
  private readonly wakeSignal = new WakeSignal();
  /** When the first change not in a backup happened; null when the last backup has everything. */
  private dirtySince: number | null = null;
  private lastChange = 0;
  private lastWrite = Number.NEGATIVE_INFINITY;
  private lastDigest: string | null = null;
  private writing: Promise<void> | null = null;
  private loop: Promise<void> | null = null;
  private stopped = false;

  constructor(options: FavoritesBackupOptions) {
    this.options = { settleMs: 10_000, minIntervalMs: 180_000, ...options };
  }

  /** Starts the schedule, with a backup due for what the store holds now, and clears a killed write's leftovers. */
  start(): void {
    if (this.loop) return;
    this.changed();
    this.loop = pruneBackups(this.options.folder, this.options.clock.now(), true).then(() => this.run());
  }

  /** The favorites (may) have changed. */
  changed(): void {
    const now = this.options.clock.now();
    this.dirtySince ??= now;
    this.lastChange = now;
    this.wakeSignal.wake();
  }

  /** Writes what is not yet in a backup now (and waits for a write in progress). */
  async flush(): Promise<void> {
    await this.writing;
    if (this.dirtySince !== null) await this.write();
  }

  /** Stops the schedule after writing what is not yet backed up. */
  async close(): Promise<void> {
    this.stopped = true;
    this.wakeSignal.wake();
    await this.loop;
    await this.flush();
  }

  private async run(): Promise<void> {
    const { clock, settleMs, minIntervalMs } = this.options;
    while (!this.stopped) {
      if (this.dirtySince === null) {
        await clock.sleep(idleMs, this.wakeSignal.signal);
        continue;
      }
      const due = Math.max(
        this.lastWrite + minIntervalMs,
        Math.min(this.lastChange + settleMs, this.dirtySince + minIntervalMs),
      );
      const wait = due - clock.now();
      if (wait > 0) {
        await clock.sleep(wait, this.wakeSignal.signal);
        continue;
      }
      await this.write();
    }
  }

  private write(): Promise<void> {
    this.writing ??= this.writeNow().finally(() => (this.writing = null));
    return this.writing;
  }

  private async writeNow(): Promise<void> {
    const { clock, folder, reader, log } = this.options;
    const since = this.dirtySince;
    // Changes from here on are not in this backup: they make the next one due.
    this.dirtySince = null;
    const startedAt = clock.now();
    try {
      const chunks: string[] = [];
      const digest = createHash('sha256');
      const counts: RecordCounts = { accounts: 0, chats: 0, messages: 0 };
      for await (const chunk of accountsJson(reader, { starredOnly: false }, counts)) {
        chunks.push(chunk);
        digest.update(chunk);
      }
      const hash = digest.digest('base64');
      // Nothing signed in ever (a new install): there is nothing to keep.
      if (counts.accounts === 0 || hash === this.lastDigest) return;
      await mkdir(folder, { recursive: true });
      await writeFileAtomically(join(folder, backupFileName(startedAt)), [
        fileStart('backup', startedAt),
        ...chunks,
        fileEnd,
      ]);
      this.lastDigest = hash;
      this.lastWrite = clock.now();
      await pruneBackups(folder, startedAt, false);
    } catch (error) {
      // Kept due, and tried again after the usual interval (a full disk is not fixed in a second).
      this.dirtySince ??= since ?? startedAt;
      this.lastWrite = clock.now();
      log.warn(`The favorites backup could not be written: ${(error as Error).message}`);
    }
  }
}
