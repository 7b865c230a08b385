import type { ChatRow, Page } from '../../preload/contract.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { AccountContext } from '../session/account-context.ts';
import type { SessionService } from '../session/session-service.ts';
import type { Store } from '../store/store-client.ts';

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

  /** The chat on screen, per account: its unread count stays 0 while it is shown. */
  private readonly viewed = new Map<string, string>();

  page(offset: number, limit: number, query?: string): Promise<Page<ChatRow>> {
    return this.store.call('chats.page', this.session.requireContext().accountId, offset, limit, query);
  }

  /** The renderer shows `chatJid` (null: no chat): its unread count is cleared, on this computer only. */
  async viewing(chatJid: string | null): Promise<null> {
    const { accountId } = this.session.requireContext();
    if (chatJid === null) {
      this.viewed.delete(accountId);
      return null;
    }
    this.viewed.set(accountId, chatJid);
    if (await this.store.call('chats.markRead', accountId, chatJid)) this.emit('chats:changed', null);
    return null;
  }

  isViewing(accountId: string, chatJid: string): boolean {
    return this.viewed.get(accountId) === chatJid;
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
    // The answer's bytes go to the store worker, which parses and fingerprints the book there: at 100,000
    // contacts that took main hundreds of milliseconds (see main/store/address-book.ts).
    const answer = await ctx.client.contactsAnswer(ctx.instance.name);
    const book = await this.store.call('chats.readAddressBook', ctx.accountId, answer.body);
    if (book.kind === 'notAddressBook') throw ctx.client.failureOf(answer.status, book.envelope);
    // An address book the same as last time (most refreshes) writes nothing.
    if (book.kind === 'unchanged') return { count: book.count };
    // Saved a slice per store call: one 10,000-contact transaction held the store for ~55 ms, and every call
    // (the list's own first page among them) waited behind it. The upserts only add or update rows, so a
    // refresh cut short leaves nothing a later one does not complete.
    for (let i = 0; i < book.slices; i++)
      await this.store.call('chats.saveAddressBookSlice', ctx.accountId, i);
    // Only once every slice is in: a refresh cut short is completed by the next one.
    await this.store.call('chats.finishAddressBook', ctx.accountId);
    this.emit('chats:changed', null);
    return { count: book.count };
  }
}
