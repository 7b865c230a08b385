import type { DatabaseSync } from 'node:sqlite';

/**
 * Where paging back through a chat's history resumes, for chats holding messages that did not come in
 * by paging back from the newest: a starred message restored from a backup or imported, say, from last
 * year. History is fetched backwards from the oldest message held, which for such a chat would jump over
 * everything between that message and today; so the chat is paged from its newest message (or from
 * below the run already held) until the pages reach the detached message, then as usual.
 *
 * Kept in `meta` (one row per such chat, removed once paging has caught up), which needs no migration.
 */
export class HistoryResume {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /**
   * Where the next older page starts: undefined when below the oldest message held (the usual case),
   * null for the chat's newest page, or a time the page ends before.
   */
  get(accountId: string, chatJid: string): number | null | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key(accountId, chatJid)) as
      { value: string } | undefined;
    if (!row) return undefined;
    return row.value === '' ? null : Number(row.value);
  }

  set(accountId: string, chatJid: string, before: number | null): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key(accountId, chatJid), before === null ? '' : String(before));
  }

  clear(accountId: string, chatJid: string): void {
    this.db.prepare('DELETE FROM meta WHERE key = ?').run(key(accountId, chatJid));
  }

  /**
   * A message from `ts` is about to be stored on its own. If it is older than what the chat holds (or
   * the chat holds nothing), paging must not start below it: remember where the held run ends. A chat
   * already paged to its start holds everything older than its newest page, and a message newer than
   * the run is a gap above it, as live events leave after time offline; neither needs anything.
   */
  noteDetached(accountId: string, chatJid: string, ts: number): void {
    if (this.get(accountId, chatJid) !== undefined) return;
    const state = this.db
      .prepare('SELECT reached_start FROM history_state WHERE account_id = ? AND chat_jid = ?')
      .get(accountId, chatJid) as { reached_start: number } | undefined;
    if (state?.reached_start === 1) return;
    const { oldest } = this.db
      .prepare('SELECT min(ts) AS oldest FROM messages WHERE account_id = ? AND chat_jid = ?')
      .get(accountId, chatJid) as { oldest: number | null };
    if (oldest === null) this.set(accountId, chatJid, null);
    else if (ts < oldest) this.set(accountId, chatJid, oldest);
  }

  /**
   * A page was fetched from where paging resumed (`pageOldest`: its oldest message). Once it reaches the
   * oldest message held, the usual rule takes over.
   */
  advance(accountId: string, chatJid: string, pageOldest: number | null, reachedStart: boolean): void {
    const { oldest } = this.db
      .prepare('SELECT min(ts) AS oldest FROM messages WHERE account_id = ? AND chat_jid = ?')
      .get(accountId, chatJid) as { oldest: number | null };
    if (reachedStart || pageOldest === null || oldest === null || pageOldest <= oldest) {
      this.clear(accountId, chatJid);
    } else {
      this.set(accountId, chatJid, pageOldest);
    }
  }
}

function key(accountId: string, chatJid: string): string {
  return `history_resume:${accountId}:${chatJid}`;
}
