import type { FailedChange, FavoriteTarget, HoldRelease, OutboxStatus } from '../../preload/contract.ts';
import { fail } from '../core/app-error.ts';
import type { Clock } from '../core/clock.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { RotatingLog } from '../log/rotating-log.ts';
import type { AccountContext } from '../session/account-context.ts';
import type { AdoptedFavorite, OutboxEntry, OutboxRepo } from '../store/outbox-repo.ts';
import type { Connectivity } from './connectivity.ts';
import { assumedCallMs, OutboxWorker } from './outbox-worker.ts';

export interface OutboxServiceDeps {
  repo: OutboxRepo;
  clock: Clock;
  connectivity: Pick<Connectivity, 'isOnline' | 'onChange'>;
  emit: EventSink;
  log: Pick<RotatingLog, 'info' | 'warn'>;
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

  constructor(deps: OutboxServiceDeps) {
    this.deps = deps;
    deps.connectivity.onChange((online) => {
      if (online) this.releaseAll('online');
      else this.progress();
    });
  }

  /** Commits the user's choice with its outbox entry (durably) and starts sending. Returns the state before. */
  want(accountId: string, target: FavoriteTarget, favorite: boolean): boolean {
    const before = this.deps.repo.setWanted(accountId, target, favorite, this.deps.clock.now());
    this.rowChanged(accountId, target);
    this.workers.get(accountId)?.wake();
    this.progress();
    return before;
  }

  /**
   * Stars what an import brought in, committed (durably, with `alsoWrite`: the rows they need to be
   * shown) before anyone is told; then they are sent like any other change. See OutboxRepo.starImported.
   */
  importStars(
    accountId: string,
    targets: readonly Omit<AdoptedFavorite, 'wanted'>[],
    alsoWrite: () => void,
  ): { starred: number; alreadyStarred: number } {
    const result = this.deps.repo.starImported(accountId, targets, this.deps.clock.now(), alsoWrite);
    if (this.deps.shownAccount() === accountId) {
      this.deps.emit('chats:changed', null);
      const chats = new Set(targets.filter((t) => t.target.kind === 'message').map((t) => t.target.chatJid));
      for (const chatJid of chats) this.deps.emit('messages:changed', { chatJid });
    }
    this.workers.get(accountId)?.wake();
    this.progress();
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
        outbox: this.deps.repo,
        clock: this.deps.clock,
        connectivity: this.deps.connectivity,
        onProgress: () => this.progress(),
        onSettled: (entry, outcome) => {
          this.rowChanged(context.accountId, entry.target);
          if (outcome.cause !== 'applied') this.refused(context.accountId, entry);
        },
        log: this.deps.log,
        ...(this.deps.random ? { random: this.deps.random } : {}),
      });
      this.workers.set(context.accountId, worker);
      // Never two senders for one account: a signed-out worker's last call is answered first.
      worker.start(context, this.retiring.get(context.accountId));
    }
    this.progress();
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

  status(accountId: string): OutboxStatus {
    const worker = this.workers.get(accountId);
    const pending = this.deps.repo.pendingCount(accountId);
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
      failed: this.deps.repo.failed(accountId),
      canUndo: this.deps.canUndo(accountId),
    };
  }

  /** Puts a failed change back in the queue as the user's choice. */
  retry(accountId: string, id: number): null {
    const target = this.deps.repo.retryFailed(accountId, id, this.deps.clock.now());
    if (!target) throw fail('failedChangeGone');
    this.rowChanged(accountId, target);
    const worker = this.workers.get(accountId);
    worker?.release('retryNow');
    worker?.wake();
    this.progress();
    return null;
  }

  dismiss(accountId: string, id: number): null {
    const queued = this.deps.repo.dismissFailed(accountId, id, this.deps.clock.now());
    if (queued) {
      this.rowChanged(accountId, queued);
      this.workers.get(accountId)?.wake();
    }
    this.progress();
    return null;
  }

  pendingCount(accountId: string): number {
    return this.deps.repo.pendingCount(accountId);
  }

  /** Changes waiting in every signed-in account (for badges, and to know when an update may restart). */
  pendingTotal(): number {
    let total = 0;
    for (const id of this.workers.keys()) total += this.deps.repo.pendingCount(id);
    return total;
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
      const busy = [...this.workers].some(
        ([id, w]) => w.isSending || (w.hold === null && this.deps.repo.pendingCount(id) > 0),
      );
      if (!busy || !this.deps.connectivity.isOnline) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stopAll(): Promise<void> {
    const stopping = [...this.workers.values()].map((w) => w.stop());
    this.workers.clear();
    await Promise.all([...stopping, ...this.retiring.values()]);
  }

  private releaseAll(event: HoldRelease): void {
    for (const worker of this.workers.values()) {
      worker.release(event);
      worker.wake();
    }
    this.progress();
  }

  private progress(): void {
    const shown = this.deps.shownAccount();
    if (shown !== null && this.workers.has(shown)) this.deps.emit('outbox:changed', this.status(shown));
    for (const listener of this.progressListeners) listener();
  }

  private rowChanged(accountId: string, target: FavoriteTarget): void {
    if (this.deps.shownAccount() !== accountId) return;
    if (target.kind === 'chat') this.deps.emit('chats:changed', null);
    else this.deps.emit('messages:changed', { chatJid: target.chatJid });
  }

  private refused(accountId: string, entry: OutboxEntry): void {
    const change = this.deps.repo.failed(accountId).find((f) => targetsEqual(f.target, entry.target));
    if (!change) return;
    for (const listener of this.refusedListeners) listener({ accountId, change });
  }
}

function targetsEqual(a: FavoriteTarget, b: FavoriteTarget): boolean {
  if (a.kind === 'chat' || b.kind === 'chat') return a.kind === b.kind && a.chatJid === b.chatJid;
  return a.messageId === b.messageId;
}
