import type { DatabaseSync } from 'node:sqlite';
import type { ChatRow, Page } from '../../preload/contract.ts';
import type { ApiContact } from '../api/parse.ts';
import { transaction } from './database.ts';
import { latestFailure, toRowFailure } from './row-failure.ts';
import { containsPattern, foldForSearch } from './text-search.ts';

interface ChatDbRow {
  jid: string;
  display_name: string;
  number: string;
  in_address_book: number;
  last_activity: number;
  last_preview: string;
  favorite: number | null;
  pending: number;
  last_type: string;
  unread: number;
  failed: string | null;
}

const chatColumns = `c.jid, c.display_name, c.number, c.in_address_book, c.last_activity, c.last_preview,
  f.wanted AS favorite, (o.id IS NOT NULL) AS pending, c.last_type, c.unread,
  ${latestFailure('c.account_id', "'chat:' || c.jid")} AS failed`;
const favoriteJoins = `LEFT JOIN favorites f ON f.account_id = c.account_id AND f.target_key = 'chat:' || c.jid
  LEFT JOIN outbox o ON o.account_id = c.account_id AND o.target_key = 'chat:' || c.jid`;

export function toChatRow(row: ChatDbRow): ChatRow {
  return {
    jid: row.jid,
    displayName: row.display_name,
    number: row.number,
    lastActivity: row.last_activity,
    lastMessagePreview: row.last_preview,
    inAddressBook: row.in_address_book === 1,
    favorite: row.favorite === 1,
    pending: row.pending === 1,
    lastType: row.last_type,
    unread: row.unread,
    failed: toRowFailure(row.failed),
  };
}

/** The chat list: contacts plus every chat seen in history or live events, newest activity first. */
export class ChatsRepo {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  saveContacts(accountId: string, contacts: readonly ApiContact[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO chats (account_id, jid, display_name, number, in_address_book, search_key)
       VALUES (?, ?, ?, ?, 1, ?)
       ON CONFLICT (account_id, jid) DO UPDATE SET display_name = excluded.display_name,
         number = excluded.number, in_address_book = 1, search_key = excluded.search_key
       -- A contact that has not changed is not rewritten: a refresh of an unchanged address book then writes
       -- nothing, instead of 10,000 rows into the WAL (and the checkpoints that follow).
       WHERE chats.display_name IS NOT excluded.display_name OR chats.number IS NOT excluded.number
         OR chats.in_address_book IS NOT 1 OR chats.search_key IS NOT excluded.search_key`,
    );
    transaction(this.db, () => {
      for (const c of contacts) upsert.run(accountId, c.jid, c.displayName, c.number, searchKey(c));
    });
  }

  /** A digest of the address book last saved in full for the account (see ChatService.refresh). */
  contactsFingerprint(accountId: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(`contacts:${accountId}`) as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  setContactsFingerprint(accountId: string, fingerprint: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(`contacts:${accountId}`, fingerprint);
  }

  /**
   * Records a message in a chat (the newest one wins the preview); a chat not in the address book is created
   * with what is known. `unread` messages are added to the chat's count.
   */
  noteActivity(
    accountId: string,
    chat: { jid: string; displayName: string; number: string },
    newest: { at: number; preview: string; type: string },
    unread = 0,
  ): void {
    this.db
      .prepare(
        `INSERT INTO chats (account_id, jid, display_name, number, last_activity, last_preview, last_type,
           search_key, unread)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id, jid) DO UPDATE SET
           last_preview = CASE WHEN excluded.last_activity >= chats.last_activity
             THEN excluded.last_preview ELSE chats.last_preview END,
           last_type = CASE WHEN excluded.last_activity >= chats.last_activity
             THEN excluded.last_type ELSE chats.last_type END,
           last_activity = max(chats.last_activity, excluded.last_activity),
           unread = chats.unread + excluded.unread`,
      )
      .run(
        accountId,
        chat.jid,
        chat.displayName,
        chat.number,
        newest.at,
        newest.preview.slice(0, 200),
        newest.type,
        searchKey(chat),
        unread,
      );
  }

  /** Sets the preview if the message at `at` is still the chat's newest. */
  notePreview(accountId: string, jid: string, at: number, preview: string, type: string): void {
    this.db
      .prepare(
        'UPDATE chats SET last_preview = ?, last_type = ? WHERE account_id = ? AND jid = ? AND last_activity <= ?',
      )
      .run(preview.slice(0, 200), type, accountId, jid, at);
  }

  clearUnread(accountId: string, jid: string): void {
    this.db
      .prepare('UPDATE chats SET unread = 0 WHERE account_id = ? AND jid = ? AND unread != 0')
      .run(accountId, jid);
  }

  /** The chats with the newest activity (for catching up on start), newest first. */
  mostRecentlyActive(accountId: string, limit: number): Array<{ jid: string; lastActivity: number }> {
    return (
      this.db
        .prepare(
          `SELECT jid, last_activity FROM chats WHERE account_id = ? AND last_activity > 0
           ORDER BY last_activity DESC, display_name COLLATE NOCASE, jid LIMIT ?`,
        )
        .all(accountId, limit) as unknown as Array<{ jid: string; last_activity: number }>
    ).map((r) => ({ jid: r.jid, lastActivity: r.last_activity }));
  }

  page(accountId: string, offset: number, limit: number, query = ''): Page<ChatRow> {
    const filter = query.trim() ? ` AND c.search_key LIKE ? ESCAPE '\\'` : '';
    const params: (string | number)[] = query.trim() ? [accountId, containsPattern(query)] : [accountId];
    // The whole list's length is kept by triggers (migration 7); a search's is counted.
    const counted = filter
      ? this.db.prepare(`SELECT count(*) AS n FROM chats c WHERE c.account_id = ?${filter}`).get(...params)
      : this.db.prepare('SELECT n FROM chat_counts WHERE account_id = ?').get(accountId);
    const total = (counted as { n: number } | undefined)?.n ?? 0;
    // The page's keys are picked (sorted, skipped) from the chats table alone; the favorite/outbox joins are
    // read for those rows only. Joining every chat before sorting cost ~11 ms a page with 10,000 chats.
    // CROSS JOIN keeps that order: left to choose, SQLite walked all 10,000 chats and looked each up in the
    // page (~6 ms a page instead of ~0.6).
    const rows = this.db
      .prepare(
        `SELECT ${chatColumns} FROM (
           SELECT c.jid FROM chats c WHERE c.account_id = ?${filter}
           ORDER BY c.last_activity DESC, c.display_name COLLATE NOCASE, c.jid
           LIMIT ? OFFSET ?
         ) AS p
         CROSS JOIN chats c ON c.account_id = ? AND c.jid = p.jid
         ${favoriteJoins}
         ORDER BY c.last_activity DESC, c.display_name COLLATE NOCASE, c.jid`,
      )
      .all(...params, limit, offset, accountId) as unknown as ChatDbRow[];
    return { rows: rows.map(toChatRow), total, offset };
  }

  get(accountId: string, jid: string): ChatRow | null {
    const row = this.db
      .prepare(`SELECT ${chatColumns} FROM chats c ${favoriteJoins} WHERE c.account_id = ? AND c.jid = ?`)
      .get(accountId, jid) as ChatDbRow | undefined;
    return row ? toChatRow(row) : null;
  }

  /** Starred chats, most recently starred first. */
  favorites(accountId: string, offset: number, limit: number): Page<ChatRow> {
    const total = (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM favorites f JOIN chats c ON c.account_id = f.account_id AND c.jid = f.chat_jid
           WHERE f.account_id = ? AND f.kind = 'chat' AND f.wanted = 1`,
        )
        .get(accountId) as { n: number }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT ${chatColumns} FROM favorites f
         JOIN chats c ON c.account_id = f.account_id AND c.jid = f.chat_jid
         LEFT JOIN outbox o ON o.account_id = f.account_id AND o.target_key = f.target_key
         WHERE f.account_id = ? AND f.kind = 'chat' AND f.wanted = 1
         ORDER BY f.updated_at DESC LIMIT ? OFFSET ?`,
      )
      .all(accountId, limit, offset) as unknown as ChatDbRow[];
    return { rows: rows.map(toChatRow), total, offset };
  }
}

function searchKey(chat: { jid: string; displayName: string; number: string }): string {
  return `${foldForSearch(chat.displayName)} ${chat.number} ${chat.jid.split('@')[0] ?? ''}`;
}
