import type { DatabaseSync } from 'node:sqlite';
import type { MessageSearchHit, Page } from '../../preload/contract.ts';
import { favoriteJoins, messageColumns, toMessageRow, type MessageDbRow } from '../store/messages-repo.ts';
import { excerptOf, matchClose, matchOpen } from './excerpt.ts';

/** Tokens of context snippet() keeps around the matches: about two lines of the results list. */
const excerptTokens = 24;

interface HitDbRow extends MessageDbRow {
  chat_name: string;
  marked: string;
}

/**
 * Reads the FTS5 index that migration 2 keeps over messages.text. `match` must already be a safe MATCH
 * expression (see fts-query.ts); this class only runs SQL.
 */
export class MessageSearchIndex {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** Matching messages of one account, newest first, with their chat's name and a highlighted excerpt. */
  search(accountId: string, match: string, offset: number, limit: number): Page<MessageSearchHit> {
    const total = (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM message_fts
           JOIN message_fts_keys k ON k.key = message_fts.rowid
           WHERE message_fts MATCH ? AND k.account_id = ?`,
        )
        .get(match, accountId) as { n: number }
    ).n;
    if (offset >= total) return { rows: [], total, offset };
    // The page is chosen first and only its rows get an excerpt: snippet() costs far more than sorting
    // keys, and a common word can match tens of thousands of messages.
    const rows = this.db
      .prepare(
        `WITH page AS (
           SELECT k.key, k.ts, k.message_id AS id FROM message_fts
           JOIN message_fts_keys k ON k.key = message_fts.rowid
           WHERE message_fts MATCH ?1 AND k.account_id = ?2
           ORDER BY k.ts DESC, k.message_id DESC LIMIT ?3 OFFSET ?4
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
         ORDER BY page.ts DESC, page.id DESC`,
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
    };
  }
}
