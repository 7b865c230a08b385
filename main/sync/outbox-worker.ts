import { appError, type HoldRelease, type OutboxHold } from '../../preload/contract.ts';
import type { RateBudget } from '../api/rate-budget.ts';
import type { Clock } from '../core/clock.ts';
import type { RotatingLog } from '../log/rotating-log.ts';
import type { AccountContext } from '../session/account-context.ts';
import type { OutboxEntry } from '../store/outbox-repo.ts';
import type { Store } from '../store/store-client.ts';
import { fullJitterBackoff } from './backoff.ts';
import type { Connectivity } from './connectivity.ts';
import { classifyAnswer, classifyFailure, outcomePolicies, type Outcome } from './favorite-outcome.ts';
import { WakeSignal } from './wake-signal.ts';

export interface OutboxWorkerDeps {
  store: Store;
  clock: Clock;
  connectivity: Pick<Connectivity, 'isOnline'>;
  /** Something the status shows changed (sending started or ended, a hold began or ended). */
  onProgress: () => void;
  /** A change reached its end (confirmed or failed): its row's star and pending mark change. */
  onSettled: (entry: OutboxEntry, outcome: Outcome) => void;
  log: Pick<RotatingLog, 'info' | 'warn'>;
  random?: () => number;
}

/** Typical round trip, for the time-left estimate only. */
export const assumedCallMs = 150;

/** The pause before sending starts over after a store call failed. */
export const storeRetryMs = 5_000;

/**
 * Sends one account's outbox, one change at a time, oldest first, within the token's rate budget. What
 * each answer means and what happens next is decided by the table in favorite-outcome.ts; this class
 * only carries it out: it records what the server did, then goes on, holds, or drops the change.
 */
export class OutboxWorker {
  private readonly deps: OutboxWorkerDeps;
  private context: AccountContext | null = null;
  private loop: Promise<void> | null = null;
  private readonly wakeSignal = new WakeSignal();
  private stopController = new AbortController();
  private holdState: OutboxHold | null = null;
  private sending = false;
  private failures = 0;

  constructor(deps: OutboxWorkerDeps) {
    this.deps = deps;
  }

  get hold(): OutboxHold | null {
    return this.holdState;
  }

  get isSending(): boolean {
    return this.sending;
  }

  /** The token's rate budget, for the time-left estimate. */
  get budget(): RateBudget | null {
    return this.context?.budget ?? null;
  }

  /** Starts draining for `context`, once `after` (a previous worker of the same account stopping) is done. */
  start(context: AccountContext, after: Promise<void> = Promise.resolve()): void {
    this.context = context;
    this.stopController = new AbortController();
    const signal = this.stopController.signal;
    this.loop = after.then(() => this.runUntilStopped(signal));
  }

  /**
   * The loop only ends on stop. A store call that fails (the store worker stopped and is started again, a
   * full disk) must neither take main down nor end sending for good: the loop starts over after a pause.
   * That is safe by the outbox's own rules: what was committed stands, and a change whose call may have
   * gone out is still marked unknown, so its final state is sent whatever it is.
   */
  private async runUntilStopped(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      try {
        await this.run(stop);
        return;
      } catch (error) {
        this.deps.log.warn(`The outbox stopped unexpectedly; it starts over shortly: ${String(error)}`);
        this.sending = false;
        await this.deps.clock.sleep(storeRetryMs, stop);
      }
    }
  }

  /** The account's context changed (a new token after signing in again, its instance state) while it runs. */
  update(context: AccountContext): void {
    this.context = context;
  }

  /** Resolves once the loop has ended; a call in flight is awaited and its answer recorded. */
  async stop(): Promise<void> {
    this.stopController.abort();
    this.wakeSignal.wake();
    await this.loop;
    this.loop = null;
    this.context = null;
  }

  /** A new change was queued: look again now (a hold stays). */
  wake(): void {
    this.wakeSignal.wake();
  }

  /** `event` happened: if it can fix what holds sending, sending resumes now. */
  release(event: HoldRelease): void {
    if (!this.holdState?.releasedBy.includes(event)) return;
    this.clearHold();
    this.wakeSignal.wake();
  }

  private clearHold(): void {
    this.holdState = null;
    this.failures = 0;
    this.deps.onProgress();
  }

  private async run(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      const ctx = this.context;
      if (!ctx) return;
      const wake = AbortSignal.any([stop, this.wakeSignal.signal]);
      const hold = this.holdState;
      if (hold) {
        const waitMs = hold.retryAt === null ? null : hold.retryAt - this.deps.clock.now();
        if (waitMs === null || waitMs > 0) {
          await this.deps.clock.sleep(waitMs ?? 3_600_000, wake);
          continue;
        }
        // The wait before the next automatic try ran out; the hold shows until that try's answer.
      }
      if (!this.deps.connectivity.isOnline) {
        // Connectivity probes /health meanwhile and releases 'online' as soon as the API answers.
        await this.deps.clock.sleep(60_000, wake);
        continue;
      }
      // Wait for the rate budget before picking the change, so that what goes out is the user's choice
      // as it is when the call can be made, not as it was a rate-limit window ago.
      const budgetWaitMs = ctx.budget.waitMs('background');
      if (budgetWaitMs > 0) {
        await this.deps.clock.sleep(budgetWaitMs, wake);
        continue;
      }
      // The oldest change, marked "sending" in the same store call: if the app dies with its call in flight,
      // the next start knows the server state is unknown.
      const next = await this.deps.store.call('outbox.takeNext', ctx.accountId);
      if (!next) {
        // The wait ran out with nothing left to send (the user took the change back): the hold is over.
        // (A hold only the user can end never gets here: it waits above.)
        if (hold) this.clearHold();
        await this.deps.clock.sleep(3_600_000, wake);
        continue;
      }
      if (stop.aborted) {
        // Stopped while the change was being taken: it never left, so the server holds what it held.
        await this.deps.store.call(
          'outbox.restoreConfirmed',
          ctx.accountId,
          next.entry.targetKey,
          next.before,
          this.deps.clock.now(),
        );
        return;
      }
      await this.send(ctx, next.entry, next.before, stop);
    }
  }

  private async send(
    ctx: AccountContext,
    entry: OutboxEntry,
    before: number | null,
    stop: AbortSignal,
  ): Promise<void> {
    this.sending = true;
    this.deps.onProgress();
    let outcome: Outcome;
    try {
      const answer = await ctx.client.setFavorite(
        ctx.instance.name,
        entry.target,
        entry.wanted,
        'background',
      );
      outcome = classifyAnswer(entry.target, entry.wanted, answer);
    } catch (error) {
      outcome = classifyFailure(entry.target, error);
    }
    try {
      // Recorded even while stopping: the answer is the only evidence of what the server did.
      await this.record(ctx, entry, before, outcome);
      if (!stop.aborted) await this.follow(ctx, entry, outcome);
    } finally {
      this.sending = false;
      if (!stop.aborted) this.deps.onProgress();
    }
  }

  private async record(
    ctx: AccountContext,
    entry: OutboxEntry,
    before: number | null,
    outcome: Outcome,
  ): Promise<void> {
    const now = this.deps.clock.now();
    if (outcome.effect === 'applied')
      await this.deps.store.call('outbox.confirm', ctx.accountId, entry.targetKey, entry.wanted, now);
    else if (outcome.effect === 'notApplied')
      await this.deps.store.call('outbox.restoreConfirmed', ctx.accountId, entry.targetKey, before, now);
    // 'unknown': the target stays marked unknown, so the user's final choice is sent whatever it is.
  }

  private async follow(ctx: AccountContext, entry: OutboxEntry, outcome: Outcome): Promise<void> {
    const policy = outcomePolicies[outcome.cause];
    const now = this.deps.clock.now();
    if (policy.next !== 'retry') {
      // The server answered about this change itself, so whatever held the queue is over.
      this.failures = 0;
      this.holdState = null;
    }
    if (policy.next === 'done') {
      this.deps.onSettled(entry, outcome);
      return;
    }
    const error = outcome.error ?? appError('internal');
    const said = 'serverMessage' in error && error.serverMessage ? ` "${error.serverMessage}"` : '';
    const detail = outcome.detail ? ` (${outcome.detail})` : '';
    this.deps.log.warn(
      `Favorite change for ${entry.targetKey} ended ${outcome.cause} (server state ${outcome.effect}): ${error.code}${said}${detail}`,
    );
    if (policy.next === 'drop') {
      await this.deps.store.call('outbox.fail', ctx.accountId, entry, error, now, {
        targetGone: outcome.cause === 'messageNotFound' && outcome.effect === 'notApplied',
      });
      this.deps.onSettled(entry, outcome);
      return;
    }
    // Not about this change alone: hold the whole queue, as the next change would meet the same answer.
    this.failures++;
    const retryAt =
      policy.backoffCapMs === null
        ? null
        : now +
          fullJitterBackoff(this.failures, {
            baseMs: 1000,
            capMs: policy.backoffCapMs,
            ...(this.deps.random ? { random: this.deps.random } : {}),
          });
    this.holdState = { error, releasedBy: [...policy.releasedBy], retryAt };
  }
}
