import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageRow } from '../../preload/contract.ts';
import { foldForSearch } from '../../main/store/text-search.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, ok, signIn, waitFor, type TestApp, forgetTestTokens } from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Message search through the IPC router, over history and live messages fetched from the emulator. */
describe('message search', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;
  let held: MessageRow[];

  /** Reads the whole big chat's history into the store, as scrolling to its start would. */
  async function loadAll(chatJid: string): Promise<MessageRow[]> {
    while (!ok(await app.call('messages:loadOlder', { chatJid })).reachedStart);
    return ok(await app.call('messages:page', { chatJid, offset: 0, limit: 500 })).rows;
  }

  beforeAll(async () => {
    emulator = createEmulator({ contacts: 40, bigChatMessages: 300 });
    await emulator.start();
    dir = tempDir();
    app = buildApp(dir.path);
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
    held = await loadAll(emulator.bigChatJid);
  });
  afterAll(async () => {
    await app.close();
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  it('finds every stored message holding the words, accents ignored, newest first, with its chat', async () => {
    const expected = held.filter((m) => /\bsolicitacao\b/.test(foldForSearch(m.text)));
    expect(expected.length).toBeGreaterThan(0);
    const page = ok(await app.call('search:messages', { query: 'solicitacao', offset: 0, limit: 500 }));
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id).sort()).toEqual(expected.map((m) => m.id).sort());
    const times = page.rows.map((r) => r.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const chat = ok(await app.call('chats:page', { offset: 0, limit: 500 })).rows.find(
      (c) => c.jid === emulator.bigChatJid,
    );
    const [hit] = page.rows;
    expect(hit?.chatJid).toBe(emulator.bigChatJid);
    expect(hit?.chatName).toBe(chat?.displayName);
    expect(hit?.excerpt.filter((r) => r.match).map((r) => r.text)).toEqual(['solicitação']);
  });

  it('matches the last word as a prefix and pages like the other lists', async () => {
    const all = ok(await app.call('search:messages', { query: 'atendim', offset: 0, limit: 500 }));
    expect(all.total).toBeGreaterThan(2);
    const second = ok(await app.call('search:messages', { query: 'atendim', offset: 1, limit: 2 }));
    expect(second.rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id));
    expect(second.total).toBe(all.total);
  });

  it('finds a message that arrives live, as soon as it is stored', async () => {
    await waitFor(
      async () => ok(await app.call('connection:status', undefined)).live === 'open',
      10_000,
      'live socket',
    );
    emulator.addIncomingMessage('support', {
      chatJid: emulator.bigChatJid,
      text: 'Chegou o orçamento extraordinário 📦',
    });
    await waitFor(
      async () =>
        ok(await app.call('search:messages', { query: 'orcamento extraord', offset: 0, limit: 10 })).total ===
        1,
      10_000,
      'the live message in search',
    );
  });

  it('works offline: it reads only the store', async () => {
    await emulator.stop();
    try {
      const page = ok(await app.call('search:messages', { query: 'pix', offset: 0, limit: 5 }));
      expect(page.total).toBeGreaterThan(0);
    } finally {
      await emulator.start();
    }
  });

  it('treats search syntax as plain text and never fails on it', async () => {
    for (const query of ['"', 'OR', 'NOT pix', 'text:', 'a*b', '(x', 'NEAR(a b)', '^', "'; --", '\u0000']) {
      const result = await app.call('search:messages', { query, offset: 0, limit: 5 });
      expect(result.ok, query).toBe(true);
    }
    const empty = ok(await app.call('search:messages', { query: '***', offset: 0, limit: 5 }));
    expect(empty).toEqual({ rows: [], total: 0, offset: 0, atLeast: false });
  });

  it('refuses an empty or over-long query, and bad paging, before searching', async () => {
    for (const args of [
      { query: '', offset: 0, limit: 5 },
      { query: '   ', offset: 0, limit: 5 },
      { query: 'x'.repeat(201), offset: 0, limit: 5 },
      { query: 'pix', offset: -1, limit: 5 },
      { query: 'pix', offset: 0, limit: 501 },
    ]) {
      const result = await app.call('search:messages', args);
      expect(result.ok ? 'ok' : result.error.kind, JSON.stringify(args).slice(0, 40)).toBe('invalidArgument');
    }
  });

  it('needs a signed-in account', async () => {
    ok(await app.call('session:signOut', undefined));
    const result = await app.call('search:messages', { query: 'pix', offset: 0, limit: 5 });
    expect(result.ok ? 'ok' : result.error.kind).toBe('notSignedIn');
  });
});
