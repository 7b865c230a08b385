/**
 * Every store operation main can ask of the store worker, in one table: name → implementation. The
 * implementations run in the worker (store-worker.ts), which owns the connection; main imports only the
 * types (StoreOperation, StoreArgs, StoreResult) and calls them through StoreClient.call, so no SQL and
 * no connection ever reaches main. Adding an operation is one entry here (plus the repo method it calls).
 *
 * Arguments and results cross threads by structured clone: plain data only. An operation runs alone
 * (the worker takes one message at a time), so one entry is also the unit of atomicity: where main
 * needs several reads and writes to happen together (a history page and the chat's activity; the next
 * change to send and its "sending" mark), they are one entry, and, when they write, one transaction.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { AppError, FailedChange, FavoriteTarget } from '../../preload/contract.ts';
import { numberOf, type ApiMessage } from '../api/parse.ts';
import { MessageSearchIndex } from '../search/message-search-index.ts';
import { removeAccountData } from './account-data.ts';
import { AccountsRepo, type AccountRecord } from './accounts-repo.ts';
import { AddressBookImports } from './address-book.ts';
import { ChatsRepo } from './chats-repo.ts';
import { transaction } from './database.ts';
import { FavoritesRecordReader, type RecordScope } from './favorites-record-reader.ts';
import { restoreFromNewestBackup } from './favorites-restore.ts';
import { HistoryResume } from './history-resume.ts';
import { saveImportedRows, type ImportedRows } from './imported-rows.ts';
import { MessagesRepo } from './messages-repo.ts';
import { OutboxRepo, type AdoptedFavorite, type OutboxEntry } from './outbox-repo.ts';

/** What an operation works with: the worker's one connection and the repos over it. */
export interface StoreContext {
  db: DatabaseSync;
  accounts: AccountsRepo;
  chats: ChatsRepo;
  messages: MessagesRepo;
  outbox: OutboxRepo;
  search: MessageSearchIndex;
  addressBook: AddressBookImports;
  resume: HistoryResume;
  record: FavoritesRecordReader;
}

export function storeContext(db: DatabaseSync): StoreContext {
  const chats = new ChatsRepo(db);
  return {
    db,
    accounts: new AccountsRepo(db),
    chats,
    messages: new MessagesRepo(db),
    outbox: new OutboxRepo(db),
    search: new MessageSearchIndex(db),
    addressBook: new AddressBookImports(chats),
    resume: new HistoryResume(db),
    record: new FavoritesRecordReader(db),
  };
}

export const storeOperations = {
  // ---- accounts (who signed in on this machine; never tokens) ----
  'accounts.all': (s: StoreContext) => s.accounts.all(),
  'accounts.save': (s: StoreContext, account: AccountRecord, now: number) => s.accounts.save(account, now),
  'accounts.currentId': (s: StoreContext) => s.accounts.currentId(),
  'accounts.setCurrent': (s: StoreContext, id: string | null) => s.accounts.setCurrent(id),
  /** Everything the store holds for a signed-out account, in one transaction (see account-data.ts). */
  'accounts.removeData': (s: StoreContext, accountId: string) => removeAccountData(s.db, accountId),

  // ---- the chat list ----
  'chats.page': (s: StoreContext, accountId: string, offset: number, limit: number, query?: string) =>
    s.chats.page(accountId, offset, limit, query),
  'chats.get': (s: StoreContext, accountId: string, jid: string) => s.chats.get(accountId, jid),
  /** The chat is on screen: its unread count goes to 0. Returns whether there was one. */
  'chats.markRead': (s: StoreContext, accountId: string, jid: string) => {
    const unread = (s.chats.get(accountId, jid)?.unread ?? 0) > 0;
    if (unread) s.chats.clearUnread(accountId, jid);
    return unread;
  },
  /** The chats with the newest activity (catching up on start), newest first. */
  'chats.mostRecentlyActive': (s: StoreContext, accountId: string, limit: number) =>
    s.chats.mostRecentlyActive(accountId, limit),
  'chats.favorites': (s: StoreContext, accountId: string, offset: number, limit: number) =>
    s.chats.favorites(accountId, offset, limit),
  /** The address book's raw answer (its byte parts move to the worker): parsed and compared here (address-book.ts). */
  'chats.readAddressBook': (s: StoreContext, accountId: string, body: ArrayBuffer[]) =>
    s.addressBook.read(accountId, body),
  'chats.saveAddressBookSlice': (s: StoreContext, accountId: string, index: number) =>
    s.addressBook.saveSlice(accountId, index),
  'chats.finishAddressBook': (s: StoreContext, accountId: string) => s.addressBook.finish(accountId),

  // ---- messages ----
  'messages.page': (s: StoreContext, accountId: string, chatJid: string, offset: number, limit: number) =>
    s.messages.page(accountId, chatJid, offset, limit),
  'messages.get': (s: StoreContext, accountId: string, id: string) => s.messages.get(accountId, id),
  'messages.favorites': (s: StoreContext, accountId: string, offset: number, limit: number) =>
    s.messages.favorites(accountId, offset, limit),
  /**
   * Where loading older history stands for a chat: whether its first message is held, and where the next
   * older page ends (`before`; undefined for the chat's newest page). That is below the oldest message
   * held, or, for a chat holding restored or imported messages (`resuming`), where paging from the newest
   * got to (HistoryResume).
   */
  'messages.historyState': (s: StoreContext, accountId: string, chatJid: string) => {
    const resume = s.resume.get(accountId, chatJid);
    const before =
      resume === undefined
        ? (s.messages.oldestTimestamp(accountId, chatJid) ?? undefined)
        : (resume ?? undefined);
    return {
      reachedStart: s.messages.reachedStart(accountId, chatJid),
      before,
      resuming: resume !== undefined,
    };
  },
  /**
   * One history page, in one transaction: its messages; that the chat's first message is now held; where
   * paging resumes (`resuming`, see historyState); and, for the newest page of a chat (`noteNewest`), the
   * chat's latest activity, named as the store knows it. Returns how many messages were new.
   */
  'messages.saveHistoryPage': (
    s: StoreContext,
    accountId: string,
    chatJid: string,
    page: ApiMessage[],
    reachedStart: boolean,
    { noteNewest, resuming }: { noteNewest: boolean; resuming: boolean },
  ) =>
    transaction(s.db, () => {
      const added = s.messages.save(accountId, page);
      if (reachedStart) s.messages.markReachedStart(accountId, chatJid);
      if (resuming) {
        const oldest = page.reduce<number | null>(
          (min, m) => (min === null ? m.timestamp : Math.min(min, m.timestamp)),
          null,
        );
        s.resume.advance(accountId, chatJid, oldest, reachedStart);
      }
      const newest = page[0];
      if (noteNewest && newest) {
        const number = numberOf(chatJid);
        const displayName = s.chats.get(accountId, chatJid)?.displayName ?? (number || chatJid);
        s.chats.noteActivity(
          accountId,
          { jid: chatJid, displayName, number },
          { at: newest.timestamp, preview: newest.text, type: newest.type },
        );
      }
      return added;
    }),
  /**
   * A message from the live socket and its chat's activity, in one transaction; `name`: used if the chat
   * is new; `countUnread`: a message new to the store then counts as unread.
   */
  'messages.saveLive': (
    s: StoreContext,
    accountId: string,
    message: ApiMessage,
    name: string,
    countUnread: boolean,
  ) =>
    transaction(s.db, () => {
      const number = numberOf(message.chatJid);
      const displayName = s.chats.get(accountId, message.chatJid)?.displayName ?? name;
      const added = s.messages.save(accountId, [message]);
      s.chats.noteActivity(
        accountId,
        { jid: message.chatJid, displayName, number },
        { at: message.timestamp, preview: message.text, type: message.type },
        added > 0 && countUnread ? 1 : 0,
      );
    }),
  /**
   * The newest messages of a chat fetched to catch up (newest first), in one transaction: the messages, the
   * chat's activity, and (`countUnread`) its unread count raised by the ones from others new to the store.
   * Returns how many of those there were.
   */
  'messages.saveCaughtUp': (
    s: StoreContext,
    accountId: string,
    chatJid: string,
    fetched: ApiMessage[],
    countUnread: boolean,
  ) =>
    transaction(s.db, () => {
      const unseen = fetched.filter((m) => !m.fromMe && !s.messages.get(accountId, m.id)).length;
      s.messages.save(accountId, fetched);
      const newest = fetched[0];
      if (newest) {
        const known = s.chats.get(accountId, chatJid);
        s.chats.noteActivity(
          accountId,
          { jid: chatJid, displayName: known?.displayName ?? chatJid, number: numberOf(chatJid) },
          { at: newest.timestamp, preview: newest.text, type: newest.type },
          countUnread ? unseen : 0,
        );
      }
      return unseen;
    }),
  /** Where a message is in its chat's time order, so the list can go straight to it. */
  'messages.locate': (s: StoreContext, accountId: string, chatJid: string, id: string) =>
    s.messages.locate(accountId, chatJid, id),
  /** Completes a message from its stored snapshot, and the chat's preview if it is still the newest. */
  'messages.fill': (s: StoreContext, accountId: string, full: ApiMessage, chatJid: string) =>
    transaction(s.db, () => {
      s.messages.fill(accountId, full);
      s.chats.notePreview(accountId, chatJid, full.timestamp, full.text, full.type);
    }),

  // ---- the favorites record (backups and exports), a slice at a time: see favorites-record-reader.ts ----
  'record.accounts': (s: StoreContext, scope: RecordScope) => s.record.accounts(scope),
  'record.chats': (s: StoreContext, accountId: string, jids: string[]) => s.record.chats(accountId, jids),
  'record.favorites': (
    s: StoreContext,
    accountId: string,
    scope: RecordScope,
    afterKey: string,
    limit: number,
  ) => s.record.favorites(accountId, scope, afterKey, limit),
  /**
   * The store was just started anew (the old one unreadable): fills it from the newest readable backup in
   * `folder` (favorites-restore.ts). The worker reads the backups; main logs what it reports.
   */
  'backup.restoreNewest': (s: StoreContext, folder: string, now: number) =>
    restoreFromNewestBackup(s.db, folder, now),

  // ---- search ----
  'search.messages': (s: StoreContext, accountId: string, match: string, offset: number, limit: number) =>
    s.search.search(accountId, match, offset, limit),

  // ---- favorites and the outbox ----
  /** Only what the user can see can be starred: a chat or message held in the store. */
  'favorites.isKnown': (s: StoreContext, accountId: string, target: FavoriteTarget) =>
    target.kind === 'chat'
      ? s.chats.get(accountId, target.chatJid) !== null
      : s.messages.get(accountId, target.messageId)?.chatJid === target.chatJid,
  /**
   * For each target, whether the store holds it, and, for a message, the chat it is in (an import looks
   * up what it must ask RyzeAPI about).
   */
  'favorites.held': (s: StoreContext, accountId: string, targets: FavoriteTarget[]) =>
    targets.map((target): { held: boolean; chatJid?: string } => {
      if (target.kind === 'chat') return { held: s.chats.get(accountId, target.chatJid) !== null };
      const message = s.messages.get(accountId, target.messageId);
      return message ? { held: true, chatJid: message.chatJid } : { held: false };
    }),
  /** Imported stars and the rows they need to be shown (imported-rows.ts), in one transaction. */
  'favorites.import': (
    s: StoreContext,
    accountId: string,
    targets: Array<Omit<AdoptedFavorite, 'wanted'>>,
    rows: ImportedRows,
    now: number,
  ) => s.outbox.starImported(accountId, targets, now, () => saveImportedRows(s, accountId, rows)),
  'outbox.setWanted': (
    s: StoreContext,
    accountId: string,
    target: FavoriteTarget,
    wanted: boolean,
    now: number,
  ) => s.outbox.setWanted(accountId, target, wanted, now),
  /**
   * The oldest change, marked "sending" before it is handed over (see OutboxRepo.markSending), or null.
   * One operation, so that what goes out is the entry as it is when marked: on main, the two ran back to
   * back with nothing in between, and a toggle landing between them would send a choice already undone.
   */
  'outbox.takeNext': (
    s: StoreContext,
    accountId: string,
  ): { entry: OutboxEntry; before: number | null } | null => {
    const [entry] = s.outbox.oldest(accountId, 1);
    return entry ? { entry, before: s.outbox.markSending(accountId, entry.targetKey) } : null;
  },
  'outbox.restoreConfirmed': (
    s: StoreContext,
    accountId: string,
    key: string,
    confirmed: number | null,
    now: number,
  ) => s.outbox.restoreConfirmed(accountId, key, confirmed, now),
  'outbox.confirm': (s: StoreContext, accountId: string, key: string, confirmed: boolean, now: number) =>
    s.outbox.confirm(accountId, key, confirmed, now),
  'outbox.fail': (
    s: StoreContext,
    accountId: string,
    entry: OutboxEntry,
    error: AppError,
    now: number,
    options: { targetGone?: boolean },
  ) => s.outbox.fail(accountId, entry, error, now, options),
  'outbox.retryFailed': (s: StoreContext, accountId: string, id: number, now: number) =>
    s.outbox.retryFailed(accountId, id, now),
  'outbox.dismissFailed': (s: StoreContext, accountId: string, id: number, now: number) =>
    s.outbox.dismissFailed(accountId, id, now),
  'outbox.failed': (s: StoreContext, accountId: string) => s.outbox.failed(accountId),
  'outbox.pendingCount': (s: StoreContext, accountId: string) => s.outbox.pendingCount(accountId),
  /** The pending count of each account, in the order given. */
  'outbox.pendingCounts': (s: StoreContext, accountIds: string[]) =>
    accountIds.map((id) => s.outbox.pendingCount(id)),
  /** What the status bar shows from the store: the pending count and the failed list. */
  'outbox.summary': (s: StoreContext, accountId: string) => outboxSummary(s, accountId),
  /** A progress report in one call: the shown account's summary (if any) and every account's pending count. */
  'outbox.report': (s: StoreContext, shownId: string | null, accountIds: string[]) => ({
    shown: shownId === null ? null : outboxSummary(s, shownId),
    counts: accountIds.map((id) => s.outbox.pendingCount(id)),
  }),
} satisfies Record<string, (s: StoreContext, ...args: never[]) => unknown>;

function outboxSummary(s: StoreContext, accountId: string): { pending: number; failed: FailedChange[] } {
  return { pending: s.outbox.pendingCount(accountId), failed: s.outbox.failed(accountId) };
}

export type StoreOperations = typeof storeOperations;
export type StoreOperation = keyof StoreOperations;
export type StoreArgs<O extends StoreOperation> = StoreOperations[O] extends (
  s: StoreContext,
  ...args: infer A
) => unknown
  ? A
  : never;
export type StoreResult<O extends StoreOperation> = ReturnType<StoreOperations[O]>;
