/**
 * Seeds the benchmark's store at scale straight through the repos, in a process of its own, before the
 * services start (run by run.ts: node test/bench/seed-store.ts '<json options>').
 *
 * The data is the emulator's own world (buildWorld with the same options and seed), so the server the
 * app then talks to knows every contact and message: its address book becomes chats exactly as
 * ChatsRepo.saveContacts stores a refresh, and each chat's history becomes messages exactly as a history
 * page is stored (the emulator's history items read by the app's parseMessage, saved by MessagesRepo.save
 * in batches of 1,000, newest first, as pages arrive; every chat marked as read to its start, its newest
 * message noted as its activity). Only HTTP and the 50-message paging are skipped, to keep the bench short.
 * The two group chats are left out: the app loads them itself, so the bench has a chat with older pages to
 * prepend as it is read.
 * Prints one JSON line: how many chats and messages were written, and how long it took.
 */
import { numberOf, parseContacts, parseMessage } from '../../main/api/parse.ts';
import { openDatabase } from '../../main/store/database.ts';
import { storeContext } from '../../main/store/store-operations.ts';
import { historyItem } from '../emulator/routes-chat.ts';
import { buildWorld } from '../emulator/seed.ts';
import type { ApiMessage } from '../../main/api/parse.ts';

export interface SeedStoreOptions {
  dataDir: string;
  accountId: string;
  /** As the emulator was created with (its default seed, 1). */
  contacts: number;
  bigChatMessages: number;
  messagesPerChat: number;
  historyChats: number[];
}

const batch = 1000;

const options = JSON.parse(process.argv[2] ?? '{}') as SeedStoreOptions;
const started = performance.now();
const world = buildWorld({ seed: 1, ...options });
const support = world.instances[0];
if (!support) throw new Error('the emulator world has no support instance');
const { db } = openDatabase(options.dataDir);
const store = storeContext(db);

const contacts = parseContacts({ contacts: support.contacts.map((c) => ({ ...c })) });
store.chats.saveContacts(options.accountId, contacts);
const contactsMs = performance.now() - started;

let messages = 0;
for (const chat of support.chatByIndex) {
  if (chat.kind === 'group') continue;
  let newest: ApiMessage | null = null;
  for (let r = 0; r < chat.generatedCount; r += batch) {
    const page: ApiMessage[] = [];
    for (let i = r; i < Math.min(chat.generatedCount, r + batch); i++) {
      const parsed = parseMessage(historyItem(chat.generated(i)!), chat.jid);
      if (parsed) page.push(parsed);
    }
    newest ??= page[0] ?? null;
    messages += store.messages.save(options.accountId, page);
  }
  store.messages.markReachedStart(options.accountId, chat.jid);
  if (newest) {
    const number = numberOf(chat.jid);
    const name = store.chats.get(options.accountId, chat.jid)?.displayName ?? (number || chat.jid);
    store.chats.noteActivity(
      options.accountId,
      { jid: chat.jid, displayName: name, number },
      { at: newest.timestamp, preview: newest.text, type: newest.type },
    );
  }
  if (chat.index % 200 === 0) process.stderr.write(`[seed] ${messages} messages, chat ${chat.index}\n`);
}
db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
db.close();
process.stdout.write(
  `${JSON.stringify({
    chats: support.chatByIndex.filter((c) => c.kind !== 'group').length,
    contacts: contacts.length,
    messages,
    contactsMs: Math.round(contactsMs),
    ms: Math.round(performance.now() - started),
  })}\n`,
);
