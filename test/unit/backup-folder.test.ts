import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToDelete,
  listBackups,
  newestReadableBackup,
} from '../../main/backup/backup-folder.ts';
import { fileEnd, fileStart } from '../../main/backup/favorites-file.ts';
import { tempDir } from '../support/temp-dir.ts';

const hour = 3_600_000;
const day = 24 * hour;
const now = Date.UTC(2026, 0, 15, 12);

describe('the backups folder', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('names backups by time, so they sort by name, with no character a file system refuses', () => {
    const name = backupFileName(now);
    expect(name).toBe('favorites-2026-01-15T12-00-00-000Z.json');
    expect(name).not.toMatch(/[:\\/*?"<>|]/);
    expect(listBackups([name, `.${name}.ab12.partial`, 'notes.txt', backupFileName(now - 1)])).toEqual([
      { name, at: now },
      { name: backupFileName(now - 1), at: now - 1 },
    ]);
  });

  it('keeps the newest two and the newest of each of the last seven days, and always the newest', () => {
    const times = [
      now - 10 * 60_000,
      now - 20 * 60_000,
      now - 30 * 60_000, // today, third: goes
      now - day, // yesterday's newest
      now - day - hour, // yesterday's older: goes
      now - 3 * day,
      now - 6 * day,
      now - 8 * day, // past seven days: goes
    ];
    const entries = listBackups(times.map(backupFileName));
    expect(backupsToDelete(entries, now).map((e) => e.at)).toEqual([
      now - 30 * 60_000,
      now - day - hour,
      now - 8 * day,
    ]);
    // A month without a change: the last backups stay, however old.
    const old = listBackups([now - 30 * day, now - 31 * day, now - 40 * day].map(backupFileName));
    expect(backupsToDelete(old, now).map((e) => e.at)).toEqual([now - 40 * day]);
  });

  it('restores from the newest backup that reads, passing over a damaged one', () => {
    mkdirSync(dir.path, { recursive: true });
    const good = `${fileStart('backup', now - hour)}${fileEnd}`;
    writeFileSync(join(dir.path, backupFileName(now - hour)), good);
    writeFileSync(join(dir.path, backupFileName(now)), good.slice(0, 20));
    writeFileSync(join(dir.path, `.${backupFileName(now + hour)}.ab12.partial`), good);
    const skipped: string[] = [];
    const newest = newestReadableBackup(dir.path, (name, problem) => skipped.push(`${name}: ${problem}`));
    expect(newest?.entry.at).toBe(now - hour);
    expect(skipped).toEqual([`${backupFileName(now)}: damaged`]);
    expect(newestReadableBackup(join(dir.path, 'none'))).toBeNull();
  });
});
