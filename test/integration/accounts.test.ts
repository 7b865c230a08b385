import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdOf } from '../../main/session/account-context.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import {
  buildApp,
  ok,
  signIn,
  testKeychainService,
  waitFor,
  type TestApp,
  forgetTestTokens,
} from '../support/app-harness.ts';
import { starredInApp, starredOnServer } from '../support/favorites-view.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Several accounts in one window: each keeps its own chats, stars, outbox and keychain entry. */
describe('accounts and instances', () => {
  let first: Emulator;
  let second: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;

  beforeAll(async () => {
    first = createEmulator({ contacts: 15, seed: 1 });
    second = createEmulator({ contacts: 9, seed: 2 });
    await first.start();
    await second.start();
    dir = tempDir();
    app = buildApp(dir.path);
  });
  afterAll(async () => {
    await app.close();
    await first.stop();
    await second.stop();
    await forgetTestTokens();
    dir.remove();
  });

  const shownName = async () => {
    const s = ok(await app.call('session:get', undefined));
    return s.signedIn ? s.instance.name : null;
  };
  const firstChat = async () => ok(await app.call('chats:page', { offset: 0, limit: 1 })).rows[0]!;

  it('an account token opens its other instances in the same window, each with its own chats', async () => {
    await signIn(app, first.baseUrl, first.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
    const supportChats = ok(await app.call('chats:page', { offset: 0, limit: 100 })).total;

    const others = ok(await app.call('accounts:instances', undefined)).map((i) => i.name);
    expect(others).toEqual(['support', 'sales']);
    ok(await app.call('accounts:openInstance', { instance: 'sales' }));
    expect(await shownName()).toBe('sales');
    ok(await app.call('chats:refresh', undefined));
    const salesChats = ok(await app.call('chats:page', { offset: 0, limit: 100 })).total;
    expect(salesChats).not.toBe(supportChats);

    const list = ok(await app.call('accounts:list', undefined));
    expect(list.map((a) => [a.instance.name, a.active])).toEqual([
      ['support', false],
      ['sales', true],
    ]);
    // One keychain entry per account.
    const entries = (await keytar.findCredentials(testKeychainService)).map((c) => c.account).sort();
    expect(entries).toEqual(
      [accountIdOf(first.baseUrl, 'support'), accountIdOf(first.baseUrl, 'sales')].sort(),
    );
  });

  it('signs in to a second account on another server and switches between all of them', async () => {
    ok(await app.call('session:beginSignIn', { baseUrl: second.baseUrl, token: second.accountToken }));
    ok(await app.call('session:chooseInstance', { instance: 'support' }));
    ok(await app.call('chats:refresh', undefined));
    expect(ok(await app.call('chats:page', { offset: 0, limit: 100 })).total).toBeGreaterThan(0);
    const list = ok(await app.call('accounts:list', undefined));
    expect(list).toHaveLength(3);
    const firstSupport = list.find((a) => a.baseUrl === first.baseUrl && a.instance.name === 'support')!;
    const session = ok(await app.call('accounts:switch', { accountId: firstSupport.accountId }));
    expect(session).toMatchObject({ signedIn: true, baseUrl: first.baseUrl, instance: { name: 'support' } });
  });

  it('every signed-in account drains its own changes, shown or not', async () => {
    const list = ok(await app.call('accounts:list', undefined));
    const secondSupport = list.find((a) => a.baseUrl === second.baseUrl)!;
    await first.stop();
    await second.stop();
    const a = await firstChat();
    ok(await app.call('favorites:set', { target: { kind: 'chat', chatJid: a.jid }, favorite: true }));
    ok(await app.call('accounts:switch', { accountId: secondSupport.accountId }));
    const b = await firstChat();
    ok(await app.call('favorites:set', { target: { kind: 'chat', chatJid: b.jid }, favorite: true }));
    expect(await starredInApp(app)).toEqual([`chat:${b.jid}`]); // each account shows only its own stars

    await first.start();
    await second.start();
    await waitFor(
      async () => ok(await app.call('accounts:list', undefined)).every((x) => x.pending === 0),
      20_000,
      'both outboxes',
    );
    expect(starredOnServer(first.favorites('support'))).toEqual([`chat:${a.jid}`]);
    expect(starredOnServer(second.favorites('support'))).toEqual([`chat:${b.jid}`]);
  });

  it('restores every account after a restart; signing out of one keeps the others', async () => {
    await app.close();
    app = buildApp(dir.path);
    await app.start();
    expect(ok(await app.call('accounts:list', undefined))).toHaveLength(3);
    const shown = ok(await app.call('session:get', undefined));
    expect(shown).toMatchObject({ signedIn: true, baseUrl: second.baseUrl });

    const after = ok(await app.call('session:signOut', undefined));
    expect(after.signedIn).toBe(true); // another signed-in account is shown
    expect(ok(await app.call('accounts:list', undefined))).toHaveLength(2);
    expect(await keytar.getPassword(testKeychainService, accountIdOf(second.baseUrl, 'support'))).toBeNull();
    expect(await keytar.getPassword(testKeychainService, accountIdOf(first.baseUrl, 'support'))).toBe(
      first.accountToken,
    );
  });
});
