import type { Clock } from '../core/clock.ts';
import { fullJitterBackoff } from './backoff.ts';

/**
 * Whether RyzeAPI answers. Any call's outcome reports here; while offline, GET /health (outside the rate
 * limit, API.md §5.6) is probed with capped, jittered backoff, and listeners hear when the API is back.
 */
export class Connectivity {
  private online = true;
  private probing: Promise<void> | null = null;
  private readonly listeners = new Set<(online: boolean) => void>();
  private readonly clock: Clock;
  private readonly fetchImpl: typeof fetch;
  private baseUrl: string | null = null;
  private stopped = new AbortController();

  constructor(clock: Clock, fetchImpl: typeof fetch = fetch) {
    this.clock = clock;
    this.fetchImpl = fetchImpl;
  }

  get isOnline(): boolean {
    return this.online;
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reportReachable(): void {
    this.set(true);
  }

  /** A call to `baseUrl` got no answer: offline until that server answers /health again. */
  reportUnreachable(baseUrl: string): void {
    this.baseUrl = baseUrl;
    this.set(false);
    this.probing ??= this.probeUntilBack(this.stopped.signal).finally(() => {
      this.probing = null;
    });
  }

  /** Forgets what was known (the accounts changed): online until a call says otherwise. */
  reset(): void {
    this.stopped.abort();
    this.stopped = new AbortController();
    this.probing = null;
    this.set(true);
  }

  stop(): void {
    this.stopped.abort();
  }

  private async probeUntilBack(signal: AbortSignal): Promise<void> {
    for (let attempt = 0; !this.online && !signal.aborted && this.baseUrl; attempt++) {
      await this.clock.sleep(500 + fullJitterBackoff(attempt, { baseMs: 1000, capMs: 15_000 }), signal);
      if (signal.aborted || this.online) return;
      try {
        const response = await this.fetchImpl(`${this.baseUrl}/health`, {
          signal: AbortSignal.timeout(5000),
          // Whoever answers, the probe goes nowhere else.
          redirect: 'manual',
        });
        await response.body?.cancel();
        this.set(true);
      } catch {
        // still unreachable
      }
    }
  }

  private set(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    for (const listener of this.listeners) listener(online);
  }
}
