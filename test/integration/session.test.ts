import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountIdOf } from '../../main/session/account-context.ts';
import { appError } from '../../preload/contract.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import {
  buildApp,
  ok,
  signIn,
  testKeychainService,
  type TestApp,
  forgetTestTokens,
} from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('signing in with the OS keychain', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;

  beforeAll(async () => {
    emulator = createEmulator({ contacts: 30 });
    await emulator.start();
  });
  afterAll(() => emulator.stop());
  beforeEach(() => {
    dir = tempDir();
    app = buildApp(dir.path);
  });
  afterEach(async () => {
    await app.close();
    await forgetTestTokens();
    dir.remove();
  });

  it('an account token lists every instance with its connection state', async () => {
    const { instances } = ok(
      await app.call('session:beginSignIn', { baseUrl: emulator.baseUrl, token: emulator.accountToken }),
    );
    expect(instances.map((i) => [i.name, i.state])).toEqual([
      ['support', 'connected'],
      ['sales', 'disconnected'],
    ]);
  });

  it('an instance token shows only its own instance', async () => {
    const sales = emulator.instances.find((i) => i.name === 'sales')!;
    const { instances } = ok(
      await app.call('session:beginSignIn', { baseUrl: emulator.baseUrl, token: sales.token }),
    );
    expect(instances.map((i) => i.name)).toEqual(['sales']);
  });

  it('keeps the token in the keychain, restores the session without a prompt, and signs out cleanly', async () => {
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    const accountId = accountIdOf(emulator.baseUrl, 'support');
    expect(await keytar.getPassword(testKeychainService, accountId)).toBe(emulator.accountToken);

    const session = ok(await app.call('session:get', undefined));
    expect(session).toMatchObject({ signedIn: true, instance: { name: 'support' } });
    expect(JSON.stringify(session)).not.toContain(emulator.accountToken);

    await app.close();
    app = buildApp(dir.path);
    await app.start();
    expect(ok(await app.call('session:get', undefined))).toMatchObject({ signedIn: true, accountId });

    ok(await app.call('session:signOut', undefined));
    expect(await keytar.getPassword(testKeychainService, accountId)).toBeNull();
    expect(ok(await app.call('session:get', undefined)).signedIn).toBe(false);
  });

  it('an entry removed from the keychain outside the app reads as signed out, not as a locked keychain', async () => {
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    await app.close();
    await keytar.deletePassword(testKeychainService, accountIdOf(emulator.baseUrl, 'support'));
    app = buildApp(dir.path);
    expect(await app.start()).toMatchObject({ signedIn: false, keychain: { available: true } });
    // The check that told the two apart left nothing behind.
    expect(await keytar.findCredentials(testKeychainService)).toEqual([]);
  });

  it('never writes the token to any file in the data folder', async () => {
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
    await app.close();
    app = buildApp(dir.path);
    for (const file of filesUnder(dir.path)) {
      expect(readFileSync(file).includes(emulator.accountToken), file).toBe(false);
    }
  });

  it('a wrong token is refused, in main’s words until the server is known to be RyzeAPI, and nothing is saved', async () => {
    const wrong = { baseUrl: emulator.baseUrl, token: 'not-a-real-token' };
    // No account has signed in to this server yet: whatever it says stays out of the window.
    expect(await app.call('session:beginSignIn', wrong)).toEqual({
      ok: false,
      error: appError('unknownServerRefusedToken', { status: 401 }),
    });
    expect(await keytar.findCredentials(testKeychainService)).toEqual([]);

    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    expect(await app.call('session:beginSignIn', wrong)).toEqual({
      ok: false,
      error: { ...appError('tokenRefused', { status: 401 }), serverMessage: 'Invalid token' },
    });
  });

  it('an unreachable server is a network error, told without the system’s words or the token', async () => {
    const result = await app.call('session:beginSignIn', {
      baseUrl: 'http://127.0.0.1:9',
      token: emulator.accountToken,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      // Port 9 is one fetch refuses to dial, so no connection is ever made; only the code says why.
      expect(result.error).toMatchObject({ kind: 'network', origin: 'network', params: {} });
      expect(result.error).not.toHaveProperty('serverMessage');
      expect(JSON.stringify(result)).not.toContain(emulator.accountToken);
    }
  });

  it('a token revoked while signed out of the app is reported as refused after a restart', async () => {
    // Its own emulator: revoking the shared one's token would break the other tests.
    const other = createEmulator({ contacts: 5, port: 0 });
    await other.start();
    await signIn(app, other.baseUrl, other.accountToken, 'support');
    await app.close();
    other.revokeToken(other.accountToken);
    app = buildApp(dir.path);
    await app.start();
    const refresh = await app.call('chats:refresh', undefined);
    expect(refresh).toEqual({
      ok: false,
      error: { ...appError('tokenRefused', { status: 401 }), serverMessage: 'Invalid token' },
    });
    await other.stop();
  });
});
