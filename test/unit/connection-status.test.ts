import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from '../../preload/contract.ts';
import { RateBudget } from '../../main/api/rate-budget.ts';
import { RyzeClient } from '../../main/api/ryze-client.ts';
import { LiveService } from '../../main/live/live-service.ts';
import { linkGraceMs, SteadyLink } from '../../main/live/steady-link.ts';
import type { AccountContext } from '../../main/session/account-context.ts';
import type { SessionService } from '../../main/session/session-service.ts';
import type { Store } from '../../main/store/store-client.ts';
import { Connectivity } from '../../main/sync/connectivity.ts';
import { ManualClock } from '../support/manual-clock.ts';

/** Lets promise chains woken by the clock run to their next sleep. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function advance(clock: ManualClock, ms: number, step = 100): Promise<void> {
  for (let passed = 0; passed < ms; passed += step) {
    clock.advance(step);
    await settle();
  }
}

describe('the connection state the window is shown', () => {
  function link() {
    const clock = new ManualClock();
    const shown: string[] = [];
    const steady = new SteadyLink({
      clock,
      onChange: () => shown.push(`${steady.online ? 'online' : 'offline'}/${steady.live}`),
    });
    return { clock, steady, shown };
  }

  /** A link whose socket has opened, with nothing recorded yet. */
  function openLink() {
    const made = link();
    made.steady.restart();
    made.steady.setLive('open');
    made.shown.length = 0;
    return made;
  }

  it('a socket that reopens within seconds while online shows nothing at all', async () => {
    const { clock, steady, shown } = openLink();
    steady.setLive('connecting');
    await advance(clock, linkGraceMs - 1000);
    steady.setLive('open');
    await advance(clock, linkGraceMs * 3);
    expect(shown).toEqual([]);
    expect(steady.live).toBe('open');
  });

  it('a socket that stays down while online is shown once, then held through every retry', async () => {
    const { clock, steady, shown } = openLink();
    steady.setLive('connecting');
    await advance(clock, linkGraceMs);
    expect(shown).toEqual(['online/unavailable']);
    // What the reconnect loop reports on each failed attempt changes nothing on screen.
    for (let i = 0; i < 5; i++) {
      steady.setLive('connecting');
      await advance(clock, 3000);
    }
    expect(shown).toEqual(['online/unavailable']);
    steady.setLive('open');
    expect(shown).toEqual(['online/unavailable', 'online/open']);
  });

  it('a lone failed call (API back within the grace) does not show offline', async () => {
    const { clock, steady, shown } = openLink();
    steady.setOnline(false);
    await advance(clock, 1500);
    steady.setOnline(true);
    await advance(clock, linkGraceMs * 2);
    expect(shown).toEqual([]);
  });

  it('back online clears offline at once, without a "live unavailable" message in between', async () => {
    const { clock, steady, shown } = openLink();
    steady.setLive('connecting');
    await advance(clock, 1000);
    steady.setOnline(false);
    await advance(clock, linkGraceMs);
    expect(shown).toEqual(['offline/unavailable']);
    steady.setOnline(true);
    expect(shown).toEqual(['offline/unavailable', 'online/connecting']);
    await advance(clock, 1000);
    steady.setLive('open');
    expect(shown).toEqual(['offline/unavailable', 'online/connecting', 'online/open']);
  });

  it('stopping leaves no timer behind', async () => {
    const { clock, steady, shown } = link();
    steady.restart();
    steady.setOnline(false);
    shown.length = 0;
    steady.stop();
    await advance(clock, linkGraceMs * 2);
    expect(shown).toEqual(['online/closed']);
  });
});

describe('live socket offline', () => {
  afterEach(() => vi.restoreAllMocks());

  it('retries in the background while the shown state goes offline once and stays there', async () => {
    // Connectivity probes /health every 0.5 s (no jitter), so the API is seen back within 1.5 s.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const clock = new ManualClock();
    let apiUp = false;
    let socketAttempts = 0;
    // Every HTTP call (the socket's getWebsocket first, and Connectivity's /health probe) fails while down.
    const fetchImpl = (async (input: Request | string | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('getWebsocket')) socketAttempts++;
      if (!apiUp) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      if (url.endsWith('/health')) return new Response('{"status":"ok"}');
      // Up again but the socket not reachable yet: still not open, which is not offline.
      return new Response('{"success":false}', { status: 500 });
    }) as typeof fetch;
    const connectivity = new Connectivity(clock, fetchImpl);
    const budget = new RateBudget(clock);
    const client = new RyzeClient({
      baseUrl: 'https://ryze.test',
      token: 't',
      budget,
      fetch: fetchImpl,
      reachability: connectivity,
    });
    const ctx = {
      accountId: 'a',
      baseUrl: client.baseUrl,
      instance: { name: 'support', state: 'connected' },
      client,
      budget,
    } as unknown as AccountContext;
    const events: ConnectionStatus[] = [];
    const live = new LiveService({
      session: { context: ctx } as unknown as SessionService,
      store: {} as Store,
      clock,
      emit: (event, payload) => {
        if (event === 'connection:changed') events.push(payload as ConnectionStatus);
      },
      connectivity,
      random: () => 0.2,
      onInstanceConnected: () => {},
    });

    live.start(ctx);
    await advance(clock, 60_000);
    expect(socketAttempts).toBeGreaterThan(8);
    // Before the fix each attempt flipped 'connecting' ↔ 'unavailable', and the banner with it.
    expect(events.map((e) => `${e.online}/${e.live}`)).toEqual(['true/connecting', 'false/unavailable']);
    expect(live.status()).toMatchObject({ online: false, live: 'unavailable' });

    // The API answers again just after a failed attempt, with the socket's backoff now 1 + 0.2 × 60 s:
    // online is shown at once, and the socket tries again now rather than 13 s later.
    const seen = socketAttempts;
    while (socketAttempts === seen) await advance(clock, 100);
    apiUp = true;
    const attemptsBefore = socketAttempts;
    await advance(clock, 1500);
    expect(events.map((e) => `${e.online}/${e.live}`)).toEqual([
      'true/connecting',
      'false/unavailable',
      'true/connecting',
    ]);
    expect(socketAttempts).toBeGreaterThan(attemptsBefore);
    live.stop();
    connectivity.stop();
  });
});
