import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempSuffix } from '../../main/backup/atomic-file.ts';
import { backupFolderName, listBackups } from '../../main/backup/backup-folder.ts';
import { readFavoritesFile } from '../../main/backup/favorites-file.ts';
import { openDatabase, storeFileName } from '../../main/store/database.ts';
import { ok } from '../support/app-harness.ts';
import { HostClient } from '../support/host-client.ts';
import { seedStarredAccount } from '../support/seed-store.ts';
import { tempDir } from '../support/temp-dir.ts';

const chats = 40;
const messages = 6000;
/** Long texts with accents and emoji: a backup of about 10 MB, which takes a while to write. */
const text = (i: number) => `Mensagem nº ${i}: ação, café, 👍🏽 — `.repeat(40);
const rounds = 6;

describe('a backup being written when the app is killed', () => {
  let dir: ReturnType<typeof tempDir>;
  let folder: string;

  beforeAll(() => {
    dir = tempDir('ryze-backup-kill-');
    folder = join(dir.path, backupFolderName);
    const { db } = openDatabase(dir.path);
    seedStarredAccount(db, { baseUrl: 'http://127.0.0.1:9', instance: 'support', chats, messages, text });
    db.close();
  });
  afterAll(() => dir.remove());

  /** Every finished backup in the folder, read and checked: how many favorites each holds. */
  const readable = () =>
    listBackups(existsSync(folder) ? readdirSync(folder) : []).map((entry) => {
      const reading = readFavoritesFile(readFileSync(join(folder, entry.name)));
      expect(reading.ok, `${entry.name} reads`).toBe(true);
      return reading.ok ? reading.file.accounts[0]!.favorites.length : 0;
    });
  const partials = () =>
    existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith(tempSuffix)) : [];

  it('leaves the previous backup readable, and the next start restores from it', async () => {
    // A first, whole backup: the app writes one as soon as it starts (no wait, for the test) and on closing.
    const first = new HostClient(dir.path, { backup: { settleMs: 0, minIntervalMs: 0 } });
    await first.ready;
    await first.close();
    expect(readable()).toEqual([chats + messages]);

    let landedMidWrite = 0;
    for (let round = 0; round < rounds; round++) {
      const before = readable();
      const host = new HostClient(dir.path, { backup: { settleMs: 0, minIntervalMs: 0 } });
      // Killed the moment its backup's temporary file appears: mid-write.
      for (let i = 0; i < 20_000 && partials().length === 0; i++) await new Promise((r) => setTimeout(r, 1));
      await host.kill();
      if (partials().length > 0) landedMidWrite++;
      // The backups written before are all still whole and readable; no half-written one is among them.
      expect(readable().slice(-before.length)).toEqual(before);
    }
    console.log(`backup-kill: ${landedMidWrite} of ${rounds} kills landed while a backup was being written`);
    expect(landedMidWrite).toBeGreaterThan(0);

    // The store is damaged now: the next start sets it aside and restores the newest whole backup.
    writeFileSync(join(dir.path, storeFileName), 'garbage '.repeat(1000));
    const host = new HostClient(dir.path, { backup: { settleMs: 0, minIntervalMs: 0 } });
    await host.ready;
    const session = ok(await host.call('session:get', undefined));
    expect(session.storeNotice).toMatchObject({ code: 'storeRestored', params: { stars: chats + messages } });
    await host.close();
    // A start cleared what the killed writes left behind.
    expect(partials()).toEqual([]);
    const { db } = openDatabase(dir.path);
    const stored = db.prepare('SELECT count(*) AS n FROM favorites WHERE wanted = 1').get() as { n: number };
    const texts = db
      .prepare(`SELECT count(*) AS n FROM messages WHERE text LIKE 'Mensagem nº%👍🏽%'`)
      .get() as {
      n: number;
    };
    db.close();
    expect(stored.n).toBe(chats + messages);
    expect(texts.n).toBe(messages);
  }, 180_000);
});
