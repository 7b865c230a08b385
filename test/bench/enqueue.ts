/**
 * One durable outbox commit alone, for comparison with the app's (which adds the hop to the store worker):
 * OutboxRepo.setWanted on an on-disk store opened exactly as the worker opens it (WAL, synchronous =
 * FULL), in this thread, then the same on the same file after switching this connection to NORMAL.
 */
import { openDatabase } from '../../main/store/database.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { tempDir } from '../support/temp-dir.ts';
import { percentile, round } from './stats.ts';

export interface EnqueueFigures {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  commits: number;
}

export function measureEnqueue(commits: number): { full: EnqueueFigures; normal: EnqueueFigures } {
  const dir = tempDir('ryze-bench-enqueue-');
  const { db } = openDatabase(dir.path);
  const outbox = new OutboxRepo(db);
  const run = (): EnqueueFigures => {
    const times: number[] = [];
    for (let i = 0; i < commits + 50; i++) {
      // 200 targets, each flipped back and forth: inserts, updates and deletes of outbox rows alike.
      const target = {
        kind: 'chat',
        chatJid: `55119${String(i % 200).padStart(8, '0')}@s.whatsapp.net`,
      } as const;
      const start = performance.now();
      outbox.setWanted('bench-account', target, Math.floor(i / 200) % 2 === 0, Date.now());
      if (i >= 50) times.push(performance.now() - start); // the first 50 warm the page cache
    }
    return {
      p50Ms: round(percentile(times, 0.5), 3),
      p95Ms: round(percentile(times, 0.95), 3),
      p99Ms: round(percentile(times, 0.99), 3),
      maxMs: round(Math.max(...times), 3),
      commits: times.length,
    };
  };
  try {
    const full = run();
    db.exec('PRAGMA synchronous = NORMAL');
    const normal = run();
    return { full, normal };
  } finally {
    db.close();
    dir.remove();
  }
}
