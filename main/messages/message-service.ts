import type { MessageRow, Page } from '../../preload/contract.ts';
import type { ApiMessage } from '../api/parse.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { SessionService } from '../session/session-service.ts';
import type { Store } from '../store/store-client.ts';

/** History is fetched in pages of this many messages (the API's default, API.md §6.3). */
export const historyPageSize = 50;

/** Messages of a chat: read from the store, filled backwards from the API as the user scrolls up. */
export class MessageService {
  private readonly session: SessionService;
  private readonly store: Store;
  private readonly emit: EventSink;
  private readonly loading = new Map<string, Promise<{ added: number; reachedStart: boolean }>>();

  constructor(deps: { session: SessionService; store: Store; emit: EventSink }) {
    this.session = deps.session;
    this.store = deps.store;
    this.emit = deps.emit;
  }

  page(chatJid: string, offset: number, limit: number): Promise<Page<MessageRow>> {
    return this.store.call('messages.page', this.session.requireContext().accountId, chatJid, offset, limit);
  }

  /** Where a message is, so the list can go straight to it (a search hit, a favorite). */
  locate(chatJid: string, messageId: string): Promise<{ index: number | null; total: number }> {
    return this.store.call('messages.locate', this.session.requireContext().accountId, chatJid, messageId);
  }

  /** Fetches the page before the oldest message held. Concurrent calls for one chat share one request. */
  loadOlder(chatJid: string): Promise<{ added: number; reachedStart: boolean }> {
    const ctx = this.session.requireContext();
    const key = `${ctx.accountId}\n${chatJid}`;
    let running = this.loading.get(key);
    if (!running) {
      running = this.fetchOlder(chatJid).finally(() => this.loading.delete(key));
      this.loading.set(key, running);
    }
    return running;
  }

  private async fetchOlder(chatJid: string): Promise<{ added: number; reachedStart: boolean }> {
    const ctx = this.session.requireContext();
    const state = await this.store.call('messages.historyState', ctx.accountId, chatJid);
    if (state.reachedStart) return { added: 0, reachedStart: true };
    // Usually below the oldest message held; for a chat holding restored or imported messages, from where
    // paging from the newest got to (see HistoryResume).
    const oldest = state.before ?? undefined;
    // Each page is one store call and one transaction: its messages, whether the chat's first message is
    // now held, where paging resumes, and (for a chat's newest page) the chat's latest activity.
    const save = (messages: ApiMessage[]) =>
      this.store.call(
        'messages.saveHistoryPage',
        ctx.accountId,
        chatJid,
        messages,
        messages.length < historyPageSize,
        { noteNewest: oldest === undefined, resuming: state.resuming },
      );
    let page = await ctx.client.history(ctx.instance.name, chatJid, historyPageSize, oldest);
    let added = await save(page.messages);
    // `to` is inclusive: a full page made only of messages already held (many sharing the boundary
    // second) would repeat forever, so step just past the boundary once.
    if (added === 0 && page.messages.length === historyPageSize && oldest !== undefined) {
      page = await ctx.client.history(ctx.instance.name, chatJid, historyPageSize, oldest - 1);
      added = await save(page.messages);
    }
    const reachedStart = page.messages.length < historyPageSize;
    if (page.messages.length > 0 && oldest === undefined) this.emit('chats:changed', null);
    if (added > 0) this.emit('messages:changed', { chatJid });
    return { added, reachedStart };
  }
}
