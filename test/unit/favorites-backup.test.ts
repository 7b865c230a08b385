import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../main/backup/backup-folder.ts';
import { FavoritesBackup } from '../../main/backup/favorites-backup.ts';
import { readFavoritesFile } from '../../main/backup/favorites-file.ts';
import { openDatabase } from '../../main/store/database.ts';
import { FavoritesRecordReader } from '../../main/store/favorites-record-reader.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { seedStarredAccount, type SeededAccount } from '../support/seed-store.ts';
import { tempDir } from '../support/temp-dir.ts';

const settleMs = 10_000;
const minIntervalMs = 180_000;

describe('favorites backups', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: DatabaseSync;
  let clock: ManualClock;
  let backup: FavoritesBackup;
  let seeded: SeededAccount;
  let folder: string;
  const warnings: string[] = [];

  const backups = () => listBackups(readdirSync(folder));
  /** Lets the backup's loop and its file writes run. */
  const idle = () => new Promise((resolve) => setTimeout(resolve, 30));
  const star = (n: number) =>
    new OutboxRepo(db).setWanted(
      seeded.accountId,
      { kind: 'chat', chatJid: `${n}@s.whatsapp.net` },
      true,
      clock.now(),
    );

  beforeEach(async () => {
    dir = tempDir();
    folder = join(dir.path, 'backups');
    db = openDatabase(dir.path).db;
    clock = new ManualClock();
    seeded = seedStarredAccount(db, {
      baseUrl: 'https://ryzeapi.cloud',
      instance: 'support',
      chats: 2,
      messages: 2,
    });
    warnings.length = 0;
    backup = new FavoritesBackup({
      reader: new FavoritesRecordReader(db),
      folder,
      clock,
      log: { info: () => {}, warn: (m) => warnings.push(m) },
      settleMs,
      minIntervalMs,
    });
    backup.start();
    await idle();
  });
  afterEach(async () => {
    await backup.close();
    db.close();
    dir.remove();
  });

  it('writes the first backup once the app has been quiet for a while after starting', async () => {
    clock.advance(settleMs - 1);
    await idle();
    expect(() => backups()).toThrow(); // no folder yet: nothing written
    clock.advance(1);
    await vi.waitFor(() => expect(backups()).toHaveLength(1));
    const file = readFavoritesFile(readFileSync(join(folder, backups()[0]!.name)));
    expect(file.ok && file.file.accounts[0]!.favorites).toHaveLength(4);
  });

  it('after a change, waits for it to settle, and never writes twice within the interval', async () => {
    clock.advance(settleMs);
    await vi.waitFor(() => expect(backups()).toHaveLength(1));
    star(1);
    backup.changed();
    clock.advance(settleMs);
    await idle();
    expect(backups()).toHaveLength(1);
    clock.advance(minIntervalMs - settleMs);
    await vi.waitFor(() => expect(backups()).toHaveLength(2));
  });

  it('changes that never settle are still backed up, one interval after the first', async () => {
    clock.advance(settleMs);
    await vi.waitFor(() => expect(backups()).toHaveLength(1));
    clock.advance(minIntervalMs);
    for (let t = 0; t < minIntervalMs; t += settleMs / 2) {
      star(t);
      backup.changed();
      clock.advance(settleMs / 2);
      await idle();
      if (t + settleMs / 2 < minIntervalMs) expect(backups()).toHaveLength(1);
    }
    await vi.waitFor(() => expect(backups()).toHaveLength(2));
  });

  it('does not write a record equal to the last one', async () => {
    clock.advance(settleMs);
    await vi.waitFor(() => expect(backups()).toHaveLength(1));
    backup.changed(); // progress without a change (a hold, say)
    clock.advance(minIntervalMs);
    await idle();
    await backup.flush();
    expect(backups()).toHaveLength(1);
  });

  it('writes what is not yet backed up when the app closes', async () => {
    clock.advance(settleMs);
    await vi.waitFor(() => expect(backups()).toHaveLength(1));
    star(7);
    clock.advance(1);
    backup.changed();
    await backup.close();
    expect(backups()).toHaveLength(2);
    const newest = readFavoritesFile(readFileSync(join(folder, backups()[0]!.name)));
    expect(
      newest.ok && newest.file.accounts[0]!.favorites.some((f) => f.chatJid === '7@s.whatsapp.net'),
    ).toBe(true);
  });
});
