import { systemClock, type Clock } from '../../main/core/clock.ts';

/**
 * Real time, `factor` times faster: a minute of backoff passes in 60 ms at 1,000×. Everything that reads
 * it (the app's outbox, rate budget and probes, and the emulator's rate-limit windows) agrees on "now",
 * while I/O still runs at its own real pace, so the interleavings stay those of a real run.
 */
export class ScaledClock implements Clock {
  private readonly factor: number;
  private readonly startMs = Date.now();
  private readonly startReal = performance.now();

  constructor(factor: number) {
    this.factor = factor;
  }

  now(): number {
    return Math.floor(this.startMs + (performance.now() - this.startReal) * this.factor);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms / this.factor, signal);
  }
}
