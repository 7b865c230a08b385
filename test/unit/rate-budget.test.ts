import { describe, expect, it } from 'vitest';
import { RateBudget } from '../../main/api/rate-budget.ts';
import { ManualClock } from '../support/manual-clock.ts';

function headers(limit: number, remaining: number, resetMs: number): Headers {
  return new Headers({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(Math.ceil(resetMs / 1000)),
  });
}

describe('the shared request budget', () => {
  it('lets requests go until the count runs out, then waits for the reset the server announced', async () => {
    const clock = new ManualClock();
    const budget = new RateBudget(clock, { limit: 100, backgroundReserve: 0 });
    budget.observe(headers(100, 2, clock.now() + 30_000));
    await budget.acquire('interactive');
    await budget.acquire('interactive');
    expect(budget.waitMs('interactive')).toBeGreaterThan(29_000);
    clock.advance(31_000);
    expect(budget.waitMs('interactive')).toBe(0);
  });

  it('keeps a reserve for what the user does while background work drains', () => {
    const clock = new ManualClock();
    const budget = new RateBudget(clock, { backgroundReserve: 3 });
    budget.observe(headers(100, 3, clock.now() + 10_000));
    expect(budget.waitMs('background')).toBeGreaterThan(0);
    expect(budget.waitMs('interactive')).toBe(0);
  });

  it('after a 429 sends nothing until X-RateLimit-Reset', () => {
    const clock = new ManualClock();
    const budget = new RateBudget(clock);
    budget.exhausted(headers(100, 0, clock.now() + 20_000));
    expect(budget.waitMs('interactive')).toBeGreaterThanOrEqual(19_000);
    clock.advance(20_000);
    expect(budget.waitMs('interactive')).toBe(0);
  });

  it("after a 429 waits for that answer's reset, even when an earlier answer named a later one", () => {
    const clock = new ManualClock();
    const budget = new RateBudget(clock);
    budget.observe(headers(100, 90, clock.now() + 55_000));
    budget.exhausted(headers(100, 0, clock.now() + 5_000));
    expect(budget.waitMs('interactive')).toBeLessThanOrEqual(5_000);
    clock.advance(5_000);
    expect(budget.waitMs('interactive')).toBe(0);
  });

  it('after a 429 without headers waits a whole window rather than guessing short', () => {
    const clock = new ManualClock();
    const budget = new RateBudget(clock);
    budget.exhausted(new Headers());
    expect(budget.waitMs('interactive')).toBe(60_000);
  });

  it('trusts the lower count within a window, since other calls may be in flight', async () => {
    const clock = new ManualClock();
    const budget = new RateBudget(clock, { backgroundReserve: 0 });
    const reset = clock.now() + 30_000;
    budget.observe(headers(100, 10, reset));
    budget.observe(headers(100, 50, reset));
    for (let i = 0; i < 10; i++) {
      expect(budget.waitMs('interactive')).toBe(0);
      await budget.acquire('interactive');
    }
    expect(budget.waitMs('interactive')).toBeGreaterThan(0);
  });

  it('estimates the time to drain a queue larger than one window', () => {
    const clock = new ManualClock();
    const budget = new RateBudget(clock, { limit: 100, backgroundReserve: 3 });
    budget.observe(headers(100, 100, clock.now() + 60_000));
    expect(budget.estimateMs(50, 100)).toBe(5_000);
    // 97 fit in this window, the other 103 need the next two.
    expect(budget.estimateMs(200, 100)).toBe(60_000 + 60_000 + 6 * 100);
  });
});
