import { existsSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, storeFileName, transaction } from '../../main/store/database.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { scribble, tearFavoritesPage } from '../support/store-damage.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A store holding `n` starred chats, closed (so everything is in the main file). */
function storeWithStars(dataDir: string, n = 300): void {
  const { db } = openDatabase(dataDir);
  const outbox = new OutboxRepo(db);
  for (let i = 0; i < n; i++)
    outbox.setWanted('acc', { kind: 'chat', chatJid: `55${i}@s.whatsapp.net` }, true, 1);
  db.close();
}

describe('a damaged store', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.path, storeFileName);
  });
  afterEach(() => dir.remove());

  const opensAside = () => {
    const { db, recoveredFrom } = openDatabase(dir.path);
    const stars = (db.prepare('SELECT count(*) AS n FROM favorites').get() as { n: number }).n;
    db.close();
    return { recoveredFrom, stars };
  };

  it('truncated to nothing is set aside, not taken for a new empty store', () => {
    storeWithStars(dir.path);
    truncateSync(path, 0);
    const { recoveredFrom, stars } = opensAside();
    expect(recoveredFrom).toMatch(/corrupt-/);
    expect(stars).toBe(0);
    expect(statSync(recoveredFrom!).size).toBe(0);
  });

  it('cut short (fewer pages than its header counts) is set aside, even where only messages were lost (SQLite’s own check)', () => {
    storeWithStars(dir.path);
    const { db } = openDatabase(dir.path);
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
      INSERT INTO messages (account_id, id, chat_jid, ts, from_me, text)
      SELECT 'acc', 'm' || i, 'c@s.whatsapp.net', i, 0, hex(randomblob(200)) FROM n`);
    db.close();
    const { page_size: pageSize } = new DatabaseSync(':memory:').prepare('PRAGMA page_size').get() as {
      page_size: number;
    };
    // The last pages, written last: message pages, which nothing reads at start.
    truncateSync(path, statSync(path).size - 8 * pageSize);
    expect(opensAside().recoveredFrom).toMatch(/corrupt-/);
  });

  it('with a garbage header is set aside', () => {
    storeWithStars(dir.path);
    scribble(path, 0, 100);
    expect(opensAside().recoveredFrom).toMatch(/corrupt-/);
  });

  it('with a half-written page of the favorites is set aside', () => {
    storeWithStars(dir.path);
    tearFavoritesPage(path);
    const { recoveredFrom } = opensAside();
    expect(recoveredFrom).toMatch(/corrupt-/);
    expect(readdirSync(dir.path).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('is not what a healthy store looks like after a crash, with its log not yet checkpointed', () => {
    const { db } = openDatabase(dir.path);
    db.exec('PRAGMA wal_autocheckpoint = 0');
    const outbox = new OutboxRepo(db);
    for (let i = 0; i < 500; i++)
      outbox.setWanted('acc', { kind: 'chat', chatJid: `${i}@s.whatsapp.net` }, true, 1);
    // The app "dies" here: the log holds the pages, the main file is behind its log.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    const second = openDatabase(dir.path);
    expect(second.recoveredFrom).toBeNull();
    expect((second.db.prepare('SELECT count(*) AS n FROM favorites').get() as { n: number }).n).toBe(500);
    second.db.close();
    db.close();
    expect(existsSync(path)).toBe(true);
  });
});

describe('transactions', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('nest: an inner one that fails is undone alone; an outer one that fails undoes everything', () => {
    const { db } = openDatabase(dir.path);
    const put = (k: string) => db.prepare(`INSERT INTO meta (key, value) VALUES (?, '')`).run(k);
    const keys = () =>
      (db.prepare('SELECT key FROM meta ORDER BY key').all() as Array<{ key: string }>).map((r) => r.key);
    transaction(db, () => {
      put('a');
      expect(() =>
        transaction(db, () => {
          put('b');
          throw new Error('inner fails');
        }),
      ).toThrow('inner fails');
      transaction(db, () => put('c'));
    });
    expect(keys()).toEqual(['a', 'c']);
    expect(() =>
      transaction(db, () => {
        put('d');
        transaction(db, () => put('e'));
        throw new Error('outer fails');
      }),
    ).toThrow('outer fails');
    expect(keys()).toEqual(['a', 'c']);
    expect(db.isTransaction).toBe(false);
    db.close();
  });
});
