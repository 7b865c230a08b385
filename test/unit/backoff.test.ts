import { describe, expect, it } from 'vitest';
import { fullJitterBackoff } from '../../main/sync/backoff.ts';

describe('retry backoff', () => {
  it('grows exponentially up to the cap', () => {
    const max = (attempt: number) =>
      fullJitterBackoff(attempt, { baseMs: 1000, capMs: 30_000, random: () => 0.999999 });
    expect(max(0)).toBe(999);
    expect(max(3)).toBe(7999);
    expect(max(10)).toBe(29_999);
    expect(max(1000)).toBe(29_999);
  });

  it('spreads retries over the whole interval (full jitter)', () => {
    expect(fullJitterBackoff(4, { baseMs: 1000, random: () => 0 })).toBe(0);
    const samples = Array.from({ length: 2000 }, () => fullJitterBackoff(4, { baseMs: 1000 }));
    expect(Math.min(...samples)).toBeLessThan(2000);
    expect(Math.max(...samples)).toBeGreaterThan(14_000);
    expect(Math.max(...samples)).toBeLessThan(16_000);
  });
});
