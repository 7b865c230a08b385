import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyHttpError, httpFailure, type ApiFailure } from '../../main/api/api-failure.ts';
import type { FavoriteAnswer } from '../../main/api/parse.ts';
import { RateBudget } from '../../main/api/rate-budget.ts';
import type { RyzeClient } from '../../main/api/ryze-client.ts';
import type { AccountContext } from '../../main/session/account-context.ts';
import type { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { fail as failure } from '../../main/core/app-error.ts';
import type { Store } from '../../main/store/store-client.ts';
import type { StoreOperation } from '../../main/store/store-operations.ts';
import { OutboxWorker, storeRetryMs } from '../../main/sync/outbox-worker.ts';
import type { FavoriteTarget } from '../../preload/contract.ts';
import { inlineStore } from '../support/inline-store.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { serverError } from '../support/server-error.ts';
import { tempDir } from '../support/temp-dir.ts';

const account = 'acct-1';
const chat = (n: number): FavoriteTarget => ({ kind: 'chat', chatJid: `55119000000${n}@s.whatsapp.net` });
const agree = (target: FavoriteTarget, favorite: boolean): FavoriteAnswer => ({
  type: target.kind,
  favorite,
  messageId: target.kind === 'message' ? target.messageId : null,
});

/**
 * The outbox worker carrying out the outcome table with a clock the test moves: when it waits, for how
 * long, what ends a hold, and that it records every answer. The API is a scripted stand-in here (its
 * real answers are covered over HTTP in favorite-outcome.test.ts and against the emulator in the
 * integration and model tests).
 */
describe('the outbox worker', () => {
  let dir: ReturnType<typeof tempDir>;
  let close: () => void;
  let repo: OutboxRepo;
  let clock: ManualClock;
  let worker: OutboxWorker;
  let calls: Array<{ target: FavoriteTarget; wanted: boolean }>;
  let script: Array<(target: FavoriteTarget, wanted: boolean) => Promise<FavoriteAnswer>>;
  /** Store operations that fail once, the next time they are called (the store worker stopping, say). */
  let failOnce: Set<StoreOperation>;
  let warnings: string[];

  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  beforeEach(() => {
    dir = tempDir();
    // The store on this thread (see inline-store.ts): the worker's steps follow the manual clock.
    const { store: inline, repos, db } = inlineStore(dir.path);
    failOnce = new Set();
    warnings = [];
    const store = {
      call: (op: StoreOperation, ...args: unknown[]) => {
        if (!failOnce.delete(op))
          return (inline.call as (o: string, ...a: unknown[]) => unknown)(op, ...args);
        return Promise.reject(failure('storeStopped'));
      },
    } as Store;
    close = () => db.close();
    repo = repos.outbox;
    clock = new ManualClock();
    calls = [];
    script = [];
    const client = {
      setFavorite: (_instance: string, target: FavoriteTarget, wanted: boolean) => {
        calls.push({ target, wanted });
        const next = script.shift();
        return next ? next(target, wanted) : Promise.resolve(agree(target, wanted));
      },
    } as unknown as RyzeClient;
    const context: AccountContext = {
      accountId: account,
      baseUrl: 'https://ryzeapi.cloud',
      instance: { name: 'support', state: 'connected', displayStatus: '', profileName: '', numberJid: null },
      client,
      budget: new RateBudget(clock),
    };
    worker = new OutboxWorker({
      store,
      clock,
      connectivity: { isOnline: true },
      onProgress: () => {},
      onSettled: () => {},
      log: { info: () => {}, warn: (line) => warnings.push(line) },
      random: () => 0.5,
    });
    worker.start(context);
  });
  afterEach(async () => {
    await worker.stop();
    close();
    dir.remove();
  });

  const fail = (error: ApiFailure) => () => Promise.reject(error);

  it('waits out its backoff after a server error, then sends the change again', async () => {
    script.push(fail(classifyHttpError(500, 'Internal server error')));
    repo.setWanted(account, chat(1), true, clock.now());
    worker.wake();
    await settle();
    expect(calls).toHaveLength(1);
    const hold = worker.hold!;
    expect(hold).toMatchObject({
      error: serverError('serverError', 500, 'Internal server error'),
      releasedBy: expect.arrayContaining(['timer', 'retryNow']),
    });
    // Full jitter at 0.5 of min(cap, 1 s · 2^1).
    expect(hold.retryAt).toBe(clock.now() + 1000);

    clock.advance(999);
    await settle();
    expect(calls).toHaveLength(1);
    clock.advance(1);
    await settle();
    expect(calls).toHaveLength(2);
    expect(worker.hold).toBeNull();
    expect(repo.pendingCount(account)).toBe(0);
  });

  it('holds a refused token until the user signs in again; time alone never resumes it', async () => {
    script.push(fail(classifyHttpError(401, 'Invalid token')));
    repo.setWanted(account, chat(1), true, clock.now());
    worker.wake();
    await settle();
    expect(worker.hold).toMatchObject({
      error: { code: 'tokenRefused', kind: 'auth' },
      retryAt: null,
      releasedBy: ['signIn', 'retryNow'],
    });

    clock.advance(24 * 3_600_000);
    worker.release('instanceConnected');
    worker.release('online');
    await settle();
    expect(calls).toHaveLength(1);

    worker.release('signIn');
    await settle();
    expect(calls).toHaveLength(2);
    expect(repo.pendingCount(account)).toBe(0);
  });

  it('resumes at once when the instance reports it is connected, without waiting for the backoff', async () => {
    script.push(fail(classifyHttpError(503, 'Instance is not connected to WhatsApp')));
    repo.setWanted(account, chat(1), true, clock.now());
    worker.wake();
    await settle();
    expect(worker.hold).toMatchObject({ error: { code: 'disconnected' } });
    expect(worker.hold!.releasedBy).toContain('instanceConnected');

    worker.release('instanceConnected');
    await settle();
    expect(calls).toHaveLength(2);
    expect(worker.hold).toBeNull();
  });

  it('after an unreadable 2xx, a toggle back is still sent: the server may hold the star', async () => {
    script.push(fail(httpFailure('unreadableAnswer', 200, '', false)));
    repo.setWanted(account, chat(1), true, clock.now());
    worker.wake();
    await settle();
    expect(calls).toEqual([{ target: chat(1), wanted: true }]);

    // During the pause, the user takes the star back: the old confirmed state, but the server's is unknown.
    repo.setWanted(account, chat(1), false, clock.now());
    expect(repo.pendingCount(account)).toBe(1);
    clock.advance(worker.hold!.retryAt! - clock.now());
    await settle();
    expect(calls).toEqual([
      { target: chat(1), wanted: true },
      { target: chat(1), wanted: false },
    ]);
    expect(repo.pendingCount(account)).toBe(0);
  });

  it('drops a change refused for good, puts its star back, and goes on with the next one at once', async () => {
    script.push(fail(classifyHttpError(400, 'Invalid number: x')));
    repo.setWanted(account, chat(1), true, clock.now());
    repo.setWanted(account, chat(2), true, clock.now());
    worker.wake();
    await settle();
    expect(calls.map((c) => c.target)).toEqual([chat(1), chat(2)]);
    expect(worker.hold).toBeNull();
    expect(repo.failed(account)).toEqual([
      expect.objectContaining({
        target: chat(1),
        wanted: true,
        error: serverError('invalidRequest', 400, 'Invalid number: x'),
      }),
    ]);
    expect(repo.pendingCount(account)).toBe(0);
  });

  it('a store call that fails does not end sending: it starts over after a pause, and the change still goes', async () => {
    failOnce.add('outbox.confirm');
    repo.setWanted(account, chat(1), true, clock.now());
    worker.wake();
    await settle();
    // The server applied it; recording that failed. The change stays queued, its server state unknown.
    expect(calls).toHaveLength(1);
    expect(warnings.at(-1)).toMatch(/stopped unexpectedly; it starts over shortly/);
    expect(repo.pendingCount(account)).toBe(1);

    clock.advance(storeRetryMs - 1);
    await settle();
    expect(calls).toHaveLength(1);
    clock.advance(1);
    await settle();
    expect(calls).toEqual([
      { target: chat(1), wanted: true },
      { target: chat(1), wanted: true },
    ]);
    expect(repo.pendingCount(account)).toBe(0);
  });

  it('records the answer of a call that was in flight when it stopped', async () => {
    let answer: (value: FavoriteAnswer) => void = () => {};
    script.push(() => new Promise((resolve) => (answer = resolve)));
    repo.setWanted(account, chat(1), true, clock.now());
    worker.wake();
    await settle();
    const stopped = worker.stop();
    answer(agree(chat(1), true));
    await stopped;
    // Confirmed: going back to not starred must cost a call, and staying starred none.
    expect(repo.pendingCount(account)).toBe(0);
    repo.setWanted(account, chat(1), false, clock.now());
    expect(repo.pendingCount(account)).toBe(1);
  });
});
