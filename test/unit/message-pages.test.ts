import type { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiMessage } from '../../main/api/parse.ts';
import { migrate, openDatabase, storeFileName } from '../../main/store/database.ts';
import { MessagesRepo } from '../../main/store/messages-repo.ts';
import { migrations } from '../../main/store/migrations.ts';
import { createRng } from '../emulator/prng.ts';
import { storeAsVersion } from '../support/old-store.ts';
import { tempDir } from '../support/temp-dir.ts';

// A chat's pages are read through per-chat blocks of counted rows (migration 3). Whatever order messages
// arrive in — history pages going back, live ones going forward, late ones in the middle, repeats — every
// page must be exactly the rows a plain ORDER BY ... LIMIT ... OFFSET would give, and the total exact.

function message(chatJid: string, ts: number, id: string): ApiMessage {
  return {
    id,
    chatJid,
    fromMe: false,
    senderJid: chatJid,
    senderName: 'A',
    type: 'text',
    text: `m ${id}`,
    timestamp: ts,
  };
}

function plainPage(
  db: DatabaseSync,
  accountId: string,
  chatJid: string,
  offset: number,
  limit: number,
): string[] {
  return (
    db
      .prepare(
        'SELECT id FROM messages WHERE account_id = ? AND chat_jid = ? ORDER BY ts, id LIMIT ? OFFSET ?',
      )
      .all(accountId, chatJid, limit, offset) as Array<{ id: string }>
  ).map((r) => r.id);
}

function plainCount(db: DatabaseSync, accountId: string, chatJid: string): number {
  return (
    db
      .prepare('SELECT count(*) AS n FROM messages WHERE account_id = ? AND chat_jid = ?')
      .get(accountId, chatJid) as {
      n: number;
    }
  ).n;
}

function expectPagesMatch(
  db: DatabaseSync,
  repo: MessagesRepo,
  accountId: string,
  chatJid: string,
  seed: number,
): void {
  const total = plainCount(db, accountId, chatJid);
  const rng = createRng(seed);
  // Both ends, block boundaries (multiples of 1,000 and their neighbours) and random places.
  const offsets = [0, 1, total - 1, total - 50, 999, 1000, 1001, 1999, 2000, 2001, 3000];
  for (let i = 0; i < 20; i++) offsets.push(rng.int(total + 10));
  for (const offset of offsets.filter((o) => o >= 0)) {
    const page = repo.page(accountId, chatJid, offset, 100);
    expect(page.total).toBe(total);
    expect(
      page.rows.map((r) => r.id),
      `offset ${offset}`,
    ).toEqual(plainPage(db, accountId, chatJid, offset, 100));
    // Where a message is, as a jump to it asks: the same place the page found it at.
    for (const k of page.rows.length > 0 ? [0, page.rows.length - 1] : []) {
      const id = page.rows[k]?.id as string;
      expect(repo.locate(accountId, chatJid, id), `locate ${id}`).toEqual({ index: page.offset + k, total });
    }
  }
  expect(repo.locate(accountId, chatJid, 'no-such-message')).toEqual({ index: null, total });
}

describe('message pages in a long chat', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('are exactly the chat in time order wherever the page is, however the messages arrived', () => {
    const { db } = openDatabase(dir.path);
    const repo = new MessagesRepo(db);
    const rng = createRng(7);
    let oldest = 5_000_000;
    let newest = 5_000_000;
    let serial = 0;
    for (let round = 0; round < 120; round++) {
      const kind = rng.int(4);
      const batch: ApiMessage[] = [];
      const size = 1 + rng.int(120);
      for (let i = 0; i < size; i++) {
        // History going back, live going forward, late arrivals in the middle, and timestamps shared by
        // several messages (ties are ordered by id).
        const ts =
          kind === 0 ? --oldest : kind === 1 ? ++newest : oldest + rng.int(Math.max(1, newest - oldest + 1));
        batch.push(message(rng.int(5) === 0 ? 'b@s' : 'a@s', kind === 3 ? newest : ts, `id${serial++}`));
      }
      // A page that overlaps what is held (the API's inclusive bound) stores nothing twice.
      if (round % 10 === 0) batch.push(...batch.slice(0, 5));
      repo.save('acc', batch);
      repo.save('other', batch.slice(0, 3));
    }
    expect(plainCount(db, 'acc', 'a@s')).toBeGreaterThan(4_000);
    expectPagesMatch(db, repo, 'acc', 'a@s', 1);
    expectPagesMatch(db, repo, 'acc', 'b@s', 2);
    expectPagesMatch(db, repo, 'other', 'a@s', 3);
    // No block is left over twice the block size, so no page walks more than ~2,000 rows into one.
    const largest = db.prepare('SELECT max(n) AS n FROM message_blocks').get() as { n: number };
    expect(largest.n).toBeLessThanOrEqual(2_000);
    // The search index, merged a step at a time after each save, still agrees with the messages exactly.
    expect(() =>
      db.exec("INSERT INTO message_fts (message_fts, rank) VALUES ('integrity-check', 1)"),
    ).not.toThrow();
    db.close();
  });

  it('counts a chat it has never seen as empty', () => {
    const { db } = openDatabase(dir.path);
    const repo = new MessagesRepo(db);
    expect(repo.page('acc', 'nobody@s', 0, 50)).toEqual({ rows: [], total: 0, offset: 0 });
    db.close();
  });

  it('keeps pages right for messages stored before the upgrade that added blocks', () => {
    const path = join(dir.path, storeFileName);
    const old = storeAsVersion(path, 2);
    const insert = old.prepare(
      `INSERT INTO messages (account_id, id, chat_jid, ts, from_me) VALUES ('acc', ?, ?, ?, 0)`,
    );
    old.exec('BEGIN');
    for (let i = 0; i < 2_500; i++) insert.run(`old${i}`, 'a@s', 1_000 + (i % 700));
    for (let i = 0; i < 10; i++) insert.run(`small${i}`, 'b@s', 1_000 + i);
    old.exec('COMMIT');
    old.close();

    const { db } = openDatabase(path.slice(0, -storeFileName.length - 1));
    expect(migrate(db)).toBe(migrations.length);
    const repo = new MessagesRepo(db);
    expectPagesMatch(db, repo, 'acc', 'a@s', 4);
    expectPagesMatch(db, repo, 'acc', 'b@s', 5);
    // Messages arriving after the upgrade land in the migrated blocks.
    repo.save('acc', [
      message('a@s', 1_350, 'late'),
      message('a@s', 1, 'first'),
      message('a@s', 9_999, 'last'),
    ]);
    expectPagesMatch(db, repo, 'acc', 'a@s', 6);
    db.close();
  });
});
