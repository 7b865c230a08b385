import { numberOf, type ApiContact, type ApiMessage } from '../api/parse.ts';
import type { ChatsRepo } from './chats-repo.ts';
import type { HistoryResume } from './history-resume.ts';
import type { MessagesRepo } from './messages-repo.ts';

/** What RyzeAPI said about the imported targets the store did not hold (favorites-import.ts). */
export interface ImportedRows {
  /** Chats looked up by number; `found`: in the address book. */
  chats: Array<ApiContact & { found: boolean }>;
  messages: ApiMessage[];
  /** Chat names as the imported file gives them, by JID. */
  names: Map<string, string>;
}

/**
 * The rows imported stars need to be shown. A chat RyzeAPI does not know by name (not in the address
 * book) is named as the file names it, else by its number; a fetched message is stored on its own, so its
 * chat's history pages from the newest first (HistoryResume). Runs inside the import's transaction.
 */
export function saveImportedRows(
  s: { chats: ChatsRepo; messages: MessagesRepo; resume: HistoryResume },
  accountId: string,
  rows: ImportedRows,
): void {
  const { chats, messages, resume } = s;
  const fallbackName = (jid: string) => rows.names.get(jid) || numberOf(jid) || jid;
  const noActivity = { at: 0, preview: '', type: '' };
  chats.saveContacts(
    accountId,
    rows.chats.filter((c) => c.found),
  );
  for (const c of rows.chats.filter((c) => !c.found)) {
    const named = c.displayName && c.displayName !== numberOf(c.jid) ? c.displayName : fallbackName(c.jid);
    chats.noteActivity(accountId, { jid: c.jid, displayName: named, number: numberOf(c.jid) }, noActivity);
  }
  for (const m of rows.messages) {
    if (chats.get(accountId, m.chatJid) === null) {
      const chat = { jid: m.chatJid, displayName: fallbackName(m.chatJid), number: numberOf(m.chatJid) };
      chats.noteActivity(accountId, chat, noActivity);
    }
    resume.noteDetached(accountId, m.chatJid, m.timestamp);
  }
  messages.save(accountId, rows.messages);
}
