import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreOperation } from '../../main/store/store-operations.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, ok, signIn, waitFor, type TestApp, forgetTestTokens } from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('the chat list', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;
  /** Every store operation the app asked for, in order. */
  const storeOps: StoreOperation[] = [];

  beforeAll(async () => {
    emulator = createEmulator({ contacts: 120 });
    await emulator.start();
    dir = tempDir();
    app = buildApp(dir.path, { onStoreAnswer: (op) => storeOps.push(op) });
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
  });
  afterAll(async () => {
    await app.close();
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  it('holds every contact of the address book, in pages', async () => {
    const first = ok(await app.call('chats:page', { offset: 0, limit: 50 }));
    expect(first.total).toBe(120);
    expect(first.rows).toHaveLength(50);
    const last = ok(await app.call('chats:page', { offset: 100, limit: 50 }));
    expect(last.rows).toHaveLength(20);
    const all = new Set([...first.rows, ...last.rows].map((r) => r.jid));
    expect(all.size).toBe(70);
  });

  it('a refresh of an unchanged address book is skipped, and a renamed contact is still picked up', async () => {
    storeOps.length = 0;
    ok(await app.call('chats:refresh', undefined));
    // Read and compared in the store worker; nothing written.
    expect(storeOps).toEqual(['chats.readAddressBook']);

    const { rows } = ok(await app.call('chats:page', { offset: 0, limit: 1 }));
    const jid = rows[0]!.jid;
    emulator.renameContact('support', jid, 'Zélia Renomeada');
    ok(await app.call('chats:refresh', undefined));
    const renamed = ok(await app.call('chats:page', { offset: 0, limit: 5, query: 'zelia renomeada' }));
    expect(renamed.rows.map((r) => [r.jid, r.displayName])).toEqual([[jid, 'Zélia Renomeada']]);
  });

  it('an address book answer that cannot be read fails the refresh as unreadable, and the list stays', async () => {
    const before = ok(await app.call('chats:page', { offset: 0, limit: 200 }));
    emulator.faults.malformedJson = 1;
    const refresh = await app.call('chats:refresh', undefined);
    expect(refresh).toMatchObject({
      ok: false,
      error: { code: 'unreadableAnswer', kind: 'server', params: { status: 200 } },
    });
    expect(ok(await app.call('chats:page', { offset: 0, limit: 200 }))).toEqual(before);
    // The next refresh reads the book again.
    ok(await app.call('chats:refresh', undefined));
  });

  it('names each chat full name → push name → business name → number', async () => {
    const { rows } = ok(await app.call('chats:page', { offset: 0, limit: 500 }));
    expect(rows.every((r) => r.displayName.trim() !== '')).toBe(true);
    // A contact with no name at all is shown by its number.
    expect(rows.some((r) => r.number !== '' && r.displayName === r.number)).toBe(true);
  });

  it('search narrows by name, ignoring case and accents, and by number', async () => {
    const { rows } = ok(await app.call('chats:page', { offset: 0, limit: 500 }));
    const named = rows.find((r) => /[A-Za-z]{4,}/.test(r.displayName) && r.displayName !== r.number)!;
    const word = named.displayName.split(' ')[0]!;
    const byName = ok(await app.call('chats:page', { offset: 0, limit: 500, query: word.toUpperCase() }));
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.total).toBeLessThan(120);
    expect(byName.rows.map((r) => r.jid)).toContain(named.jid);

    const withNumber = rows.find((r) => r.number.length > 8)!;
    const byNumber = ok(
      await app.call('chats:page', { offset: 0, limit: 500, query: withNumber.number.slice(-6) }),
    );
    expect(byNumber.rows.map((r) => r.jid)).toContain(withNumber.jid);

    const none = ok(await app.call('chats:page', { offset: 0, limit: 50, query: 'zzzz-no-such-chat' }));
    expect(none.total).toBe(0);
  });

  it('a message from someone outside the address book adds their chat at the top', async () => {
    const before = ok(await app.call('chats:page', { offset: 0, limit: 1 })).total;
    await waitFor(
      async () => ok(await app.call('connection:status', undefined)).live === 'open',
      10_000,
      'live socket',
    );
    emulator.addIncomingMessage('support', {
      chatJid: '5599988887777@s.whatsapp.net',
      text: 'Olá, tudo bem?',
      pushName: 'Visitante',
    });
    await waitFor(
      async () => ok(await app.call('chats:page', { offset: 0, limit: 1 })).total === before + 1,
      10_000,
      'new chat',
    );
    const [top] = ok(await app.call('chats:page', { offset: 0, limit: 1 })).rows;
    expect(top).toMatchObject({
      jid: '5599988887777@s.whatsapp.net',
      displayName: 'Visitante',
      inAddressBook: false,
      lastMessagePreview: 'Olá, tudo bem?',
    });
  });

  it('a live message that arrives without its text is filled in from getMessage', async () => {
    const { id } = emulator.addIncomingMessage('support', {
      chatJid: '5599988887777@s.whatsapp.net',
      text: 'Segue a foto do pedido',
      textInEvent: false,
    });
    await waitFor(
      async () =>
        ok(
          await app.call('messages:page', { chatJid: '5599988887777@s.whatsapp.net', offset: 0, limit: 50 }),
        ).rows.some((m) => m.id === id && m.text === 'Segue a foto do pedido'),
      10_000,
      'the rehydrated message',
    );
    expect(emulator.calls('/api/chat/getMessage')).toBeGreaterThan(0);
  });
});
