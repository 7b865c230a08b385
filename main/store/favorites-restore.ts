import type { DatabaseSync } from 'node:sqlite';
import { numberOf, type ApiMessage } from '../api/parse.ts';
import { newestReadableBackup } from '../backup/backup-folder.ts';
import { targetOf, type FavoritesFile } from '../backup/favorites-file.ts';
import { accountIdOf } from '../session/account-context.ts';
import { AccountsRepo } from './accounts-repo.ts';
import { ChatsRepo } from './chats-repo.ts';
import { transaction } from './database.ts';
import { HistoryResume } from './history-resume.ts';
import { MessagesRepo } from './messages-repo.ts';
import { OutboxRepo } from './outbox-repo.ts';

export interface RestoredCounts {
  accounts: number;
  /** Targets shown starred again. */
  stars: number;
  /** Every target taken in (stars, and unstarred ones the server may still hold starred). */
  targets: number;
}

/** What restoring the newest backup came to, for main to log and tell the user. */
export interface RestoreReport {
  /** Backups passed over as unreadable, newest first, with why. */
  passedOver: Array<{ name: string; problem: string }>;
  /** The backup restored from, with what came back; null when none was readable or it failed. */
  restored: (RestoredCounts & { name: string; backupAt: number }) | null;
  /** Why the newest readable backup could not be taken in. */
  error: string | null;
}

/**
 * After the store was found unreadable and started anew: fills it from the newest backup in `folder`
 * that reads (restoreFromBackup). Run in the store worker, which reads the files; main logs the report.
 */
export function restoreFromNewestBackup(db: DatabaseSync, folder: string, now: number): RestoreReport {
  const passedOver: RestoreReport['passedOver'] = [];
  const newest = newestReadableBackup(folder, (name, problem) => passedOver.push({ name, problem }));
  if (!newest) return { passedOver, restored: null, error: null };
  try {
    const counts = restoreFromBackup(db, newest.file, now);
    return {
      passedOver,
      restored: { ...counts, name: newest.entry.name, backupAt: newest.entry.at },
      error: null,
    };
  } catch (error) {
    return { passedOver, restored: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Seeds a store that was just started anew, because the old one could not be read, from a backup, in
 * one transaction: the accounts (so those whose token the keychain still holds are signed in again
 * without a prompt, and the one on screen stays on screen), the chats and messages the favorites need to
 * be shown, and the favorites themselves, each with server state unknown (OutboxRepo.adoptRestored):
 * what changed after the backup is not in it, so each shown state is sent again, one call at most each.
 */
export function restoreFromBackup(db: DatabaseSync, file: FavoritesFile, now: number): RestoredCounts {
  const accounts = new AccountsRepo(db);
  const chats = new ChatsRepo(db);
  const messages = new MessagesRepo(db);
  const outbox = new OutboxRepo(db);
  const resume = new HistoryResume(db);
  return transaction(db, () => {
    const counts: RestoredCounts = { accounts: 0, stars: 0, targets: 0 };
    let current: string | null = null;
    for (const account of file.accounts) {
      const id = accountIdOf(account.baseUrl, account.instance.name);
      accounts.save({ id, baseUrl: account.baseUrl, instance: account.instance }, now);
      if (account.current) current = id;
      counts.accounts++;

      chats.saveContacts(
        id,
        account.chats
          .filter((c) => c.inAddressBook)
          .map((c) => ({ jid: c.jid, displayName: c.name, number: c.number })),
      );
      const held = new Set<string>();
      const noActivity = { at: 0, preview: '', type: '' };
      for (const c of account.chats) {
        chats.noteActivity(
          id,
          { jid: c.jid, displayName: c.name, number: c.number },
          // The backup keeps the preview's words, not the kind of message it was.
          { at: c.lastActivity, preview: c.preview, type: c.preview ? 'text' : '' },
        );
        held.add(c.jid);
      }
      // A favorite whose chat the old store no longer held is still shown, under its number.
      for (const f of account.favorites) {
        if (held.has(f.chatJid)) continue;
        chats.noteActivity(
          id,
          { jid: f.chatJid, displayName: numberOf(f.chatJid) || f.chatJid, number: numberOf(f.chatJid) },
          noActivity,
        );
        held.add(f.chatJid);
      }

      const stored: ApiMessage[] = account.favorites.flatMap((f) =>
        f.kind === 'message' && f.message && f.message.id === f.messageId
          ? [
              {
                id: f.message.id,
                chatJid: f.chatJid,
                fromMe: f.message.fromMe,
                senderJid: f.message.senderJid,
                senderName: f.message.senderName,
                type: f.message.type,
                text: f.message.text,
                timestamp: f.message.ts,
              },
            ]
          : [],
      );
      for (const m of stored) resume.noteDetached(id, m.chatJid, m.timestamp);
      messages.save(id, stored);

      outbox.adoptRestored(
        id,
        account.favorites.map((f) => ({ target: targetOf(f), wanted: f.starred, changedAt: f.changedAt })),
        now,
      );
      counts.stars += account.favorites.filter((f) => f.starred).length;
      counts.targets += account.favorites.length;
    }
    if (current) accounts.setCurrent(current);
    return counts;
  });
}
