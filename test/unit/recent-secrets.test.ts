import { describe, expect, it } from 'vitest';
import { RecentSecrets } from '../../main/secrets/recent-secrets.ts';
import { ManualClock } from '../support/manual-clock.ts';

describe('tokens the app let go of', () => {
  it('stay known for redaction for ten minutes after the last time they were let go of, then are forgotten', () => {
    const clock = new ManualClock();
    const recent = new RecentSecrets(clock);
    recent.add('first-token');
    clock.advance(9 * 60_000);
    recent.add('first-token');
    recent.add('second-token');
    clock.advance(9 * 60_000);
    expect(recent.list().sort()).toEqual(['first-token', 'second-token']);
    clock.advance(60_000);
    expect(recent.list()).toEqual([]);
  });
});
