import type { Clock } from '../../main/core/clock.ts';

/** A clock tests move by hand; sleeps resolve when time passes their deadline or their signal aborts. */
export class ManualClock implements Clock {
  private time: number;
  private sleepers: Array<{ until: number; resolve: () => void }> = [];

  constructor(start = Date.UTC(2026, 10, 1, 12)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper = { until: this.time + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.sleepers.filter((s) => s.until <= this.time);
    this.sleepers = this.sleepers.filter((s) => s.until > this.time);
    for (const s of due) s.resolve();
  }
}
