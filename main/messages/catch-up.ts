import type { ApiMessage } from '../api/parse.ts';
import type { Clock } from '../core/clock.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { AccountContext } from '../session/account-context.ts';
import type { Store } from '../store/store-client.ts';
import { historyPageSize } from './message-service.ts';

/** The chats caught up on start and reconnect: those active most recently. */
export const catchUpChats = 20;
/** Pages fetched per chat at most to reach what the store already holds. */
const pagesPerChat = 4;
/** Catching up stops while fewer than this share of the window's requests are left: the rest is the user's. */
const userShare = 0.5;
/** A start and the socket opening a second later are one catch-up, not two. */
const minIntervalMs = 10_000;

export interface CatchUpDeps {
  store: Store;
  clock: Clock;
  emit: EventSink;
  /** Whether the chat is on screen now: its new messages are read, not unread. */
  isViewing: (accountId: string, chatJid: string) => boolean;
  onError?: (error: unknown) => void;
}

/**
 * What arrived while the app was closed or offline: the live socket has no replay (API.md §9.1), so on start
 * and on reconnect the newest messages of the most recently active chats are fetched from history, newest
 * page first, back to what the store holds. Background priority, and only while at least half the rate
 * window is left for what the user does.
 */
export class CatchUp {
  private readonly deps: CatchUpDeps;
  private readonly running = new Map<string, Promise<void>>();
  private readonly lastRun = new Map<string, number>();

  constructor(deps: CatchUpDeps) {
    this.deps = deps;
  }

  run(ctx: AccountContext): Promise<void> {
    const running = this.running.get(ctx.accountId);
    if (running) return running;
    const last = this.lastRun.get(ctx.accountId);
    if (last !== undefined && this.deps.clock.now() - last < minIntervalMs) return Promise.resolve();
    const mine = this.catchUp(ctx)
      .catch((error: unknown) => this.deps.onError?.(error)) // offline, say: the next reconnect tries again
      .finally(() => {
        this.running.delete(ctx.accountId);
        this.lastRun.set(ctx.accountId, this.deps.clock.now());
      });
    this.running.set(ctx.accountId, mine);
    return mine;
  }

  private async catchUp(ctx: AccountContext): Promise<void> {
    const { accountId } = ctx;
    for (const chat of await this.deps.store.call('chats.mostRecentlyActive', accountId, catchUpChats)) {
      const fetched = await this.newestOf(ctx, chat.jid, chat.lastActivity);
      if (fetched === null) return;
      if (fetched.length === 0) continue;
      // One store call and one transaction: which are new, the messages, the chat's activity and unread count.
      const unseen = await this.deps.store.call(
        'messages.saveCaughtUp',
        accountId,
        chat.jid,
        fetched,
        !this.deps.isViewing(accountId, chat.jid),
      );
      if (unseen > 0) this.deps.emit('messages:changed', { chatJid: chat.jid });
      this.deps.emit('chats:changed', null);
    }
  }

  /**
   * Messages since `since` (inclusive), newest first, paging back until the store's newest is reached so no
   * gap is left behind it; null once the budget share is used up.
   */
  private async newestOf(ctx: AccountContext, jid: string, since: number): Promise<ApiMessage[] | null> {
    const out: ApiMessage[] = [];
    let to: number | undefined;
    for (let page = 0; page < pagesPerChat; page++) {
      const { remaining, limit } = ctx.budget.available();
      if (remaining < limit * userShare) return out.length > 0 ? out : null;
      const got = await ctx.client.history(ctx.instance.name, jid, historyPageSize, to, {
        from: since,
        priority: 'background',
      });
      out.push(...got.messages);
      const oldest = got.messages.at(-1);
      if (got.messages.length < historyPageSize || !oldest || oldest.timestamp <= since) break;
      to = oldest.timestamp;
    }
    return out;
  }
}
