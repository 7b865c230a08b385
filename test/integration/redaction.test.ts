import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, forgetTestTokens, ok, signIn, waitFor, type TestApp } from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The log is redacted with the tokens main knows. A line can come late (an answer to a request sent
 * before sign-out, an error logged after a failed sign-in), so a token stays known while a sign-in with it
 * is in flight and for minutes after the app let go of it.
 */
describe('tokens kept out of the log', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;

  beforeAll(async () => {
    emulator = createEmulator({ contacts: 3 });
    await emulator.start();
  });
  afterAll(() => emulator.stop());
  beforeEach(() => {
    dir = tempDir();
    app = buildApp(dir.path);
  });
  afterEach(async () => {
    emulator.faults.clear();
    await app.close();
    await forgetTestTokens();
    dir.remove();
  });

  /** A late log line quoting the token raw, percent-encoded and as a query parameter. */
  const quote = (token: string) =>
    app.log.warn(`late line: ${token} ${encodeURIComponent(`${token}/+`)} next=%3Fx%3D${token}`);
  const expectNotInLog = async (token: string) => {
    await app.log.flush();
    const log = readFileSync(app.log.path, 'utf8');
    expect(log).toContain('late line');
    expect(log).not.toContain(token);
  };

  it('while a sign-in with it is in flight', async () => {
    emulator.faults.latencyMs = 400;
    const signingIn = app.call('session:beginSignIn', {
      baseUrl: emulator.baseUrl,
      token: emulator.accountToken,
    });
    await waitFor(() => emulator.calls('/api/instance/list') > 0, 5000, 'the sign-in request');
    quote(emulator.accountToken);
    ok(await signingIn);
    await expectNotInLog(emulator.accountToken);
  });

  it('after a sign-in with it failed or was cancelled', async () => {
    const refused = 'refused-token-6c1d9a0b';
    expect((await app.call('session:beginSignIn', { baseUrl: emulator.baseUrl, token: refused })).ok).toBe(
      false,
    );
    ok(await app.call('session:beginSignIn', { baseUrl: emulator.baseUrl, token: emulator.accountToken }));
    ok(await app.call('session:cancelSignIn', undefined));
    quote(refused);
    quote(emulator.accountToken);
    await expectNotInLog(refused);
    await expectNotInLog(emulator.accountToken);
  });

  it('after signing out', async () => {
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('session:signOut', undefined));
    quote(emulator.accountToken);
    await expectNotInLog(emulator.accountToken);
  });
});
