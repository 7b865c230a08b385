import type { ChatRow, FavoriteMessageRow, FavoriteTarget, Page } from '../../preload/contract.ts';
import { fail } from '../core/app-error.ts';
import type { SessionService } from '../session/session-service.ts';
import type { Store } from '../store/store-client.ts';
import type { OutboxService } from '../sync/outbox-service.ts';

export interface FavoritesServiceDeps {
  session: SessionService;
  outbox: OutboxService;
  store: Store;
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

  /**
   * Toggles and undos run one after another, in the order they were asked, as they did when the store was
   * on main: an undo pressed right after a star undoes that star, even if its commit is not done yet.
   */
  private turn: Promise<unknown> = Promise.resolve();

  /** Resolves once the choice and its outbox entry are committed to disk: only then is it "queued". */
  set(target: FavoriteTarget, favorite: boolean): Promise<{ queued: boolean; changed: boolean }> {
    const { accountId } = this.deps.session.requireContext();
    return this.inTurn(async () => {
      await this.requireKnown(accountId, target);
      const before = await this.deps.outbox.want(accountId, target, favorite);
      const changed = before !== favorite;
      if (changed) this.lastToggle = { accountId, target, before };
      return { queued: true, changed };
    });
  }

  undo(): Promise<{ undone: boolean }> {
    const { accountId } = this.deps.session.requireContext();
    return this.inTurn(async () => {
      const last = this.lastToggle;
      if (!last || last.accountId !== accountId) return { undone: false };
      this.lastToggle = null;
      await this.deps.outbox.want(accountId, last.target, last.before);
      return { undone: true };
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const mine = this.turn.then(work, work);
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  canUndo(accountId: string): boolean {
    return this.lastToggle?.accountId === accountId;
  }

  chats(offset: number, limit: number): Promise<Page<ChatRow>> {
    const { accountId } = this.deps.session.requireContext();
    return this.deps.store.call('chats.favorites', accountId, offset, limit);
  }

  messages(offset: number, limit: number): Promise<Page<FavoriteMessageRow>> {
    const { accountId } = this.deps.session.requireContext();
    return this.deps.store.call('messages.favorites', accountId, offset, limit);
  }

  /** Only what the user can see can be starred: a chat or message held in the store. */
  private async requireKnown(accountId: string, target: FavoriteTarget): Promise<void> {
    if (!(await this.deps.store.call('favorites.isKnown', accountId, target)))
      throw fail('unknownTarget', { target: target.kind });
  }
}
