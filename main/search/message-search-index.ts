import type { DatabaseSync } from 'node:sqlite';
import type { SearchPage } from '../../preload/contract.ts';
import { favoriteJoins, messageColumns, toMessageRow, type MessageDbRow } from '../store/messages-repo.ts';
import { excerptOf, matchClose, matchOpen } from './excerpt.ts';

/** Tokens of context snippet() keeps around the matches: about two lines of the results list. */
const excerptTokens = 24;

/** How many matches past the page asked for are counted. */
const countAhead = 1000;

/** Every match with its key row; the index first, so its rowid order is the scan's. */
const matches = 'message_fts CROSS JOIN message_fts_keys k ON k.key = message_fts.rowid';

interface HitDbRow extends MessageDbRow {
  chat_name: string;
  marked: string;
}

/**
 * Reads the FTS5 index kept over messages.text (migrations 2 and 4). `match` must already be a safe MATCH
 * expression (see fts-query.ts); this class only runs SQL.
 */
export class MessageSearchIndex {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /**
   * Matching messages of one account, newest first, with their chat's name and a highlighted excerpt.
   * Matches are counted only up to `countAhead` past this page: counting every match of a common word costs
   * as much as reading them all (~30 ms for 44,000), and nobody reads that far; `atLeast` says there are more.
   */
  search(accountId: string, match: string, offset: number, limit: number): SearchPage {
    const cap = offset + limit + countAhead;
    const counted = (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM (
             SELECT 1 FROM ${matches} WHERE message_fts MATCH ? AND k.account_id = ? LIMIT ?
           )`,
        )
        .get(match, accountId, cap + 1) as { n: number }
    ).n;
    const total = Math.min(counted, cap);
    const atLeast = counted > cap;
    if (offset >= total) return { rows: [], total, offset, atLeast };
    // Keys follow time (migration 4), so the index read by rowid, newest first, stops after the page, and
    // snippet() runs for the page's rows only (SQLite skips the offset's rows before computing columns).
    // The index is the outer loop on purpose: joined to a list of keys chosen first, SQLite read every
    // match of the query to find those keys (98 ms for "a" over 1,000,000 messages; this way, a few ms).
    // Deep pages start below the key at `offset` (found reading keys only) instead of skipping rows one by
    // one through the joins; FTS5 seeks to an upper rowid bound but walks to a lower one, so there is none.
    const from = offset === 0 ? undefined : this.keyAt(accountId, match, offset);
    if (from === null) return { rows: [], total, offset, atLeast };
    const rows = this.db
      .prepare(
        `SELECT ${messageColumns},
           coalesce(c.display_name, m.chat_jid) AS chat_name,
           snippet(message_fts, 0, ?4, ?5, '…', ${excerptTokens}) AS marked
         FROM ${matches}
         JOIN messages m ON m.account_id = k.account_id AND m.id = k.message_id
         LEFT JOIN chats c ON c.account_id = m.account_id AND c.jid = m.chat_jid
         ${favoriteJoins}
         WHERE message_fts MATCH ?1 AND k.account_id = ?2 ${from === undefined ? '' : 'AND message_fts.rowid <= ?6'}
         ORDER BY message_fts.rowid DESC LIMIT ?3`,
      )
      .all(
        match,
        accountId,
        limit,
        matchOpen,
        matchClose,
        ...(from === undefined ? [] : [from]),
      ) as unknown as HitDbRow[];
    return {
      rows: rows.map((r) => ({
        ...toMessageRow(r),
        chatName: r.chat_name,
        excerpt: excerptOf(r.text, r.marked),
      })),
      total,
      offset,
      atLeast,
    };
  }

  /** The index key of the match at `offset`, newest first. */
  private keyAt(accountId: string, match: string, offset: number): number | null {
    const row = this.db
      .prepare(
        `SELECT message_fts.rowid AS key FROM ${matches}
         WHERE message_fts MATCH ? AND k.account_id = ?
         ORDER BY message_fts.rowid DESC LIMIT 1 OFFSET ?`,
      )
      .get(match, accountId, offset) as { key: number } | undefined;
    return row?.key ?? null;
  }
}
