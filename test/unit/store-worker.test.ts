import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../main/core/app-error.ts';
import { storeFileName } from '../../main/store/database.ts';
import { StoreError } from '../../main/store/protocol.ts';
import { StoreClient } from '../../main/store/store-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const crashingWorker = new URL('../support/crashing-store-worker.ts', import.meta.url).pathname;
const account = 'acct-1';
const chat = { kind: 'chat', chatJid: '5511900000001@s.whatsapp.net' } as const;

/** The store worker and main's client of it, over a real store on disk and a real thread. */
describe('the store worker and its client', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: StoreClient;
  let crashes: Array<{ error: Error; restarting: boolean }>;

  const open = (workerFile?: string) => {
    crashes = [];
    store = new StoreClient({
      dataDir: dir.path,
      ...(workerFile ? { workerFile } : {}),
      onCrash: (error, restarting) => crashes.push({ error, restarting }),
    });
    return store;
  };
  const worker = () => (store as unknown as { worker: Worker | null }).worker;
  const crash = (inTransaction = false) => worker()!.postMessage({ type: 'crash', inTransaction });

  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('opens the store in the worker and answers typed operations, in the order they were sent', async () => {
    open();
    expect(await store.opened).toEqual({ recoveredFrom: null });
    // Sent back to back without waiting: each sees the ones before it.
    const [before, pending, starred, after] = await Promise.all([
      store.call('outbox.setWanted', account, chat, true, 1),
      store.call('outbox.pendingCount', account),
      store.call('chats.favorites', account, 0, 10),
      store.call('outbox.setWanted', account, chat, false, 2),
    ]);
    expect(before).toBe(false);
    expect(pending).toBe(1);
    expect(starred.total).toBe(0); // starred, but the chat itself is not in the store
    expect(after).toBe(true);
    expect(await store.call('outbox.pendingCount', account)).toBe(0);
  });

  it('answers a write only once it is committed: another connection reads it the moment the promise settles', async () => {
    open();
    await store.opened;
    const reader = new DatabaseSync(join(dir.path, storeFileName), { readOnly: true });
    try {
      for (let i = 0; i < 20; i++) {
        const wanted = i % 2 === 0;
        await store.call('outbox.setWanted', account, chat, wanted, i);
        const row = reader.prepare('SELECT wanted FROM outbox WHERE account_id = ?').get(account) as
          { wanted: number } | undefined;
        expect(row?.wanted === 1).toBe(wanted);
      }
    } finally {
      reader.close();
    }
  });

  it('an error in the worker comes back as the same kind of failure', async () => {
    // A store written by a newer version: opening fails with an AppFailure, and so does every call.
    const db = new DatabaseSync(join(dir.path, storeFileName));
    db.exec('PRAGMA user_version = 999');
    db.close();
    open();
    await expect(store.opened).rejects.toMatchObject({ code: 'storeTooNew', kind: 'store' });
    const failure = await store.call('accounts.all').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect(failure).toMatchObject({ code: 'storeTooNew', kind: 'store' });
  });

  it('an unexpected error (SQLite refusing a write) comes back as a StoreError naming the operation', async () => {
    open();
    await store.opened;
    const bogus = { kind: 'folder', chatJid: 'x' } as unknown as typeof chat;
    const failure = await store.call('outbox.setWanted', account, bogus, true, 1).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).not.toBeInstanceOf(AppFailure);
    expect(failure).toMatchObject({
      op: 'outbox.setWanted',
      message: expect.stringMatching(/CHECK constraint/),
    });
    expect((failure as Error).stack).toContain('in the store worker');
    // The transaction was rolled back and the worker goes on.
    expect(await store.call('outbox.pendingCount', account)).toBe(0);
  });

  it('a worker that dies fails its calls with what to do, and the next call starts a new one over the same store', async () => {
    open(crashingWorker);
    await store.call('outbox.setWanted', account, chat, true, 1);
    const lost = store.call('outbox.pendingCount', account);
    crash(true);
    const failure = await lost.catch((e: unknown) => e);
    // Either answered before the crash, or failed by it: never left hanging.
    if (failure instanceof Error) {
      expect(failure).toMatchObject({ code: 'storeStopped', kind: 'store' });
    } else expect(failure).toBe(1);
    await expect.poll(() => crashes.length).toBe(1);
    expect(crashes[0]).toMatchObject({ restarting: true, error: { message: 'store worker bug (test)' } });
    // A new thread, the same store: the committed change is there, the half-done one is not, and its
    // write lock died with the thread.
    expect(await store.call('outbox.pendingCount', account)).toBe(1);
    await store.call('outbox.setWanted', account, chat, false, 2);
    expect(await store.call('outbox.pendingCount', account)).toBe(0);
    const check = new DatabaseSync(join(dir.path, storeFileName), { readOnly: true });
    expect(check.prepare(`SELECT count(*) AS n FROM meta WHERE key = 'half-done'`).get()).toEqual({ n: 0 });
    check.close();
  });

  it('a worker that keeps dying is not started again: every call says to restart the app', async () => {
    open(crashingWorker);
    for (let i = 0; i < 4; i++) {
      await store.call('outbox.pendingCount', account);
      crash();
      await expect.poll(() => crashes.length).toBe(i + 1);
    }
    expect(crashes.map((c) => c.restarting)).toEqual([true, true, true, false]);
    await expect(store.call('outbox.pendingCount', account)).rejects.toMatchObject({
      code: 'storeKeepsStopping',
      kind: 'store',
    });
  });

  it('closing lets the worker finish what was sent, checkpoints the store, and refuses calls after', async () => {
    open();
    const last = store.call('outbox.setWanted', account, chat, true, 1);
    await store.close();
    await expect(last).resolves.toBe(false);
    expect(worker()).toBeNull();
    await expect(store.call('outbox.pendingCount', account)).rejects.toMatchObject({
      code: 'storeClosed',
      kind: 'store',
    });
    const check = new DatabaseSync(join(dir.path, storeFileName), { readOnly: true });
    expect(check.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    check.close();
  });
});
