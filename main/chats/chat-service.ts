import { createHash } from 'node:crypto';
import type { ChatRow, Page } from '../../preload/contract.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { AccountContext } from '../session/account-context.ts';
import type { SessionService } from '../session/session-service.ts';
import type { Store } from '../store/store-client.ts';

/**
 * Contacts written per store call by refresh() (~1 ms each in the store worker on an idle machine). The
 * worker runs one call at a time: slices let the list's own page reads go between them instead of
 * waiting behind the whole address book.
 */
const saveSliceSize = 200;

/**
 * How saveContacts stores a contact (columns, search key). Part of the address book's fingerprint, so a
 * change to it makes the next refresh rewrite every contact instead of skipping an unchanged book.
 */
const contactsFormat = 1;

/** The chat list: the store answers every read; refresh() fills it from the address book. */
export class ChatService {
  private readonly session: SessionService;
  private readonly store: Store;
  private readonly emit: EventSink;
  /** Per account, the refresh running or queued last. */
  private readonly refreshing = new Map<string, Promise<{ count: number }>>();

  constructor(deps: { session: SessionService; store: Store; emit: EventSink }) {
    this.session = deps.session;
    this.store = deps.store;
    this.emit = deps.emit;
  }

  page(offset: number, limit: number, query?: string): Promise<Page<ChatRow>> {
    return this.store.call('chats.page', this.session.requireContext().accountId, offset, limit, query);
  }

  /**
   * Fills the chat list from the address book. Refreshes of one account run one after another: two
   * interleaved could leave an older list's slices over a newer one's while the fingerprint says all is
   * current, and later refreshes would skip.
   */
  refresh(): Promise<{ count: number }> {
    const ctx = this.session.requireContext();
    const before = this.refreshing.get(ctx.accountId) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(() => this.refreshNow(ctx));
    this.refreshing.set(ctx.accountId, mine);
    const forget = () => {
      if (this.refreshing.get(ctx.accountId) === mine) this.refreshing.delete(ctx.accountId);
    };
    mine.then(forget, forget);
    return mine;
  }

  private async refreshNow(ctx: AccountContext): Promise<{ count: number }> {
    const contacts = await ctx.client.contacts(ctx.instance.name);
    // An address book the same as last time (most refreshes) writes nothing: comparing 10,000 rows with
    // their stored selves cost ~50 store calls of up to 4 ms each.
    const fingerprint = createHash('sha256')
      .update(`${contactsFormat}\n${JSON.stringify(contacts)}`)
      .digest('base64');
    if ((await this.store.call('chats.contactsFingerprint', ctx.accountId)) === fingerprint)
      return { count: contacts.length };
    // Saved a slice at a time: one 10,000-contact transaction held the store for ~55 ms, and every call
    // (the list's own first page among them) waited behind it. The upserts only add or update rows, so a
    // refresh cut short leaves nothing a later one does not complete.
    for (let at = 0; at < contacts.length; at += saveSliceSize) {
      await this.store.call('chats.saveContacts', ctx.accountId, contacts.slice(at, at + saveSliceSize));
    }
    // Only once every slice is in: a refresh cut short is completed by the next one.
    await this.store.call('chats.setContactsFingerprint', ctx.accountId, fingerprint);
    this.emit('chats:changed', null);
    return { count: contacts.length };
  }
}
