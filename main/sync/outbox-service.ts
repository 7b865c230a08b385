import type { FailedChange, FavoriteTarget, HoldRelease, OutboxStatus } from '../../preload/contract.ts';
import { fail } from '../core/app-error.ts';
import type { Clock } from '../core/clock.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { RotatingLog } from '../log/rotating-log.ts';
import type { AccountContext } from '../session/account-context.ts';
import type { AdoptedFavorite, OutboxEntry } from '../store/outbox-repo.ts';
import type { ImportedRows } from '../store/imported-rows.ts';
import type { Store } from '../store/store-client.ts';
import type { Connectivity } from './connectivity.ts';
import { assumedCallMs, OutboxWorker } from './outbox-worker.ts';

export interface OutboxServiceDeps {
  store: Store;
  clock: Clock;
  connectivity: Pick<Connectivity, 'isOnline' | 'onChange'>;
  emit: EventSink;
  log: Pick<RotatingLog, 'info' | 'warn' | 'error'>;
  /** The account on screen: only its status and rows are pushed to the window. */
  shownAccount: () => string | null;
  /** Whether the last toggle of `accountId` can be undone (the favorites service remembers it). */
  canUndo: (accountId: string) => boolean;
  random?: () => number;
}

/** A change the server did not take, for the shell's notification. */
export interface RefusedChange {
  accountId: string;
  change: FailedChange;
}

/**
 * The owner of the favorites outbox: the durable queue, one sender per signed-in account, holds and what
 * releases them, the failed list with retry and dismiss, and every event about them. What the user wants
 * comes in through `want`; everything after that is decided here.
 */
export class OutboxService {
  private readonly deps: OutboxServiceDeps;
  private readonly workers = new Map<string, OutboxWorker>();
  /** Workers of accounts that signed out, until their call in flight is answered and recorded. */
  private readonly retiring = new Map<string, Promise<void>>();
  private readonly progressListeners = new Set<() => void>();
  private readonly refusedListeners = new Set<(refused: RefusedChange) => void>();
  /**
   * Changes waiting in every signed-in account, as of the last progress report: the shell reads it
   * synchronously (badge, "never restart while sending"), and the store is a message away.
   */
  private lastPendingTotal = 0;

  constructor(deps: OutboxServiceDeps) {
    this.deps = deps;
    deps.connectivity.onChange((online) => {
      if (online) void this.releaseAll('online');
      else void this.progress();
    });
  }

  /**
   * Commits the user's choice with its outbox entry (durably: resolves once the store worker's commit is
   * on disk) and starts sending. Returns the state before.
   */
  async want(accountId: string, target: FavoriteTarget, favorite: boolean): Promise<boolean> {
    const before = await this.deps.store.call(
      'outbox.setWanted',
      accountId,
      target,
      favorite,
      this.deps.clock.now(),
    );
    this.rowChanged(accountId, target);
    this.workers.get(accountId)?.wake();
    await this.progress();
    return before;
  }

  /**
   * Stars what an import brought in, committed (durably, with `rows`: what they need to be shown) in one
   * store operation before anyone is told; then they are sent like any other change. See OutboxRepo.starImported.
   */
  async importStars(
    accountId: string,
    targets: Array<Omit<AdoptedFavorite, 'wanted'>>,
    rows: ImportedRows,
  ): Promise<{ starred: number; alreadyStarred: number }> {
    const result = await this.deps.store.call(
      'favorites.import',
      accountId,
      targets,
      rows,
      this.deps.clock.now(),
    );
    if (this.deps.shownAccount() === accountId) {
      this.deps.emit('chats:changed', null);
      const chats = new Set(targets.filter((t) => t.target.kind === 'message').map((t) => t.target.chatJid));
      for (const chatJid of chats) this.deps.emit('messages:changed', { chatJid });
    }
    this.workers.get(accountId)?.wake();
    await this.progress();
    return result;
  }

  /** Starts senders for accounts that signed in, stops those of accounts that signed out. */
  follow(signedIn: readonly AccountContext[]): void {
    const ids = new Set(signedIn.map((c) => c.accountId));
    for (const [id, worker] of this.workers) {
      if (ids.has(id)) continue;
      this.workers.delete(id);
      const stopped = worker.stop();
      this.retiring.set(id, stopped);
      void stopped.finally(() => {
        if (this.retiring.get(id) === stopped) this.retiring.delete(id);
      });
    }
    for (const context of signedIn) {
      const running = this.workers.get(context.accountId);
      if (running) {
        running.update(context);
        continue;
      }
      const worker = new OutboxWorker({
        store: this.deps.store,
        clock: this.deps.clock,
        connectivity: this.deps.connectivity,
        onProgress: () => void this.progress(),
        onSettled: (entry, outcome) => {
          this.rowChanged(context.accountId, entry.target);
          if (outcome.cause !== 'applied') void this.refused(context.accountId, entry);
        },
        log: this.deps.log,
        ...(this.deps.random ? { random: this.deps.random } : {}),
      });
      this.workers.set(context.accountId, worker);
      // Never two senders for one account: a signed-out worker's last call is answered first.
      worker.start(context, this.retiring.get(context.accountId));
    }
    void this.progress();
  }

  /**
   * Stops `accountId`'s sender and waits for its call in flight to be answered and recorded, so its rows
   * can be removed (the user signed out and asked to delete the account's data).
   */
  async stopAccount(accountId: string): Promise<void> {
    const worker = this.workers.get(accountId);
    this.workers.delete(accountId);
    await Promise.all([worker?.stop(), this.retiring.get(accountId)]);
  }

  /** The user signed in to `accountId` again (by any path): a hold that a new sign-in fixes ends. */
  signedIn(accountId: string): void {
    this.workers.get(accountId)?.release('signIn');
  }

  /** The account's instance reported it is connected to WhatsApp. */
  instanceConnected(accountId: string): void {
    this.workers.get(accountId)?.release('instanceConnected');
  }

  /** The user asked to try again now. */
  resume(accountId: string): null {
    this.workers.get(accountId)?.release('retryNow');
    return null;
  }

  async status(accountId: string): Promise<OutboxStatus> {
    return this.statusOf(accountId, await this.deps.store.call('outbox.summary', accountId));
  }

  /** The status, from what the store holds for the account and what its sender is doing now. */
  private statusOf(
    accountId: string,
    { pending, failed }: { pending: number; failed: FailedChange[] },
  ): OutboxStatus {
    const worker = this.workers.get(accountId);
    const online = this.deps.connectivity.isOnline;
    // A hold with nothing pending holds nothing back; it shows again with the next change.
    const held = pending > 0 ? (worker?.hold ?? null) : null;
    const budget = worker?.budget;
    return {
      pending,
      held,
      online,
      syncing: pending > 0 && held === null && online && worker !== undefined,
      etaMs: budget ? budget.estimateMs(pending, assumedCallMs) : 0,
      failed,
      canUndo: this.deps.canUndo(accountId),
    };
  }

  /** Puts a failed change back in the queue as the user's choice. */
  async retry(accountId: string, id: number): Promise<null> {
    const target = await this.deps.store.call('outbox.retryFailed', accountId, id, this.deps.clock.now());
    if (!target) throw fail('failedChangeGone');
    this.rowChanged(accountId, target);
    const worker = this.workers.get(accountId);
    worker?.release('retryNow');
    worker?.wake();
    await this.progress();
    return null;
  }

  async dismiss(accountId: string, id: number): Promise<null> {
    const queued = await this.deps.store.call('outbox.dismissFailed', accountId, id, this.deps.clock.now());
    if (queued) {
      this.rowChanged(accountId, queued);
      this.workers.get(accountId)?.wake();
    }
    await this.progress();
    return null;
  }

  pendingCount(accountId: string): Promise<number> {
    return this.deps.store.call('outbox.pendingCount', accountId);
  }

  /** The pending count of each account, in the order given (one store call for the account switcher). */
  pendingCounts(accountIds: string[]): Promise<number[]> {
    return this.deps.store.call('outbox.pendingCounts', accountIds);
  }

  /**
   * Changes waiting in every signed-in account (for badges, and to know when an update may restart), as of
   * the last progress report; listeners of onProgress are called after it is brought up to date.
   */
  pendingTotal(): number {
    return this.lastPendingTotal;
  }

  onProgress(listener: () => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  onRefused(listener: (refused: RefusedChange) => void): () => void {
    this.refusedListeners.add(listener);
    return () => this.refusedListeners.delete(listener);
  }

  /** Resolves once no account is sending or has anything it could send now (tests and benchmarks). */
  async idle(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const workers = [...this.workers];
      const counts = await this.pendingCounts(workers.map(([id]) => id));
      const busy = workers.some(([, w], i) => w.isSending || (w.hold === null && (counts[i] ?? 0) > 0));
      if (!busy || !this.deps.connectivity.isOnline) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stopAll(): Promise<void> {
    const stopping = [...this.workers.values()].map((w) => w.stop());
    this.workers.clear();
    await Promise.all([...stopping, ...this.retiring.values()]);
  }

  private releaseAll(event: HoldRelease): Promise<void> {
    for (const worker of this.workers.values()) {
      worker.release(event);
      worker.wake();
    }
    return this.progress();
  }

  /**
   * Tells the window (the shown account's status) and the shell (the pending total) that something moved.
   * Never throws: it follows a change that already happened, and a store that cannot be read now is logged.
   * Reports go out in the order they were asked for (the store answers in order).
   */
  private async progress(): Promise<void> {
    try {
      const shown = this.deps.shownAccount();
      const reported = shown !== null && this.workers.has(shown) ? shown : null;
      const ids = [...this.workers.keys()];
      const { shown: summary, counts } = await this.deps.store.call('outbox.report', reported, ids);
      if (reported !== null && summary) this.deps.emit('outbox:changed', this.statusOf(reported, summary));
      this.lastPendingTotal = counts.reduce((sum, n) => sum + n, 0);
      for (const listener of this.progressListeners) listener();
    } catch (error) {
      this.deps.log.error('The outbox status could not be read', error);
    }
  }

  private rowChanged(accountId: string, target: FavoriteTarget): void {
    if (this.deps.shownAccount() !== accountId) return;
    if (target.kind === 'chat') this.deps.emit('chats:changed', null);
    else this.deps.emit('messages:changed', { chatJid: target.chatJid });
  }

  private async refused(accountId: string, entry: OutboxEntry): Promise<void> {
    try {
      const failed = await this.deps.store.call('outbox.failed', accountId);
      const change = failed.find((f) => targetsEqual(f.target, entry.target));
      if (!change) return;
      for (const listener of this.refusedListeners) listener({ accountId, change });
    } catch (error) {
      this.deps.log.error('A refused change could not be read back', error);
    }
  }
}

function targetsEqual(a: FavoriteTarget, b: FavoriteTarget): boolean {
  if (a.kind === 'chat' || b.kind === 'chat') return a.kind === b.kind && a.chatJid === b.chatJid;
  return a.messageId === b.messageId;
}
