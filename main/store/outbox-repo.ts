import type { DatabaseSync } from 'node:sqlite';
import type { AppError, FailedChange, FavoriteTarget } from '../../preload/contract.ts';
import { transaction } from './database.ts';
import { storedError } from './row-failure.ts';
import { targetKey } from '../favorites/target-key.ts';

/** favorites.confirmed while a call may have reached the server without its answer reaching us. */
const unknownState = -1;

/** A favorite taken in from a backup or an import. */
export interface AdoptedFavorite {
  target: FavoriteTarget;
  wanted: boolean;
  /** When the user last changed it (the backup's or the file's word, never later than now). */
  changedAt: number;
}

function messageIdOf(target: FavoriteTarget): string | null {
  return target.kind === 'message' ? target.messageId : null;
}

export interface OutboxEntry {
  id: number;
  targetKey: string;
  target: FavoriteTarget;
  wanted: boolean;
}

interface EntryRow {
  id: number;
  target_key: string;
  kind: 'chat' | 'message';
  chat_jid: string;
  message_id: string | null;
  wanted: number;
}

function toTarget(row: {
  kind: 'chat' | 'message';
  chat_jid: string;
  message_id: string | null;
}): FavoriteTarget {
  return row.kind === 'chat'
    ? { kind: 'chat', chatJid: row.chat_jid }
    : { kind: 'message', chatJid: row.chat_jid, messageId: row.message_id ?? '' };
}

/**
 * Favorite state and the durable outbox, kept consistent in single transactions. The outbox holds one
 * row per target whose wanted state differs from the server-confirmed one, so repeated toggles coalesce
 * and a toggle back to the confirmed state costs no call at all.
 */
export class OutboxRepo {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** Commits the user's choice and its outbox entry together. Returns the state shown before. */
  setWanted(accountId: string, target: FavoriteTarget, wanted: boolean, now: number): boolean {
    const key = targetKey(target);
    return transaction(this.db, () => {
      const before = this.db
        .prepare('SELECT wanted, confirmed FROM favorites WHERE account_id = ? AND target_key = ?')
        .get(accountId, key) as { wanted: number; confirmed: number | null } | undefined;
      this.db
        .prepare(
          `INSERT INTO favorites (account_id, target_key, kind, chat_jid, message_id, wanted, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id, target_key) DO UPDATE SET wanted = excluded.wanted, updated_at = excluded.updated_at`,
        )
        .run(accountId, key, target.kind, target.chatJid, messageIdOf(target), wanted ? 1 : 0, now);
      this.syncEntry(accountId, key, wanted, before?.confirmed ?? 0, now);
      // The user acted on the target again: an earlier refusal of it is no longer news.
      this.db
        .prepare('DELETE FROM failed_changes WHERE account_id = ? AND target_key = ?')
        .run(accountId, key);
      return before?.wanted === 1;
    });
  }

  /** The oldest entries, in the order they were first queued. */
  oldest(accountId: string, limit: number): OutboxEntry[] {
    const rows = this.db
      .prepare(
        `SELECT o.id, o.target_key, f.kind, f.chat_jid, f.message_id, o.wanted
         FROM outbox o JOIN favorites f ON f.account_id = o.account_id AND f.target_key = o.target_key
         WHERE o.account_id = ? ORDER BY o.id LIMIT ?`,
      )
      .all(accountId, limit) as unknown as EntryRow[];
    return rows.map((r) => ({
      id: r.id,
      targetKey: r.target_key,
      target: toTarget(r),
      wanted: r.wanted === 1,
    }));
  }

  pendingCount(accountId: string): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM outbox WHERE account_id = ?').get(accountId) as { n: number }
    ).n;
  }

  /**
   * Marks a target's server state unknown before its call goes out: if the app dies with the call in
   * flight, the server may or may not have applied it, so a later toggle back must still be sent.
   */
  markSending(accountId: string, key: string): number | null {
    return transaction(this.db, () => {
      const row = this.db
        .prepare('SELECT confirmed FROM favorites WHERE account_id = ? AND target_key = ?')
        .get(accountId, key) as { confirmed: number | null } | undefined;
      this.db
        .prepare(`UPDATE favorites SET confirmed = ${unknownState} WHERE account_id = ? AND target_key = ?`)
        .run(accountId, key);
      return row?.confirmed ?? null;
    });
  }

  /**
   * The call was answered with a refusal, or never left: the server state is what it was before. If the
   * user meanwhile went back to that state, nothing is left to send.
   */
  restoreConfirmed(accountId: string, key: string, confirmed: number | null, now: number): void {
    transaction(this.db, () => {
      const restored = this.db
        .prepare(
          `UPDATE favorites SET confirmed = ? WHERE account_id = ? AND target_key = ? AND confirmed = ${unknownState}
           RETURNING wanted`,
        )
        .get(confirmed, accountId, key) as { wanted: number } | undefined;
      if (restored) this.syncEntry(accountId, key, restored.wanted === 1, confirmed ?? 0, now);
    });
  }

  /**
   * Records what the server confirmed for a sent entry. If the user changed their mind while the call
   * was in flight, the entry stays (with their newer choice) unless that choice is what was confirmed.
   */
  confirm(accountId: string, key: string, confirmed: boolean, now: number): void {
    transaction(this.db, () => {
      this.db
        .prepare('UPDATE favorites SET confirmed = ? WHERE account_id = ? AND target_key = ?')
        .run(confirmed ? 1 : 0, accountId, key);
      const row = this.db
        .prepare('SELECT wanted FROM favorites WHERE account_id = ? AND target_key = ?')
        .get(accountId, key) as { wanted: number } | undefined;
      if (row) this.syncEntry(accountId, key, row.wanted === 1, confirmed ? 1 : 0, now);
    });
  }

  /**
   * A change that ended without reaching its goal (refused, or answered with something else): the star
   * goes back to the state before the change and the change is kept in the failed list, so the user sees
   * what happened and can retry or dismiss it. What the server holds stays as known: still unknown after
   * an unknown outcome, so that whatever the user does next is sent. `targetGone`: the server no longer
   * has the target (404 Message not found), so it holds no state for it that could disagree.
   */
  fail(
    accountId: string,
    entry: OutboxEntry,
    error: AppError,
    now: number,
    options: { targetGone?: boolean } = {},
  ): void {
    const putBack = entry.wanted ? 0 : 1;
    transaction(this.db, () => {
      this.db.prepare('DELETE FROM outbox WHERE id = ?').run(entry.id);
      this.db
        .prepare(
          `UPDATE favorites SET wanted = ?, updated_at = ?, confirmed = CASE WHEN ? THEN ? ELSE confirmed END
           WHERE account_id = ? AND target_key = ?`,
        )
        .run(putBack, now, options.targetGone ? 1 : 0, putBack, accountId, entry.targetKey);
      this.db
        .prepare(
          `INSERT INTO failed_changes (account_id, target_key, wanted, error, at) VALUES (?, ?, ?, ?, ?)`,
        )
        .run(accountId, entry.targetKey, entry.wanted ? 1 : 0, JSON.stringify(error), now);
    });
  }

  failed(accountId: string): FailedChange[] {
    const rows = this.db
      .prepare(
        `SELECT x.id, x.wanted, x.error, x.at, f.kind, f.chat_jid, f.message_id,
           coalesce(c.display_name, f.chat_jid) AS chat_name, substr(m.text, 1, 60) AS message_text
         FROM failed_changes x JOIN favorites f ON f.account_id = x.account_id AND f.target_key = x.target_key
         LEFT JOIN chats c ON c.account_id = f.account_id AND c.jid = f.chat_jid
         LEFT JOIN messages m ON m.account_id = f.account_id AND m.id = f.message_id
         WHERE x.account_id = ? ORDER BY x.id DESC LIMIT 100`,
      )
      .all(accountId) as unknown as Array<{
      id: number;
      wanted: number;
      error: string;
      at: number;
      chat_name: string;
      message_text: string | null;
      kind: 'chat' | 'message';
      chat_jid: string;
      message_id: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      target: toTarget(r),
      name: { chat: r.chat_name, message: r.kind === 'message' ? r.message_text || null : null },
      wanted: r.wanted === 1,
      error: storedError(r.error),
      at: r.at,
    }));
  }

  /** Puts a failed change back in the outbox as the user's choice again. */
  retryFailed(accountId: string, id: number, now: number): FavoriteTarget | null {
    return transaction(this.db, () => {
      const row = this.db
        .prepare(
          `SELECT x.target_key, x.wanted, f.kind, f.chat_jid, f.message_id, f.confirmed
           FROM failed_changes x JOIN favorites f ON f.account_id = x.account_id AND f.target_key = x.target_key
           WHERE x.account_id = ? AND x.id = ?`,
        )
        .get(accountId, id) as
        | {
            target_key: string;
            wanted: number;
            kind: 'chat' | 'message';
            chat_jid: string;
            message_id: string | null;
            confirmed: number | null;
          }
        | undefined;
      if (!row) return null;
      this.db.prepare('DELETE FROM failed_changes WHERE id = ?').run(id);
      this.db
        .prepare('UPDATE favorites SET wanted = ?, updated_at = ? WHERE account_id = ? AND target_key = ?')
        .run(row.wanted, now, accountId, row.target_key);
      this.syncEntry(accountId, row.target_key, row.wanted === 1, row.confirmed ?? 0, now);
      return toTarget(row);
    });
  }

  /**
   * Takes a change off the failed list: the user accepts the star as it is shown. If what the server
   * holds is unknown (the refusal came after a call whose answer was lost), the shown state is queued,
   * so the server ends where the app shows. Returns the target when that happened, null otherwise.
   */
  dismissFailed(accountId: string, id: number, now: number): FavoriteTarget | null {
    return transaction(this.db, () => {
      const row = this.db
        .prepare(
          `SELECT x.target_key, f.wanted, f.confirmed, f.kind, f.chat_jid, f.message_id
           FROM failed_changes x JOIN favorites f ON f.account_id = x.account_id AND f.target_key = x.target_key
           WHERE x.account_id = ? AND x.id = ?`,
        )
        .get(accountId, id) as (Omit<EntryRow, 'id'> & { confirmed: number | null }) | undefined;
      this.db.prepare('DELETE FROM failed_changes WHERE account_id = ? AND id = ?').run(accountId, id);
      if (row?.confirmed !== unknownState) return null;
      this.syncEntry(accountId, row.target_key, row.wanted === 1, unknownState, now);
      return toTarget(row);
    });
  }

  /**
   * Takes in favorites restored from a backup (into a store that was just started anew). Changes made
   * after the backup are not in it, so the server may hold anything for each of them: every one gets
   * server state unknown and its shown state queued, which the idempotent endpoint takes at most once
   * each. Composes with the caller's transaction (see `transaction`).
   */
  adoptRestored(accountId: string, rows: readonly AdoptedFavorite[], now: number): void {
    const upsert = this.db.prepare(
      `INSERT INTO favorites (account_id, target_key, kind, chat_jid, message_id, wanted, confirmed, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ${unknownState}, ?)
       ON CONFLICT (account_id, target_key) DO UPDATE SET wanted = excluded.wanted,
         confirmed = ${unknownState}, updated_at = excluded.updated_at`,
    );
    transaction(this.db, () => {
      for (const { target, wanted, changedAt } of rows) {
        const key = targetKey(target);
        upsert.run(
          accountId,
          key,
          target.kind,
          target.chatJid,
          messageIdOf(target),
          wanted ? 1 : 0,
          Math.min(changedAt, now),
        );
        this.syncEntry(accountId, key, wanted, unknownState, now);
      }
    });
  }

  /**
   * Stars the targets of an import, in one transaction with `alsoWrite` (the chat and message rows they
   * need to be shown). A target this store holds no state for gets server state unknown: the file's word
   * for it is another computer's, from another time. A target it knows keeps what the server is known to
   * hold, so a star already confirmed costs no call. Either way, at most one call each.
   */
  starImported(
    accountId: string,
    targets: readonly Omit<AdoptedFavorite, 'wanted'>[],
    now: number,
    alsoWrite: () => void = () => {},
  ): { starred: number; alreadyStarred: number } {
    const read = this.db.prepare(
      'SELECT wanted, confirmed FROM favorites WHERE account_id = ? AND target_key = ?',
    );
    const upsert = this.db.prepare(
      `INSERT INTO favorites (account_id, target_key, kind, chat_jid, message_id, wanted, confirmed, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ${unknownState}, ?)
       ON CONFLICT (account_id, target_key) DO UPDATE SET wanted = 1, updated_at = excluded.updated_at`,
    );
    const forgetFailure = this.db.prepare(
      'DELETE FROM failed_changes WHERE account_id = ? AND target_key = ?',
    );
    return transaction(this.db, () => {
      let starred = 0;
      let alreadyStarred = 0;
      for (const { target, changedAt } of targets) {
        const key = targetKey(target);
        const before = read.get(accountId, key) as { wanted: number; confirmed: number | null } | undefined;
        if (before?.wanted === 1) {
          alreadyStarred++;
          continue;
        }
        upsert.run(
          accountId,
          key,
          target.kind,
          target.chatJid,
          messageIdOf(target),
          Math.min(changedAt, now),
        );
        this.syncEntry(accountId, key, true, before ? (before.confirmed ?? 0) : unknownState, now);
        forgetFailure.run(accountId, key);
        starred++;
      }
      alsoWrite();
      return { starred, alreadyStarred };
    });
  }

  /**
   * Keeps the outbox row in step: present with the wanted state when it differs from the confirmed one,
   * or whenever the server's state is unknown.
   */
  private syncEntry(accountId: string, key: string, wanted: boolean, confirmed: number, now: number): void {
    if ((wanted ? 1 : 0) === confirmed) {
      this.db.prepare('DELETE FROM outbox WHERE account_id = ? AND target_key = ?').run(accountId, key);
    } else {
      this.db
        .prepare(
          `INSERT INTO outbox (account_id, target_key, wanted, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (account_id, target_key) DO UPDATE SET wanted = excluded.wanted`,
        )
        .run(accountId, key, wanted ? 1 : 0, now);
    }
  }
}
