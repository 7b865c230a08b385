import { createHash } from 'node:crypto';
import type { ChatRow, Page } from '../../preload/contract.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { AccountContext } from '../session/account-context.ts';
import type { SessionService } from '../session/session-service.ts';
import type { ChatsRepo } from '../store/chats-repo.ts';

/** Contacts written per transaction by refresh() (~1 ms each on an idle machine). */
const saveSliceSize = 200;

/**
 * How saveContacts stores a contact (columns, search key). Part of the address book's fingerprint, so a
 * change to it makes the next refresh rewrite every contact instead of skipping an unchanged book.
 */
const contactsFormat = 1;

/** The chat list: the store answers every read; refresh() fills it from the address book. */
export class ChatService {
  private readonly session: SessionService;
  private readonly chats: ChatsRepo;
  private readonly emit: EventSink;
  /** Per account, the refresh running or queued last. */
  private readonly refreshing = new Map<string, Promise<{ count: number }>>();

  constructor(deps: { session: SessionService; chats: ChatsRepo; emit: EventSink }) {
    this.session = deps.session;
    this.chats = deps.chats;
    this.emit = deps.emit;
  }

  /** The chat on screen, per account: its unread count stays 0 while it is shown. */
  private readonly viewed = new Map<string, string>();

  page(offset: number, limit: number, query?: string): Page<ChatRow> {
    return this.chats.page(this.session.requireContext().accountId, offset, limit, query);
  }

  /** The renderer shows `chatJid` (null: no chat): its unread count is cleared, on this computer only. */
  viewing(chatJid: string | null): null {
    const { accountId } = this.session.requireContext();
    if (chatJid === null) {
      this.viewed.delete(accountId);
      return null;
    }
    this.viewed.set(accountId, chatJid);
    if ((this.chats.get(accountId, chatJid)?.unread ?? 0) > 0) {
      this.chats.clearUnread(accountId, chatJid);
      this.emit('chats:changed', null);
    }
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
    const contacts = await ctx.client.contacts(ctx.instance.name);
    // An address book the same as last time (most refreshes) writes nothing: comparing 10,000 rows with
    // their stored selves cost ~50 store calls of up to 4 ms each.
    const fingerprint = createHash('sha256')
      .update(`${contactsFormat}\n${JSON.stringify(contacts)}`)
      .digest('base64');
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
