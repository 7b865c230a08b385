import type { DatabaseSync } from 'node:sqlite';
import type { FavoriteMessageRow, MessageRow, Page } from '../../preload/contract.ts';
import type { ApiMessage } from '../api/parse.ts';
import { transaction } from './database.ts';

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
  chat_name?: string;
}

export const messageColumns = `m.id, m.chat_jid, m.ts, m.from_me, m.sender_jid, m.sender_name, m.type, m.text,
  f.wanted AS favorite, (o.id IS NOT NULL) AS pending`;
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
  };
}

/** A row's place in its chat's order (0 = oldest) and its sort key. */
interface Anchor {
  pos: number;
  ts: number;
  id: string;
}

/** Anchors remembered per chat: the last pages read, which is where the next read will be. */
const maxAnchors = 64;

/** Messages held on disk, per chat in time order; history pages and live events both land here. */
export class MessagesRepo {
  private readonly db: DatabaseSync;
  /** count() answers, valid while `countsStamp` matches the messages table's write stamp. */
  private readonly counts = new Map<string, number>();
  /** Per chat, the (ts, id) of rows at known positions in its order; valid, and cleared, with the counts. */
  private readonly anchors = new Map<string, Anchor[]>();
  private countsStamp = '';
  constructor(db: DatabaseSync) {
    this.db = db;
    watchMessageWrites(db);
  }

  /** Stores messages, ignoring ones already held (history pages overlap at their inclusive bound). */
  save(accountId: string, messages: readonly ApiMessage[]): number {
    const insert = this.db.prepare(
      `INSERT INTO messages (account_id, id, chat_jid, ts, from_me, sender_jid, sender_name, type, text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, id) DO NOTHING`,
    );
    return transaction(this.db, () => {
      let added = 0;
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
        );
        added += Number(r.changes);
      }
      return added;
    });
  }

  /** Completes a message that arrived without its text. */
  fill(accountId: string, id: string, text: string, type: string): void {
    this.db
      .prepare(`UPDATE messages SET text = ?, type = ? WHERE account_id = ? AND id = ? AND text = ''`)
      .run(text, type, accountId, id);
  }

  /** Rows in chronological order; offset 0 is the oldest message held. */
  page(accountId: string, chatJid: string, offset: number, limit: number): Page<MessageRow> {
    const total = this.count(accountId, chatJid);
    const start = Math.min(offset, total);
    const take = Math.max(0, Math.min(limit, total - start));
    if (take === 0) return { rows: [], total, offset: start };
    const last = start + take - 1;
    // Walk to the page from whichever known position is nearest: either end of the chat, or a row an earlier
    // page ended on (see `anchors`). Scrolling asks for neighbouring pages, so a walk is a page or two long,
    // where skipping from an end cost up to half the chat (~5 ms at 50,000, far more with a busy CPU).
    const chatKey = `${accountId}\n${chatJid}`;
    let walk: { skip: number; up: boolean; from: Anchor | null } = { skip: start, up: true, from: null };
    if (total - 1 - last < walk.skip) walk = { skip: total - 1 - last, up: false, from: null };
    for (const a of this.anchors.get(chatKey) ?? []) {
      if (a.pos <= start && start - a.pos < walk.skip) walk = { skip: start - a.pos, up: true, from: a };
      if (a.pos >= last && a.pos - last < walk.skip) walk = { skip: a.pos - last, up: false, from: a };
    }
    const dir = walk.up ? 'ASC' : 'DESC';
    const bound = walk.from ? ` AND (ts, id) ${walk.up ? '>=' : '<='} (?, ?)` : '';
    // The rows are picked inside the covering index (ids only); the table and the favorite/outbox joins are
    // read for the page's rows alone. Joining before skipping cost ~120 ms at offset 50,000.
    const rows = this.db
      .prepare(
        `SELECT ${messageColumns} FROM (
           SELECT id FROM messages WHERE account_id = ? AND chat_jid = ?${bound}
           ORDER BY ts ${dir}, id ${dir} LIMIT ? OFFSET ?
         ) AS p
         JOIN messages m ON m.account_id = ? AND m.id = p.id
         ${favoriteJoins}
         ORDER BY m.ts ${dir}, m.id ${dir}`,
      )
      .all(
        accountId,
        chatJid,
        ...(walk.from ? [walk.from.ts, walk.from.id] : []),
        take,
        walk.skip,
        accountId,
      ) as unknown as MessageDbRow[];
    if (!walk.up) rows.reverse();
    const first = rows[0];
    const end = rows[rows.length - 1];
    if (first && end && rows.length === take && !this.db.isTransaction) {
      const known = this.anchors.get(chatKey) ?? [];
      known.push({ pos: start, ts: first.ts, id: first.id }, { pos: last, ts: end.ts, id: end.id });
      if (known.length > maxAnchors) known.splice(0, known.length - maxAnchors);
      this.anchors.set(chatKey, known);
    }
    return { rows: rows.map(toMessageRow), total, offset: start };
  }

  /**
   * Messages held for a chat. Counting a 100,000-message chat walks its whole index (7–10 ms), and every page
   * needs the total, so the answer is remembered until the messages table is written: by this connection
   * (the write counter below moves; a star toggle, which writes other tables, does not move it) or by
   * another one (data_version moves). Never cached inside a transaction, which a rollback could undo.
   */
  count(accountId: string, chatJid: string): number {
    const stamp = this.writeStamp();
    if (stamp !== this.countsStamp) {
      this.counts.clear();
      this.anchors.clear();
      this.countsStamp = stamp;
    }
    const key = `${accountId}\n${chatJid}`;
    const known = this.counts.get(key);
    if (known !== undefined) return known;
    const n = (
      this.db
        .prepare('SELECT count(*) AS n FROM messages WHERE account_id = ? AND chat_jid = ?')
        .get(accountId, chatJid) as { n: number }
    ).n;
    if (!this.db.isTransaction) this.counts.set(key, n);
    return n;
  }

  private writeStamp(): string {
    const row = this.db.prepare('SELECT n FROM temp.ryze_message_writes').get() as { n: number };
    const version = this.db.prepare('PRAGMA data_version').get() as { data_version: number };
    return `${row.n}/${version.data_version}`;
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

/**
 * Counts, on this connection only, every statement row that adds, removes or moves a message between chats,
 * with TEMP objects: they live in the connection's memory, never in the file, so the schema is untouched.
 * A rolled-back write rolls the counter back with it.
 */
function watchMessageWrites(db: DatabaseSync): void {
  const bump = 'BEGIN UPDATE ryze_message_writes SET n = n + 1; END';
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS ryze_message_writes (n INTEGER NOT NULL);
    INSERT INTO temp.ryze_message_writes (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.ryze_message_writes);
    CREATE TEMP TRIGGER IF NOT EXISTS ryze_message_writes_insert AFTER INSERT ON main.messages ${bump};
    CREATE TEMP TRIGGER IF NOT EXISTS ryze_message_writes_delete AFTER DELETE ON main.messages ${bump};
    CREATE TEMP TRIGGER IF NOT EXISTS ryze_message_writes_update
      AFTER UPDATE OF account_id, chat_jid ON main.messages ${bump};
  `);
}
