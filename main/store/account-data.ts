import type { DatabaseSync } from 'node:sqlite';
import { transaction } from './database.ts';

/**
 * Removes everything the store holds for an account: its chats, messages, stars, pending and refused
 * changes and its sign-in record, in one transaction. The message blocks go first, so deleting the messages
 * does not recount them one by one; the search index follows through its triggers.
 */
export function removeAccountData(db: DatabaseSync, accountId: string): void {
  transaction(db, () => {
    for (const table of [
      'message_blocks',
      'messages',
      'history_state',
      'chats',
      'outbox',
      'failed_changes',
      'favorites',
    ]) {
      db.prepare(`DELETE FROM ${table} WHERE account_id = ?`).run(accountId);
    }
    db.prepare('DELETE FROM meta WHERE key = ?').run(`contacts:${accountId}`);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(accountId);
  });
}
