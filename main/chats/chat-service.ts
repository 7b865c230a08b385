import { createHash } from 'node:crypto';
import type { ChatRow, Page } from '../../preload/contract.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { SessionService } from '../session/session-service.ts';
import type { ChatsRepo } from '../store/chats-repo.ts';

/** Contacts written per transaction by refresh() (~1 ms each on an idle machine). */
const saveSliceSize = 200;

/** The chat list: the store answers every read; refresh() fills it from the address book. */
export class ChatService {
  private readonly session: SessionService;
  private readonly chats: ChatsRepo;
  private readonly emit: EventSink;

  constructor(deps: { session: SessionService; chats: ChatsRepo; emit: EventSink }) {
    this.session = deps.session;
    this.chats = deps.chats;
    this.emit = deps.emit;
  }

  page(offset: number, limit: number, query?: string): Page<ChatRow> {
    return this.chats.page(this.session.requireContext().accountId, offset, limit, query);
  }

  async refresh(): Promise<{ count: number }> {
    const ctx = this.session.requireContext();
    const contacts = await ctx.client.contacts(ctx.instance.name);
    // An address book the same as last time (most refreshes) writes nothing: comparing 10,000 rows with
    // their stored selves cost ~300 store calls of up to 4 ms each.
    const fingerprint = createHash('sha256').update(JSON.stringify(contacts)).digest('base64');
    if (this.chats.contactsFingerprint(ctx.accountId) === fingerprint) return { count: contacts.length };
    // Saved a slice at a time, yielding between slices: one 10,000-contact transaction held the main process
    // for ~55 ms, and every IPC call (the list's own first page among them) waited behind it. The upserts
    // only add or update rows, so a refresh cut short leaves nothing a later one does not complete.
    for (let at = 0; at < contacts.length; at += saveSliceSize) {
      if (at > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      this.chats.saveContacts(ctx.accountId, contacts.slice(at, at + saveSliceSize));
    }
    // Only once every slice is in: a refresh cut short is completed by the next one.
    this.chats.setContactsFingerprint(ctx.accountId, fingerprint);
    this.emit('chats:changed', null);
    return { count: contacts.length };
  }
}
