import type { DatabaseSync } from 'node:sqlite';
import { accountIdOf } from '../../main/session/account-context.ts';
import { AccountsRepo } from '../../main/store/accounts-repo.ts';
import { ChatsRepo } from '../../main/store/chats-repo.ts';
import { transaction } from '../../main/store/database.ts';
import { MessagesRepo } from '../../main/store/messages-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';

export interface SeededAccount {
  accountId: string;
  chatJids: string[];
  messageIds: string[];
}

/**
 * Writes an account with starred chats and starred messages straight into a store, as the app would have
 * left them after sending (server state confirmed), in one transaction. `text`: each message's text.
 */
export function seedStarredAccount(
  db: DatabaseSync,
  options: {
    baseUrl: string;
    instance: string;
    chats: number;
    messages: number;
    text?: (i: number) => string;
    now?: number;
  },
): SeededAccount {
  const now = options.now ?? Date.UTC(2026, 0, 15, 12);
  const accountId = accountIdOf(options.baseUrl, options.instance);
  const chatJids = Array.from(
    { length: options.chats },
    (_, i) => `5511${String(900000000 + i)}@s.whatsapp.net`,
  );
  const messageIds = Array.from({ length: options.messages }, (_, i) => `MSG${String(i).padStart(8, '0')}`);
  const outbox = new OutboxRepo(db);
  transaction(db, () => {
    new AccountsRepo(db).save(
      {
        id: accountId,
        baseUrl: options.baseUrl,
        instance: {
          name: options.instance,
          state: 'connected',
          displayStatus: 'Online',
          profileName: 'Acme',
          numberJid: null,
        },
      },
      now,
    );
    new ChatsRepo(db).saveContacts(
      accountId,
      chatJids.map((jid, i) => ({ jid, displayName: `Contact ${i}`, number: jid.split('@')[0]! })),
    );
    new MessagesRepo(db).save(
      accountId,
      messageIds.map((id, i) => ({
        id,
        chatJid: chatJids[i % chatJids.length]!,
        fromMe: i % 3 === 0,
        senderJid: chatJids[i % chatJids.length]!,
        senderName: `Contact ${i % chatJids.length}`,
        type: 'text',
        text: options.text?.(i) ?? `Message ${i}`,
        timestamp: now - (options.messages - i) * 60_000,
      })),
    );
    for (const [i, jid] of chatJids.entries()) {
      const key = `chat:${jid}`;
      outbox.setWanted(accountId, { kind: 'chat', chatJid: jid }, true, now - i);
      outbox.confirm(accountId, key, true, now);
    }
    for (const [i, id] of messageIds.entries()) {
      const target = { kind: 'message' as const, chatJid: chatJids[i % chatJids.length]!, messageId: id };
      outbox.setWanted(accountId, target, true, now - i);
      outbox.confirm(accountId, `message:${id}`, true, now);
    }
  });
  return { accountId, chatJids, messageIds };
}
