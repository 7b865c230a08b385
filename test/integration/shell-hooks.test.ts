import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RefusedChange } from '../../main/core/shell-hooks.ts';
import { accountIdOf } from '../../main/session/account-context.ts';
import { storeFileName } from '../../main/store/database.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, forgetTestTokens, ok, signIn, waitFor, type TestApp } from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * What the Electron shell reads from the services (createApp's `shellHooks`) for the badge, the
 * refusal notification, "never restart while changes are being sent" and the menu's language, checked
 * against the real services, the emulator and the real keychain.
 */
describe('the shell’s view of the services', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;

  beforeEach(async () => {
    emulator = createEmulator({ contacts: 20 });
    await emulator.start();
    dir = tempDir();
    app = buildApp(dir.path);
  });
  afterEach(async () => {
    await app.close();
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  const firstChats = async (n: number) =>
    ok(await app.call('chats:page', { offset: 0, limit: n })).rows.map((r) => r.jid);
  const star = async (chatJid: string) =>
    ok(await app.call('favorites:set', { target: { kind: 'chat', chatJid }, favorite: true }));

  it('counts pending changes across every signed-in account, and says when the count moves', async () => {
    const hooks = app.shellHooks;
    // What a badge following the hook would have shown, in order.
    const shown: number[] = [];
    hooks.onPendingChange(() => shown.push(hooks.pendingTotal()));
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
    const supportChats = await firstChats(2);
    ok(await app.call('accounts:openInstance', { instance: 'sales' }));
    ok(await app.call('chats:refresh', undefined));
    const [salesChat] = await firstChats(1);
    expect(hooks.pendingTotal()).toBe(0);

    await emulator.stop(); // nothing can be sent: the changes wait
    expect((await app.call('chats:refresh', undefined)).ok).toBe(false);
    // Going offline is reported too (a total of 0); the store answers in order, so once this read is
    // answered every report asked for before it has been delivered.
    ok(await app.call('outbox:status', undefined));
    shown.length = 0;
    await star(salesChat!);
    ok(await app.call('accounts:switch', { accountId: accountIdOf(emulator.baseUrl, 'support') }));
    for (const jid of supportChats) await star(jid);
    expect(hooks.pendingTotal()).toBe(3); // 1 for sales, not on screen, + 2 for support
    expect([...new Set(shown)]).toEqual([1, 2, 3]);

    await emulator.start();
    // support drains; sales, whose instance is not connected to WhatsApp, holds its change.
    await waitFor(() => hooks.pendingTotal() === 1, 20_000, 'the shown account to drain');
    emulator.setInstanceState('sales', 'connected');
    ok(await app.call('accounts:switch', { accountId: accountIdOf(emulator.baseUrl, 'sales') }));
    await waitFor(() => hooks.pendingTotal() === 0, 20_000, 'every account to drain');
    // The last change sent was announced too, so a badge or a waiting restart sees zero.
    expect(shown.at(-1)).toBe(0);
  });

  it('reports a change the server refused, named as the failed-changes list names it', async () => {
    const refused: RefusedChange[] = [];
    app.shellHooks.onChangeRefused((change) => refused.push(change));
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    const accountId = accountIdOf(emulator.baseUrl, 'support');
    const db = new DatabaseSync(join(dir.path, storeFileName));
    db.prepare(
      `INSERT INTO chats (account_id, jid, display_name, search_key) VALUES (?, 'not-a-number', 'Broken chat', 'broken')`,
    ).run(accountId);
    db.close();
    ok(await app.call('chats:refresh', undefined));
    const good = (await firstChats(5)).find((jid) => jid !== 'not-a-number');
    await star('not-a-number');
    await star(good!); // confirmed: not reported
    await waitFor(() => refused.length === 1 && app.shellHooks.pendingTotal() === 0, 10_000, 'the refusal');
    expect(refused).toEqual([{ target: 'chat', name: { chat: 'Broken chat', message: null }, accountId }]);
  });

  it('follows the language the window reports, and refuses one it does not speak', async () => {
    const seen: string[] = [];
    app.shellHooks.onLocaleChange((locale) => seen.push(locale));
    expect(app.shellHooks.locale).toBeNull();
    ok(await app.call('app:setLocale', { locale: 'pt-BR' }));
    ok(await app.call('app:setLocale', { locale: 'pt-BR' }));
    ok(await app.call('app:setLocale', { locale: 'en' }));
    const wrong = await app.call('app:setLocale', { locale: 'fr' as 'en' });
    expect(wrong.ok).toBe(false);
    expect(seen).toEqual(['pt-BR', 'en']);
    expect(app.shellHooks.locale).toBe('en');
  });
});
