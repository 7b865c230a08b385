import type { MessageRow, Page } from '../../preload/contract.ts';
import { numberOf } from '../api/parse.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { SessionService } from '../session/session-service.ts';
import type { ChatsRepo } from '../store/chats-repo.ts';
import type { HistoryResume } from '../store/history-resume.ts';
import type { MessagesRepo } from '../store/messages-repo.ts';

/** History is fetched in pages of this many messages (the API's default, API.md §6.3). */
export const historyPageSize = 50;

/** Messages of a chat: read from the store, filled backwards from the API as the user scrolls up. */
export class MessageService {
  private readonly session: SessionService;
  private readonly chats: ChatsRepo;
  private readonly messages: MessagesRepo;
  private readonly emit: EventSink;
  private readonly resume: HistoryResume;
  private readonly loading = new Map<string, Promise<{ added: number; reachedStart: boolean }>>();

  constructor(deps: {
    session: SessionService;
    chats: ChatsRepo;
    messages: MessagesRepo;
    resume: HistoryResume;
    emit: EventSink;
  }) {
    this.session = deps.session;
    this.chats = deps.chats;
    this.messages = deps.messages;
    this.resume = deps.resume;
    this.emit = deps.emit;
  }

  page(chatJid: string, offset: number, limit: number): Page<MessageRow> {
    return this.messages.page(this.session.requireContext().accountId, chatJid, offset, limit);
  }

  /** Where a message is, so the list can go straight to it (a search hit, a favorite). */
  locate(chatJid: string, messageId: string): { index: number | null; total: number } {
    return this.messages.locate(this.session.requireContext().accountId, chatJid, messageId);
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
    if (this.messages.reachedStart(ctx.accountId, chatJid)) return { added: 0, reachedStart: true };
    // Usually below the oldest message held; for a chat holding restored or imported messages, from where
    // paging from the newest got to (see HistoryResume).
    const resume = this.resume.get(ctx.accountId, chatJid);
    const oldest =
      resume === undefined
        ? (this.messages.oldestTimestamp(ctx.accountId, chatJid) ?? undefined)
        : (resume ?? undefined);
    let page = await ctx.client.history(ctx.instance.name, chatJid, historyPageSize, oldest);
    let added = this.messages.save(ctx.accountId, page.messages);
    // `to` is inclusive: a full page made only of messages already held (many sharing the boundary
    // second) would repeat forever, so step just past the boundary once.
    if (added === 0 && page.messages.length === historyPageSize && oldest !== undefined) {
      page = await ctx.client.history(ctx.instance.name, chatJid, historyPageSize, oldest - 1);
      added = this.messages.save(ctx.accountId, page.messages);
    }
    const reachedStart = page.messages.length < historyPageSize;
    if (reachedStart) this.messages.markReachedStart(ctx.accountId, chatJid);
    if (resume !== undefined) {
      const times = page.messages.map((m) => m.timestamp);
      this.resume.advance(ctx.accountId, chatJid, times.length ? Math.min(...times) : null, reachedStart);
    }
    const newest = page.messages[0];
    if (newest && oldest === undefined) {
      const known = this.chats.get(ctx.accountId, chatJid);
      this.chats.noteActivity(
        ctx.accountId,
        {
          jid: chatJid,
          displayName: known?.displayName ?? (numberOf(chatJid) || chatJid),
          number: numberOf(chatJid),
        },
        { at: newest.timestamp, preview: newest.text, type: newest.type },
      );
      this.emit('chats:changed', null);
    }
    if (added > 0) this.emit('messages:changed', { chatJid });
    return { added, reachedStart };
  }
}
