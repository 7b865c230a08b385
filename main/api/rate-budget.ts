import type { Clock } from '../core/clock.ts';

/** The documented window (API.md §3); used only to estimate, the server's X-RateLimit-Reset rules. */
const assumedWindowMs = 60_000;

export type Priority = 'interactive' | 'background';

/**
 * The one request budget a token has (100/min, shared by every call, API.md §3). Every request takes a
 * unit first; the server's X-RateLimit-* headers correct our count after each response. Background work
 * (the outbox) leaves a few units for what the user is doing, so a drain never makes a click wait.
 */
export class RateBudget {
  private limit: number;
  private remaining: number | null = null;
  private resetAt = 0;
  private readonly clock: Clock;
  private readonly backgroundReserve: number;

  constructor(clock: Clock, options: { limit?: number; backgroundReserve?: number } = {}) {
    this.clock = clock;
    this.limit = options.limit ?? 100;
    this.backgroundReserve = options.backgroundReserve ?? 3;
  }

  /** Waits until a request may be sent within the limit, then counts it. */
  async acquire(priority: Priority, signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      const wait = this.waitMs(priority);
      if (wait === 0) {
        this.remaining = (this.remaining ?? this.limit) - 1;
        return;
      }
      await this.clock.sleep(wait, signal);
    }
  }

  /** How long a request of this priority would wait now; 0 when it can go. */
  waitMs(priority: Priority): number {
    const now = this.clock.now();
    if (this.resetAt !== 0 && now >= this.resetAt) {
      this.remaining = null;
      this.resetAt = 0;
    }
    const floor = priority === 'background' ? Math.min(this.backgroundReserve, this.limit - 1) : 0;
    if (this.remaining === null || this.remaining > floor) return 0;
    // Unknown reset after exhausting the count: wait a whole window rather than guess short.
    return this.resetAt === 0 ? assumedWindowMs : this.resetAt - now;
  }

  /** Requests left in this window as far as we know (the whole limit when nothing was counted yet). */
  available(): { remaining: number; limit: number } {
    this.waitMs('interactive'); // forgets a window that has ended
    return { remaining: this.remaining ?? this.limit, limit: this.limit };
  }

  /** Folds in the X-RateLimit-* headers of any response. */
  observe(headers: Headers): void {
    const limit = Number(headers.get('x-ratelimit-limit'));
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const resetSeconds = Number(headers.get('x-ratelimit-reset'));
    if (!headers.has('x-ratelimit-remaining') || !Number.isFinite(remaining)) return;
    if (Number.isFinite(limit) && limit > 0) this.limit = limit;
    const resetAt = Number.isFinite(resetSeconds) && resetSeconds > 0 ? resetSeconds * 1000 : 0;
    if (resetAt > this.resetAt) {
      // A new window: the server's count is the truth.
      this.resetAt = resetAt;
      this.remaining = remaining;
    } else {
      // Same window: other requests may be in flight since the server counted, so keep the lower figure.
      this.remaining = Math.min(this.remaining ?? remaining, remaining);
    }
  }

  /** After a 429 nothing more may go until the reset (API.md §3: no Retry-After, wait for the reset). */
  exhausted(headers: Headers): void {
    this.observe(headers);
    this.remaining = 0;
    const now = this.clock.now();
    const resetAt = Number(headers.get('x-ratelimit-reset')) * 1000;
    // The refusal's own reset is the truth, even when an earlier answer named a later one.
    if (Number.isFinite(resetAt) && resetAt > now) this.resetAt = resetAt;
    else if (this.resetAt <= now) this.resetAt = now + assumedWindowMs;
  }

  /** Estimated time to send `count` background requests, for the status bar. */
  estimateMs(count: number, perRequestMs: number): number {
    if (count <= 0) return 0;
    const now = this.clock.now();
    const perWindow = Math.max(1, this.limit - this.backgroundReserve);
    const available =
      this.remaining === null || (this.resetAt !== 0 && now >= this.resetAt)
        ? perWindow
        : Math.max(0, this.remaining - this.backgroundReserve);
    if (count <= available) return count * perRequestMs;
    const untilReset = this.resetAt > now ? this.resetAt - now : assumedWindowMs;
    const windowsAfter = Math.ceil((count - available) / perWindow) - 1;
    const lastBatch = count - available - windowsAfter * perWindow;
    return untilReset + windowsAfter * assumedWindowMs + lastBatch * perRequestMs;
  }
}
