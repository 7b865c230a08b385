import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FavoriteTarget } from '../../preload/contract.ts';
import { accountIdOf } from '../../main/session/account-context.ts';
import { storeFileName } from '../../main/store/database.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, ok, signIn, waitFor, type TestApp, forgetTestTokens } from '../support/app-harness.ts';
import { starredInApp, starredOnServer } from '../support/favorites-view.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The outbox against every failure RyzeAPI can answer with. Each test checks the same promise: no
 * change is lost, and once the cause is gone the server holds exactly what the user last chose.
 */
describe('the favorites outbox', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;

  async function setUp(options: Parameters<typeof createEmulator>[0] = {}): Promise<void> {
    emulator = createEmulator({ contacts: 40, bigChatMessages: 120, ...options });
    await emulator.start();
    app = buildApp(dir.path);
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
    await waitFor(
      async () => ok(await app.call('connection:status', undefined)).live === 'open',
      10_000,
      'live socket',
    );
    ok(await app.call('messages:loadOlder', { chatJid: emulator.bigChatJid }));
  }

  async function chatTargets(n: number): Promise<FavoriteTarget[]> {
    const { rows } = ok(await app.call('chats:page', { offset: 0, limit: n }));
    return rows.map((r) => ({ kind: 'chat', chatJid: r.jid }));
  }

  async function messageTargets(n: number): Promise<FavoriteTarget[]> {
    const { rows } = ok(
      await app.call('messages:page', { chatJid: emulator.bigChatJid, offset: 0, limit: n }),
    );
    return rows.map((r) => ({ kind: 'message', chatJid: r.chatJid, messageId: r.id }));
  }

  const star = async (target: FavoriteTarget, favorite = true) =>
    ok(await app.call('favorites:set', { target, favorite }));
  const status = async () => ok(await app.call('outbox:status', undefined));
  const drained = () => waitFor(async () => (await status()).pending === 0, 20_000, 'the outbox to drain');
  const serverRecord = () => starredOnServer(emulator.favorites('support'));

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await app?.close();
    await emulator?.stop();
    await forgetTestTokens();
    dir.remove();
  });

  it('sends one call per changed target, however often each was toggled', async () => {
    await setUp();
    await emulator.stop(); // hold everything until all the toggles are in
    // Let the app find out it is offline first. A favorite call that dies on a kept-alive connection the
    // server just dropped may have been applied, so its target is rightly sent again later (see the
    // outbox-repo unit tests); this test is about coalescing, so no call should meet that connection.
    expect((await app.call('chats:refresh', undefined)).ok).toBe(false);
    const targets = [...(await chatTargets(6)), ...(await messageTargets(6))];
    for (const [i, target] of targets.entries()) {
      for (let k = 0; k < 5; k++) await star(target, k % 2 === 0); // ends starred
      if (i % 3 === 0) await star(target, false); // …and a third end unstarred: back to confirmed, no call
    }
    emulator.resetCounters();
    await emulator.start();
    await drained();
    expect(emulator.calls('/api/chat/favorite')).toBe(8);
    expect(serverRecord()).toEqual(await starredInApp(app));
  });

  it('keeps changes made offline, across a restart, and sends them when the API answers again', async () => {
    await setUp();
    await emulator.stop();
    const targets = [...(await chatTargets(5)), ...(await messageTargets(5))];
    for (const t of targets) await star(t);
    await waitFor(async () => !(await status()).online, 10_000, 'offline');
    expect((await status()).pending).toBe(10);

    await app.close();
    app = buildApp(dir.path);
    await app.start();
    expect((await status()).pending).toBe(10);
    const shown = await starredInApp(app);
    expect(shown).toHaveLength(10);

    await emulator.start();
    await drained();
    expect(serverRecord()).toEqual(shown);
  });

  it('holds changes while the instance is not connected to WhatsApp, says why, and sends them once it is', async () => {
    await setUp();
    emulator.setInstanceState('support', 'disconnected');
    const targets = await chatTargets(4);
    for (const t of targets) await star(t);
    await waitFor(async () => (await status()).held?.error.kind === 'disconnected', 10_000, 'the hold');
    expect((await status()).held?.error).toMatchObject({
      code: 'disconnected',
      origin: 'server',
      serverMessage: 'Instance is not connected to WhatsApp',
    });
    expect((await status()).pending).toBe(4);

    emulator.setInstanceState('support', 'connected');
    await drained();
    expect((await status()).held).toBeNull();
    expect(serverRecord()).toEqual(await starredInApp(app));
  });

  it('on 401 holds every change and asks for a new sign-in; signing in again sends them', async () => {
    await setUp();
    emulator.revokeToken(emulator.accountToken);
    for (const t of await chatTargets(3)) await star(t);
    await waitFor(async () => (await status()).held?.error.kind === 'auth', 10_000, 'the auth hold');
    expect((await status()).held?.error).toMatchObject({
      code: 'tokenRefused',
      serverMessage: 'Invalid token',
    });
    expect((await status()).pending).toBe(3);

    // Same server, same instance: the account's queued changes come back with the new token.
    ok(await app.call('session:signOut', undefined));
    const instanceToken = emulator.instances.find((i) => i.name === 'support')!.token;
    await signIn(app, emulator.baseUrl, instanceToken, 'support');
    await drained();
    expect(serverRecord()).toEqual(await starredInApp(app));
  });

  it('drops a change the server cannot apply (404 Message not found), restores the star and lists why', async () => {
    await setUp();
    // A message the app holds but the server no longer knows.
    const db = new DatabaseSync(join(dir.path, storeFileName));
    db.prepare(
      `INSERT INTO messages (account_id, id, chat_jid, ts, from_me, text) VALUES (?, 'GONE-1', ?, 1, 0, 'old news')`,
    ).run(accountIdOf(emulator.baseUrl, 'support'), emulator.bigChatJid);
    db.close();
    const gone: FavoriteTarget = { kind: 'message', chatJid: emulator.bigChatJid, messageId: 'GONE-1' };
    const [kept] = await chatTargets(1);
    await star(gone);
    await star(kept!);
    await drained();
    const after = await status();
    expect(after.failed).toHaveLength(1);
    expect(after.failed[0]).toMatchObject({
      target: gone,
      wanted: true,
      name: { chat: expect.any(String), message: 'old news' },
      error: {
        code: 'messageNotFound',
        origin: 'server',
        params: { status: 404 },
        serverMessage: 'Message not found',
      },
    });
    expect(await starredInApp(app)).toEqual([`chat:${(kept as { chatJid: string }).chatJid}`]);
    expect(serverRecord()).toEqual(await starredInApp(app));

    ok(await app.call('outbox:dismiss', { id: after.failed[0]!.id }));
    expect((await status()).failed).toHaveLength(0);
  });

  it('drops a change the server rejects as invalid (400) and tells which item', async () => {
    await setUp();
    const db = new DatabaseSync(join(dir.path, storeFileName));
    db.prepare(
      `INSERT INTO chats (account_id, jid, display_name, search_key) VALUES (?, 'not-a-number', 'Broken chat', 'broken')`,
    ).run(accountIdOf(emulator.baseUrl, 'support'));
    db.close();
    await star({ kind: 'chat', chatJid: 'not-a-number' });
    await waitFor(async () => (await status()).failed.length === 1, 10_000, 'the failure');
    const [failed] = (await status()).failed;
    expect(failed).toMatchObject({
      name: { chat: 'Broken chat', message: null },
      error: { code: 'invalidRequest', params: { status: 400 } },
    });
    expect(failed?.error).toHaveProperty('serverMessage', expect.stringMatching(/^Invalid number/));
    expect(await starredInApp(app)).toEqual([]);
  });

  it('retries after server errors and unreadable answers, with backoff, and loses nothing', async () => {
    await setUp();
    emulator.faults.fail5xx = 2;
    emulator.faults.malformedJson = 1;
    emulator.faults.resetConnections = 1;
    const targets = [...(await chatTargets(3)), ...(await messageTargets(3))];
    for (const t of targets) await star(t);
    await drained();
    expect(serverRecord()).toEqual(await starredInApp(app));
    expect(serverRecord()).toHaveLength(6);
  });

  it('drains within the rate limit: no 429 from its own pace, and waits for the reset after one', async () => {
    await setUp({ rateLimit: 12, rateWindowMs: 2000 });
    const targets = [...(await chatTargets(15)), ...(await messageTargets(15))];
    // Someone else spends the token's whole budget: the next call gets a 429.
    while (
      (await fetch(`${emulator.baseUrl}/api/instance/list`, { headers: { token: emulator.accountToken } }))
        .status !== 429
    );
    emulator.resetCounters();
    for (const t of targets) await star(t);
    await drained();
    const statuses = emulator.favoriteCalls().map((c) => c.status);
    expect(statuses.filter((s) => s === 429).length).toBeLessThanOrEqual(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(serverRecord()).toEqual(await starredInApp(app));
  });

  it('undo puts back the state before the last toggle', async () => {
    await setUp();
    const [target] = await chatTargets(1);
    await star(target!);
    expect((await status()).canUndo).toBe(true);
    expect(ok(await app.call('favorites:undo', undefined))).toEqual({ undone: true });
    expect(await starredInApp(app)).toEqual([]);
    await drained();
    expect(serverRecord()).toEqual([]);
  });

  it('a star on a row that is already starred changes nothing, and undo still undoes the real toggle', async () => {
    await setUp();
    const [first, second] = await chatTargets(2);
    await star(first!);
    expect(ok(await app.call('favorites:set', { target: second!, favorite: true }))).toEqual({
      queued: true,
      changed: true,
    });
    // A click on a stale row asking for the state it already has.
    expect(ok(await app.call('favorites:set', { target: first!, favorite: true }))).toEqual({
      queued: true,
      changed: false,
    });
    expect(ok(await app.call('favorites:undo', undefined))).toEqual({ undone: true });
    expect(await starredInApp(app)).toEqual([`chat:${first!.chatJid}`]);
  });
});
