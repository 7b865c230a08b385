import type { ErrorKind, OutboxStatus } from '../../preload/contract.ts';
import { ApiFailure } from '../api/api-failure.ts';
import { AppFailure, toAppError } from '../core/app-error.ts';
import type { Clock } from '../core/clock.ts';
import type { AccountContext } from '../session/account-context.ts';
import type { OutboxEntry, OutboxRepo } from '../store/outbox-repo.ts';
import { fullJitterBackoff } from './backoff.ts';
import type { RotatingLog } from '../log/rotating-log.ts';
import type { Connectivity } from './connectivity.ts';
import { WakeSignal } from './wake-signal.ts';

export type Hold = null | { kind: ErrorKind; message: string };

export interface OutboxWorkerDeps {
  outbox: OutboxRepo;
  clock: Clock;
  connectivity: Connectivity;
  /** A name the user recognises for a target, for the failed-changes list. */
  labelOf: (entry: OutboxEntry) => string;
  onProgress: () => void;
  /** A change reached its end (confirmed or refused): its row's star and pending mark change. */
  onSettled: (entry: OutboxEntry, outcome: 'confirmed' | 'refused') => void;
  log: Pick<RotatingLog, 'info' | 'warn'>;
  random?: () => number;
}

/** Typical round trip, for the time-left estimate only. */
const assumedCallMs = 150;

/**
 * Drains the outbox for the active account, one change at a time, oldest first, within the token's rate
 * budget. What happens after a failure depends on who can fix it:
 * - the network or the server (network error, 5xx): wait with capped, jittered backoff, keep the change;
 * - WhatsApp (503 not connected): hold the instance's changes and look again later or when it connects;
 * - the user (401/403): hold everything until they sign in again;
 * - nobody (404 Message not found, other 400s): drop the change, restore the star, and say so.
 */
export class OutboxWorker {
  private readonly deps: OutboxWorkerDeps;
  private context: AccountContext | null = null;
  private loop: Promise<void> | null = null;
  private readonly wakeSignal = new WakeSignal();
  private stopController = new AbortController();
  private holdReason: Hold = null;
  private sending = false;
  private retries = 0;
  private pausedUntil = 0;

  constructor(deps: OutboxWorkerDeps) {
    this.deps = deps;
    deps.connectivity.onChange((online) => {
      // The API answers again: whatever backoff a network failure started is over.
      if (online) {
        this.pausedUntil = 0;
        this.wake();
      }
      deps.onProgress();
    });
  }

  get hold(): Hold {
    return this.holdReason;
  }

  status(accountId: string): Omit<OutboxStatus, 'failed' | 'canUndo'> {
    const pending = this.deps.outbox.pendingCount(accountId);
    const ctx = this.context;
    return {
      pending,
      held: this.holdReason,
      online: this.deps.connectivity.isOnline,
      syncing: pending > 0 && this.holdReason === null && this.deps.connectivity.isOnline,
      etaMs: ctx ? ctx.budget.estimateMs(pending, assumedCallMs) : 0,
    };
  }

  start(context: AccountContext): void {
    void this.stop();
    this.context = context;
    this.holdReason = null;
    this.pausedUntil = 0;
    this.retries = 0;
    this.stopController = new AbortController();
    const signal = this.stopController.signal;
    this.loop = this.run(signal).catch(() => {
      // The loop only ends on stop; an unexpected store failure must not take main down.
    });
  }

  /** The account's context changed (its instance state, say) while the worker runs. */
  update(context: AccountContext): void {
    this.context = context;
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    this.wakeSignal.wake();
    const loop = this.loop;
    this.loop = null;
    this.context = null;
    await loop;
  }

  /** Something changed (a new change, the API came back, the instance connected): look again now. */
  wake(options: { releaseHold?: boolean } = {}): void {
    if (options.releaseHold) {
      this.holdReason = null;
      this.pausedUntil = 0;
      this.retries = 0;
      this.deps.onProgress();
    }
    this.wakeSignal.wake();
  }

  /** Resolves once nothing is pending or draining is held (tests and benchmarks wait on this). */
  async idle(timeoutMs = 60_000): Promise<void> {
    const deadline = this.deps.clock.now() + timeoutMs;
    while (this.deps.clock.now() < deadline) {
      const ctx = this.context;
      if (!ctx || this.holdReason || (!this.sending && this.deps.outbox.pendingCount(ctx.accountId) === 0))
        return;
      await this.deps.clock.sleep(20);
    }
  }

  private async run(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      const ctx = this.context;
      if (!ctx) return;
      const wake = anySignal(stop, this.wakeSignal.signal);
      const now = this.deps.clock.now();
      const userMustAct = this.holdReason?.kind === 'auth' || this.holdReason?.kind === 'forbidden';
      if (userMustAct || !this.deps.connectivity.isOnline) {
        await this.deps.clock.sleep(60_000, wake);
        continue;
      }
      if (now < this.pausedUntil) {
        await this.deps.clock.sleep(this.pausedUntil - now, wake);
        continue;
      }
      const [entry] = this.deps.outbox.oldest(ctx.accountId, 1);
      if (!entry) {
        await this.deps.clock.sleep(60_000, wake);
        continue;
      }
      await this.send(ctx, entry, stop);
    }
  }

  private async send(ctx: AccountContext, entry: OutboxEntry, stop: AbortSignal): Promise<void> {
    this.sending = true;
    this.deps.onProgress();
    const before = this.deps.outbox.markSending(ctx.accountId, entry.targetKey);
    try {
      const confirmed = await ctx.client.setFavorite(
        ctx.instance.name,
        entry.target,
        entry.wanted,
        'background',
      );
      if (stop.aborted) return;
      this.deps.outbox.confirm(ctx.accountId, entry.targetKey, confirmed, this.deps.clock.now());
      this.retries = 0;
      this.holdReason = null;
      this.deps.onSettled(entry, 'confirmed');
    } catch (error) {
      // Answered with a refusal (any HTTP error but a 5xx, which may come after the change was applied)
      // or never sent: the server state is known again, so a toggle back costs no call.
      if (!mayHaveApplied(error)) this.deps.outbox.restoreConfirmed(ctx.accountId, entry.targetKey, before);
      if (!stop.aborted) this.handleFailure(ctx, entry, error);
    } finally {
      this.sending = false;
      if (!stop.aborted) this.deps.onProgress();
    }
  }

  private handleFailure(ctx: AccountContext, entry: OutboxEntry, error: unknown): void {
    const now = this.deps.clock.now();
    const failure = error instanceof AppFailure ? error : null;
    const kind = failure?.kind ?? 'internal';
    const message = failure?.message ?? '';
    this.deps.log.warn(`Favorite change for ${entry.targetKey} failed: ${kind} ${message}`);
    // Failures that are not about this change pause the whole queue: retrying the next change would
    // only spend the rate budget on the same answer.
    const pause = (capMs: number) => {
      this.retries++;
      this.pausedUntil =
        now + 250 + fullJitterBackoff(this.retries, { baseMs: 1000, capMs, ...this.randomOption() });
    };

    switch (kind) {
      case 'network':
        // Connectivity probes /health meanwhile and wakes the loop as soon as the API answers.
        pause(30_000);
        return;
      case 'rateLimited':
        // The budget already waits for X-RateLimit-Reset; the change goes again right after.
        return;
      case 'server':
      case 'internal':
        pause(60_000);
        return;
      case 'disconnected':
        this.holdReason = { kind, message };
        pause(120_000);
        return;
      case 'auth':
      case 'forbidden':
        this.holdReason = { kind, message };
        return;
      case 'notFound':
        if (!isPerChangeNotFound(failure)) {
          // "Instance not found": nothing is wrong with the change itself; keep it and hold.
          this.holdReason = { kind, message };
          pause(300_000);
          return;
        }
        break;
    }
    this.deps.outbox.fail(ctx.accountId, entry, this.deps.labelOf(entry), toAppError(error), now);
    this.deps.onSettled(entry, 'refused');
  }

  private randomOption(): { random?: () => number } {
    return this.deps.random ? { random: this.deps.random } : {};
  }
}

function mayHaveApplied(error: unknown): boolean {
  if (!(error instanceof ApiFailure)) return true;
  if (error.kind === 'network') return error.reachedServer;
  return error.status >= 500 && error.kind !== 'disconnected';
}

/** 404s about the change's own target (a message the server does not know) versus about the instance. */
function isPerChangeNotFound(failure: AppFailure | null): boolean {
  return failure instanceof ApiFailure && !/instance/i.test(failure.message);
}

function anySignal(...signals: AbortSignal[]): AbortSignal {
  return AbortSignal.any(signals);
}
