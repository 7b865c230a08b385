import type { DatabaseSync } from 'node:sqlite';
import type { FavoriteMessageRow, MessageRow, Page } from '../../preload/contract.ts';
import type { ApiMessage } from '../api/parse.ts';
import { transaction } from './database.ts';

interface MessageDbRow {
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

const messageColumns = `m.id, m.chat_jid, m.ts, m.from_me, m.sender_jid, m.sender_name, m.type, m.text,
  f.wanted AS favorite, (o.id IS NOT NULL) AS pending`;
const favoriteJoins = `LEFT JOIN favorites f ON f.account_id = m.account_id AND f.target_key = 'message:' || m.id
  LEFT JOIN outbox o ON o.account_id = m.account_id AND o.target_key = 'message:' || m.id`;

function toMessageRow(row: MessageDbRow): MessageRow {
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

/** Messages held on disk, per chat in time order; history pages and live events both land here. */
export class MessagesRepo {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
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

  /** Rows in chronological order; offset 0 is the oldest message held. */
  page(accountId: string, chatJid: string, offset: number, limit: number): Page<MessageRow> {
    const total = this.count(accountId, chatJid);
    const start = Math.min(offset, total);
    const take = Math.max(0, Math.min(limit, total - start));
    if (take === 0) return { rows: [], total, offset: start };
    // Deep offsets are walked from the newer end, so no page costs more than half the chat's index.
    const fromNewest = start > total / 2;
    const rows = this.db
      .prepare(
        `SELECT ${messageColumns} FROM messages m ${favoriteJoins}
         WHERE m.account_id = ? AND m.chat_jid = ?
         ORDER BY m.ts ${fromNewest ? 'DESC' : 'ASC'}, m.id ${fromNewest ? 'DESC' : 'ASC'}
         LIMIT ? OFFSET ?`,
      )
      .all(accountId, chatJid, take, fromNewest ? total - start - take : start) as unknown as MessageDbRow[];
    if (fromNewest) rows.reverse();
    return { rows: rows.map(toMessageRow), total, offset: start };
  }

  count(accountId: string, chatJid: string): number {
    return (
      this.db
        .prepare('SELECT count(*) AS n FROM messages WHERE account_id = ? AND chat_jid = ?')
        .get(accountId, chatJid) as { n: number }
    ).n;
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
