import type { FavoriteCall } from './host-protocol.ts';
import { median, round } from './stats.ts';

/**
 * Calls per rate-limit window (grouped by the X-RateLimit-Reset each answer carried), and the sustained rate
 * over wall-clock time, both expressed per window (= per minute at the real 60 s window).
 */
export function drainFigures(calls: readonly FavoriteCall[], windowMs: number): Record<string, unknown> {
  const windows = new Map<number, FavoriteCall[]>();
  for (const c of calls) {
    const list = windows.get(c.resetSec) ?? [];
    list.push(c);
    windows.set(c.resetSec, list);
  }
  const ordered = [...windows.entries()].sort((x, y) => x[0] - y[0]).map(([, list]) => list);
  const counts = ordered.map((w) => w.length);
  // Full windows: all but the last (partial); the first shares its budget with the live socket's reconnect.
  const full = counts.length > 2 ? counts.slice(1, -1) : counts.slice(0, -1);
  const perWindow = full.length > 0 ? full.reduce((s, n) => s + n, 0) / full.length : Number.NaN;
  const starts = ordered.map((w) => (w[0] as FavoriteCall).sentAt);
  const last = ordered[ordered.length - 1];
  const first = calls[0];
  let throughput = Number.NaN;
  let cycleMs = Number.NaN;
  if (first && last && ordered.length > 1) {
    const span = (last[0] as FavoriteCall).sentAt - first.sentAt;
    throughput = ((calls.length - last.length) / span) * windowMs;
    const cycles = starts.slice(1).map((s, i) => s - (starts[i] as number));
    cycleMs = cycles.slice(1).length > 0 ? median(cycles.slice(1)) : median(cycles);
  }
  const gapMs = cycleMs - windowMs;
  return {
    drainCallsPerMin: round(perWindow, 1),
    drainCallsPerWindowSeen: counts,
    drainThroughputPerMin: round(throughput, 1),
    drainWindowCycleMs: round(cycleMs, 0),
    drainThroughputPerMinAt60s: round((perWindow * 60_000) / (60_000 + Math.max(0, gapMs)), 1),
  };
}
