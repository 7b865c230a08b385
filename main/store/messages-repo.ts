import type { DatabaseSync } from 'node:sqlite';
import type { FavoriteMessageRow, MediaInfo, MessageRow, Page, SendStatus } from '../../preload/contract.ts';
import type { ApiMessage } from '../api/parse.ts';
import { transaction } from './database.ts';
import { latestFailure, toRowFailure } from './row-failure.ts';

export interface MessageDbRow {
  id: string;
  chat_jid: string;
  ts: number;
  from_me: number;
  sender_jid: string;
  sender_name: string;
  type: string;
  text: string;
  favorite: number | null;
  pending: number;
  status: string;
  media: string | null;
  failed: string | null;
  chat_name?: string;
}

export const messageColumns = `m.id, m.chat_jid, m.ts, m.from_me, m.sender_jid, m.sender_name, m.type, m.text,
  f.wanted AS favorite, (o.id IS NOT NULL) AS pending, m.status, m.media,
  ${latestFailure('m.account_id', "'message:' || m.id")} AS failed`;
export const favoriteJoins = `LEFT JOIN favorites f ON f.account_id = m.account_id AND f.target_key = 'message:' || m.id
  LEFT JOIN outbox o ON o.account_id = m.account_id AND o.target_key = 'message:' || m.id`;

export function toMessageRow(row: MessageDbRow): MessageRow {
  return {
    id: row.id,
    chatJid: row.chat_jid,
    fromMe: row.from_me === 1,
    senderJid: row.sender_jid,
    senderName: row.sender_name,
    type: row.type,
    text: row.text,
    timestamp: row.ts,
    favorite: row.favorite === 1,
    pending: row.pending === 1,
    status: row.status as SendStatus,
    media: row.media ? (JSON.parse(row.media) as MediaInfo) : null,
    failed: toRowFailure(row.failed),
  };
}

const mediaJson = (m: ApiMessage): string | null => (m.media ? JSON.stringify(m.media) : null);

/** A block of a chat's time order (see migration 3): the rows from its first key up to the next block's. */
interface Block {
  first_ts: number;
  first_id: string;
  n: number;
}

/** A block is split when it grows past twice this, so a page never walks more than ~2,000 rows into one. */
const blockSize = 1000;

/** Messages held on disk, per chat in time order; history pages and live events both land here. */
export class MessagesRepo {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** Stores messages, ignoring ones already held (history pages overlap at their inclusive bound). */
  save(accountId: string, messages: readonly ApiMessage[]): number {
    const insert = this.db.prepare(
      `INSERT INTO messages (account_id, id, chat_jid, ts, from_me, sender_jid, sender_name, type, text, status, media)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, id) DO NOTHING`,
    );
    // A message held already may have been delivered or read since: its status follows the newest answer.
    const restatus = this.db.prepare(
      `UPDATE messages SET status = ? WHERE account_id = ? AND id = ? AND status IS NOT ?`,
    );
    return transaction(this.db, () => {
      let added = 0;
      const chats = new Set<string>();
      for (const m of messages) {
        const r = insert.run(
          accountId,
          m.id,
          m.chatJid,
          m.timestamp,
          m.fromMe ? 1 : 0,
          m.senderJid,
          m.senderName,
          m.type,
          m.text,
          m.status ?? '',
          mediaJson(m),
        );
        if (r.changes === 0 && m.status) restatus.run(m.status, accountId, m.id, m.status);
        if (r.changes > 0) chats.add(m.chatJid);
        added += Number(r.changes);
      }
      for (const chatJid of chats) this.splitFullBlocks(accountId, chatJid);
      // The search index's share of merging (automerge is off, migration 4): about a page of merge work per
      // message stored keeps its segments few, in steps of a few milliseconds instead of 25 ms bursts.
      if (added > 0)
        this.db.prepare(`INSERT INTO message_fts (message_fts, rank) VALUES ('merge', ?)`).run(added);
      return added;
    });
  }

  /** Cuts every block of the chat that grew past 2 × blockSize into blocks of blockSize, the last holding the rest. */
  private splitFullBlocks(accountId: string, chatJid: string): void {
    const full = this.db
      .prepare(
        'SELECT first_ts, first_id, n FROM message_blocks WHERE account_id = ? AND chat_jid = ? AND n > ?',
      )
      .all(accountId, chatJid, 2 * blockSize) as unknown as Block[];
    const rowAfter = this.db.prepare(
      `SELECT ts, id FROM messages WHERE account_id = ? AND chat_jid = ? AND (ts, id) >= (?, ?)
       ORDER BY ts, id LIMIT 1 OFFSET ?`,
    );
    const resize = this.db.prepare(
      'UPDATE message_blocks SET n = ? WHERE account_id = ? AND chat_jid = ? AND first_ts = ? AND first_id = ?',
    );
    const add = this.db.prepare(
      'INSERT INTO message_blocks (account_id, chat_jid, first_ts, first_id, n) VALUES (?, ?, ?, ?, ?)',
    );
    for (let block of full) {
      while (block.n > 2 * blockSize) {
        const next = rowAfter.get(accountId, chatJid, block.first_ts, block.first_id, blockSize) as
          { ts: number; id: string } | undefined;
        // Only a count that no longer matches its rows could get here (the triggers keep them exact); a
        // page in that block walks further, but a save must never fail over it.
        if (!next) break;
        resize.run(blockSize, accountId, chatJid, block.first_ts, block.first_id);
        block = { first_ts: next.ts, first_id: next.id, n: block.n - blockSize };
        add.run(accountId, chatJid, block.first_ts, block.first_id, block.n);
      }
    }
  }

  /** Completes a message that arrived without its text or file details, from its stored snapshot. */
  fill(accountId: string, full: ApiMessage): void {
    this.db
      .prepare(
        `UPDATE messages SET text = CASE WHEN text = '' THEN ? ELSE text END, type = ?,
           media = coalesce(?, media), status = CASE WHEN ? = '' THEN status ELSE ? END
         WHERE account_id = ? AND id = ?`,
      )
      .run(full.text, full.type, mediaJson(full), full.status ?? '', full.status ?? '', accountId, full.id);
  }

  /** Where a message is in its chat's time order (0 = oldest held): blocks before it, then rows in its block. */
  locate(accountId: string, chatJid: string, id: string): { index: number | null; total: number } {
    const blocks = this.blocks(accountId, chatJid);
    const total = blocks.reduce((sum, b) => sum + b.n, 0);
    const m = this.db
      .prepare('SELECT ts FROM messages WHERE account_id = ? AND id = ? AND chat_jid = ?')
      .get(accountId, id, chatJid) as { ts: number } | undefined;
    if (!m) return { index: null, total };
    let before = 0;
    let from = blocks[0] as Block;
    for (const b of blocks) {
      if (b.first_ts > m.ts || (b.first_ts === m.ts && b.first_id > id)) break;
      from = b;
      before += b.n;
    }
    before -= from.n;
    const within = this.db
      .prepare(
        `SELECT count(*) AS n FROM messages WHERE account_id = ? AND chat_jid = ?
           AND (ts, id) >= (?, ?) AND (ts, id) < (?, ?)`,
      )
      .get(accountId, chatJid, from.first_ts, from.first_id, m.ts, id) as { n: number };
    return { index: before + within.n, total };
  }

  /** Rows in chronological order; offset 0 is the oldest message held. */
  page(accountId: string, chatJid: string, offset: number, limit: number): Page<MessageRow> {
    const blocks = this.blocks(accountId, chatJid);
    const total = blocks.reduce((sum, b) => sum + b.n, 0);
    const start = Math.min(offset, total);
    const take = Math.max(0, Math.min(limit, total - start));
    if (take === 0) return { rows: [], total, offset: start };
    // Skip whole blocks to the one holding `start`, then walk inside it: at most ~2,000 index entries, where
    // walking from the chat's first row cost ~5-20 ms at offset 40,000.
    let before = 0;
    let from = blocks[0] as Block;
    for (const b of blocks) {
      if (before + b.n > start) {
        from = b;
        break;
      }
      before += b.n;
    }
    // The rows are picked inside the covering index (ids only); the table and the favorite/outbox joins are
    // read for the page's rows alone (CROSS JOIN: the page drives the join). Joining before skipping cost
    // ~120 ms at offset 50,000.
    const rows = this.db
      .prepare(
        `SELECT ${messageColumns} FROM (
           SELECT id FROM messages WHERE account_id = ? AND chat_jid = ? AND (ts, id) >= (?, ?)
           ORDER BY ts, id LIMIT ? OFFSET ?
         ) AS p
         CROSS JOIN messages m ON m.account_id = ? AND m.id = p.id
         ${favoriteJoins}
         ORDER BY m.ts, m.id`,
      )
      .all(
        accountId,
        chatJid,
        from.first_ts,
        from.first_id,
        take,
        start - before,
        accountId,
      ) as unknown as MessageDbRow[];
    return { rows: rows.map(toMessageRow), total, offset: start };
  }

  private blocks(accountId: string, chatJid: string): Block[] {
    return this.db
      .prepare(
        `SELECT first_ts, first_id, n FROM message_blocks WHERE account_id = ? AND chat_jid = ?
         ORDER BY first_ts, first_id`,
      )
      .all(accountId, chatJid) as unknown as Block[];
  }

  oldestTimestamp(accountId: string, chatJid: string): number | null {
    const row = this.db
      .prepare('SELECT min(ts) AS ts FROM messages WHERE account_id = ? AND chat_jid = ?')
      .get(accountId, chatJid) as { ts: number | null };
    return row.ts;
  }

  get(accountId: string, id: string): MessageRow | null {
    const row = this.db
      .prepare(
        `SELECT ${messageColumns} FROM messages m ${favoriteJoins} WHERE m.account_id = ? AND m.id = ?`,
      )
      .get(accountId, id) as MessageDbRow | undefined;
    return row ? toMessageRow(row) : null;
  }

  /** Starred messages with their chat's name, most recently starred first. */
  favorites(accountId: string, offset: number, limit: number): Page<FavoriteMessageRow> {
    const from = `FROM favorites f
      JOIN messages m ON m.account_id = f.account_id AND m.id = f.message_id
      LEFT JOIN chats c ON c.account_id = m.account_id AND c.jid = m.chat_jid
      LEFT JOIN outbox o ON o.account_id = f.account_id AND o.target_key = f.target_key
      WHERE f.account_id = ? AND f.kind = 'message' AND f.wanted = 1`;
    const total = (this.db.prepare(`SELECT count(*) AS n ${from}`).get(accountId) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT ${messageColumns}, coalesce(c.display_name, m.chat_jid) AS chat_name ${from}
         ORDER BY f.updated_at DESC LIMIT ? OFFSET ?`,
      )
      .all(accountId, limit, offset) as unknown as MessageDbRow[];
    return {
      rows: rows.map((r) => ({ ...toMessageRow(r), chatName: r.chat_name ?? r.chat_jid })),
      total,
      offset,
    };
  }

  reachedStart(accountId: string, chatJid: string): boolean {
    const row = this.db
      .prepare('SELECT reached_start FROM history_state WHERE account_id = ? AND chat_jid = ?')
      .get(accountId, chatJid) as { reached_start: number } | undefined;
    return row?.reached_start === 1;
  }

  markReachedStart(accountId: string, chatJid: string): void {
    this.db
      .prepare(
        `INSERT INTO history_state (account_id, chat_jid, reached_start) VALUES (?, ?, 1)
         ON CONFLICT (account_id, chat_jid) DO UPDATE SET reached_start = 1`,
      )
      .run(accountId, chatJid);
  }
}
