import type {
  ChatRow,
  FavoriteMessageRow,
  FavoriteTarget,
  OutboxStatus,
  Page,
} from '../../preload/contract.ts';
import { AppFailure } from '../core/app-error.ts';
import type { Clock } from '../core/clock.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { SessionService } from '../session/session-service.ts';
import type { ChatsRepo } from '../store/chats-repo.ts';
import type { MessagesRepo } from '../store/messages-repo.ts';
import type { OutboxRepo } from '../store/outbox-repo.ts';
import type { OutboxWorkers } from '../sync/outbox-workers.ts';

export interface FavoritesServiceDeps {
  session: SessionService;
  outbox: OutboxRepo;
  chats: ChatsRepo;
  messages: MessagesRepo;
  workers: OutboxWorkers;
  clock: Clock;
  emit: EventSink;
}

/**
 * Starring. A toggle is committed to disk, with its outbox entry, before the caller hears "queued";
 * the worker sends it when it can. The store is what the user sees: the API cannot read favorites back.
 */
export class FavoritesService {
  private readonly deps: FavoritesServiceDeps;
  /** The last toggle, for Ctrl/Cmd+Z: its target and the state shown before it. */
  private lastToggle: { accountId: string; target: FavoriteTarget; before: boolean } | null = null;

  constructor(deps: FavoritesServiceDeps) {
    this.deps = deps;
  }

  set(target: FavoriteTarget, favorite: boolean): { queued: boolean } {
    const ctx = this.deps.session.requireContext();
    this.requireKnown(ctx.accountId, target);
    const before = this.apply(ctx.accountId, target, favorite);
    this.lastToggle = before === favorite ? this.lastToggle : { accountId: ctx.accountId, target, before };
    return { queued: true };
  }

  undo(): { undone: boolean } {
    const ctx = this.deps.session.requireContext();
    const last = this.lastToggle;
    if (!last || last.accountId !== ctx.accountId) return { undone: false };
    this.lastToggle = null;
    this.apply(ctx.accountId, last.target, last.before);
    return { undone: true };
  }

  chats(offset: number, limit: number): Page<ChatRow> {
    return this.deps.chats.favorites(this.deps.session.requireContext().accountId, offset, limit);
  }

  messages(offset: number, limit: number): Page<FavoriteMessageRow> {
    return this.deps.messages.favorites(this.deps.session.requireContext().accountId, offset, limit);
  }

  status(): OutboxStatus {
    const ctx = this.deps.session.context;
    const worker = ctx && this.deps.workers.get(ctx.accountId);
    if (!ctx || !worker) {
      return { pending: 0, held: null, online: true, syncing: false, etaMs: 0, failed: [], canUndo: false };
    }
    return {
      ...worker.status(ctx.accountId),
      failed: this.deps.outbox.failed(ctx.accountId),
      canUndo: this.lastToggle?.accountId === ctx.accountId,
    };
  }

  retry(id: number): null {
    const ctx = this.deps.session.requireContext();
    const target = this.deps.outbox.retryFailed(ctx.accountId, id, this.deps.clock.now());
    if (!target) throw new AppFailure('invalidArgument', 'That failed change is no longer in the list.');
    this.changed(target);
    this.deps.workers.get(ctx.accountId)?.wake({ releaseHold: true });
    return null;
  }

  dismiss(id: number): null {
    const ctx = this.deps.session.requireContext();
    this.deps.outbox.dismissFailed(ctx.accountId, id);
    this.deps.emit('outbox:changed', this.status());
    return null;
  }

  /** Commits the state and tells the renderer and the worker; returns the state shown before. */
  private apply(accountId: string, target: FavoriteTarget, favorite: boolean): boolean {
    const before = this.deps.outbox.setWanted(accountId, target, favorite, this.deps.clock.now());
    this.changed(target);
    this.deps.workers.get(accountId)?.wake();
    return before;
  }

  private changed(target: FavoriteTarget): void {
    if (target.kind === 'chat') this.deps.emit('chats:changed', null);
    else this.deps.emit('messages:changed', { chatJid: target.chatJid });
    this.deps.emit('outbox:changed', this.status());
  }

  /** Only what the user can see can be starred: a chat or message held in the store. */
  private requireKnown(accountId: string, target: FavoriteTarget): void {
    const known =
      target.kind === 'chat'
        ? this.deps.chats.get(accountId, target.chatJid) !== null
        : this.deps.messages.get(accountId, target.messageId)?.chatJid === target.chatJid;
    if (!known) throw new AppFailure('invalidArgument', `Unknown ${target.kind}; refresh and try again.`);
  }
}
