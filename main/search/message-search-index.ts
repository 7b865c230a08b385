import type { DatabaseSync } from 'node:sqlite';
import type { SearchPage } from '../../preload/contract.ts';
import { favoriteJoins, messageColumns, toMessageRow, type MessageDbRow } from '../store/messages-repo.ts';
import { excerptOf, matchClose, matchOpen } from './excerpt.ts';

/** Tokens of context snippet() keeps around the matches: about two lines of the results list. */
const excerptTokens = 24;

/** How many matches past the page asked for are counted. */
const countAhead = 1000;

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
             SELECT 1 FROM message_fts CROSS JOIN message_fts_keys k ON k.key = message_fts.rowid
             WHERE message_fts MATCH ? AND k.account_id = ? LIMIT ?
           )`,
        )
        .get(match, accountId, cap + 1) as { n: number }
    ).n;
    const total = Math.min(counted, cap);
    const atLeast = counted > cap;
    if (offset >= total) return { rows: [], total, offset, atLeast };
    // Keys follow time (migration 4), so the index read by rowid, newest first, stops after the page. The
    // page is chosen first and only its rows get an excerpt: snippet() costs far more than reading keys.
    const rows = this.db
      .prepare(
        `WITH page AS (
           SELECT k.key, k.message_id AS id FROM message_fts
           CROSS JOIN message_fts_keys k ON k.key = message_fts.rowid
           WHERE message_fts MATCH ?1 AND k.account_id = ?2
           ORDER BY message_fts.rowid DESC LIMIT ?3 OFFSET ?4
         )
         SELECT ${messageColumns},
           coalesce(c.display_name, m.chat_jid) AS chat_name,
           snippet(message_fts, 0, ?5, ?6, '…', ${excerptTokens}) AS marked
         FROM page
         JOIN message_fts ON message_fts.rowid = page.key
         JOIN messages m ON m.account_id = ?2 AND m.id = page.id
         LEFT JOIN chats c ON c.account_id = m.account_id AND c.jid = m.chat_jid
         ${favoriteJoins}
         WHERE message_fts MATCH ?1
         ORDER BY page.key DESC`,
      )
      .all(match, accountId, limit, offset, matchOpen, matchClose) as unknown as HitDbRow[];
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
}
