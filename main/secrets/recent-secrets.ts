import type { Clock } from '../core/clock.ts';

/** Long enough for any request still in flight (20 s timeout) and the log lines that follow it. */
const keepMs = 10 * 60_000;

/**
 * Tokens this process let go of (signed out, sign-in failed or cancelled), kept for a few minutes so the
 * log and error redaction still knows them: a late answer or log line may quote one after it is gone.
 */
export class RecentSecrets {
  private readonly until = new Map<string, number>();
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  add(secret: string): void {
    this.until.set(secret, this.clock.now() + keepMs);
  }

  list(): string[] {
    const now = this.clock.now();
    for (const [secret, until] of this.until) if (until <= now) this.until.delete(secret);
    return [...this.until.keys()];
  }
}
