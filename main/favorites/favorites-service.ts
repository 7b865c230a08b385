import type { ChatRow, FavoriteMessageRow, FavoriteTarget, Page } from '../../preload/contract.ts';
import { fail } from '../core/app-error.ts';
import type { SessionService } from '../session/session-service.ts';
import type { ChatsRepo } from '../store/chats-repo.ts';
import type { MessagesRepo } from '../store/messages-repo.ts';
import type { OutboxService } from '../sync/outbox-service.ts';

export interface FavoritesServiceDeps {
  session: SessionService;
  outbox: OutboxService;
  chats: ChatsRepo;
  messages: MessagesRepo;
}

/**
 * Starring, as the user states it: what they want starred, undo of their last toggle, and the lists of
 * what they starred. Getting it to the server is the outbox's job (main/sync/outbox-service.ts).
 */
export class FavoritesService {
  private readonly deps: FavoritesServiceDeps;
  /** The last toggle, for Ctrl/Cmd+Z: its target and the state shown before it. */
  private lastToggle: { accountId: string; target: FavoriteTarget; before: boolean } | null = null;

  constructor(deps: FavoritesServiceDeps) {
    this.deps = deps;
  }

  set(target: FavoriteTarget, favorite: boolean): { queued: boolean } {
    const { accountId } = this.deps.session.requireContext();
    this.requireKnown(accountId, target);
    const before = this.deps.outbox.want(accountId, target, favorite);
    if (before !== favorite) this.lastToggle = { accountId, target, before };
    return { queued: true };
  }

  undo(): { undone: boolean } {
    const { accountId } = this.deps.session.requireContext();
    const last = this.lastToggle;
    if (!last || last.accountId !== accountId) return { undone: false };
    this.lastToggle = null;
    this.deps.outbox.want(accountId, last.target, last.before);
    return { undone: true };
  }

  canUndo(accountId: string): boolean {
    return this.lastToggle?.accountId === accountId;
  }

  chats(offset: number, limit: number): Page<ChatRow> {
    return this.deps.chats.favorites(this.deps.session.requireContext().accountId, offset, limit);
  }

  messages(offset: number, limit: number): Page<FavoriteMessageRow> {
    return this.deps.messages.favorites(this.deps.session.requireContext().accountId, offset, limit);
  }

  /** Only what the user can see can be starred: a chat or message held in the store. */
  private requireKnown(accountId: string, target: FavoriteTarget): void {
    const known =
      target.kind === 'chat'
        ? this.deps.chats.get(accountId, target.chatJid) !== null
        : this.deps.messages.get(accountId, target.messageId)?.chatJid === target.chatJid;
    if (!known) throw fail('unknownTarget', { target: target.kind });
  }
}
