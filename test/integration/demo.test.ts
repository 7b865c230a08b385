import { spawnSync } from 'node:child_process';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetSignIn, seedSignIn } from '../../scripts/demo/seed-sign-in.ts';
import { installedElectron } from '../../scripts/demo/electron-binary.ts';
import { accountIdOf } from '../../main/session/account-context.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, testKeychainService, forgetTestTokens } from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

/** `npm run demo` signs the app in ahead of time; the app started over that data dir opens signed in. */
describe('the demo', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    emulator = createEmulator({ contacts: 10 });
    await emulator.start();
    dir = tempDir();
  });
  afterAll(async () => {
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  it('seeds a sign-in that the app restores on start, and removes it again', async () => {
    const accountId = accountIdOf(emulator.baseUrl, 'support');
    await seedSignIn({
      dataDir: dir.path,
      baseUrl: emulator.baseUrl,
      token: emulator.accountToken,
      instance: 'support',
      service: testKeychainService,
    });
    expect(await keytar.getPassword(testKeychainService, accountId)).toBe(emulator.accountToken);

    // What the Electron shell does on start: build the services over the data dir and restore.
    const app = buildApp(dir.path);
    try {
      const session = await app.start();
      expect(session).toMatchObject({ signedIn: true, accountId, instance: { name: 'support' } });
    } finally {
      await app.close();
    }

    await forgetSignIn(accountId, testKeychainService);
    expect(await keytar.getPassword(testKeychainService, accountId)).toBeNull();
  });

  it.skipIf(installedElectron() !== null)(
    'without an Electron binary, says so, tells how to see the app, cleans up and exits non-zero',
    async () => {
      const run = spawnSync(process.execPath, ['scripts/demo.ts', '--port', '0'], {
        encoding: 'utf8',
        env: { ...process.env, RYZE_DEMO_KEYCHAIN_SERVICE: testKeychainService },
        timeout: 60_000,
      });
      expect(run.stdout).toContain('Signed in to instance "support"');
      expect(run.stderr).toContain('No Electron binary is installed');
      expect(run.stderr).toContain('npm run screenshots');
      expect(run.status).toBe(1);
      expect(await keytar.findCredentials(testKeychainService)).toEqual([]);
    },
  );
});
