import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appError, type ErrorCode, type Result, type Session } from '../../preload/contract.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { tempDir } from '../support/temp-dir.ts';

interface ProbeAnswer {
  restored: Session;
  chosen: Result<Session>;
  session: Session;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The two ways a Linux keychain is missing: no D-Bus session at all, and a D-Bus session whose Secret
 * Service has no unlocked keyring. Each runs sign-in in a child process set up that way.
 */
describe('when the keychain is unavailable', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = createEmulator({ contacts: 3 });
    await emulator.start();
  });
  afterAll(() => emulator.stop());

  // Asynchronous on purpose: the emulator answering the child lives in this process.
  async function probe(
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    dataDir: string,
  ): Promise<ProbeAnswer> {
    const script = [
      process.execPath,
      'test/support/keychain-probe.ts',
      dataDir,
      emulator.baseUrl,
      emulator.accountToken,
    ];
    const { stdout } = await promisify(execFile)(command, [...args, ...script], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as ProbeAnswer;
  }

  function expectRefusedAndNothingWritten(answer: ProbeAnswer, dataDir: string, code: ErrorCode): void {
    expect(answer.chosen.ok).toBe(false);
    if (answer.chosen.ok) return;
    console.log(`keychain unavailable → ${JSON.stringify(answer.chosen.error)}`);
    // What to do comes from the code (the window says it); the system's own words stay in the log.
    expect(answer.chosen.error).toEqual(appError(code));
    expect(JSON.stringify(answer)).not.toContain(emulator.accountToken);
    expect(answer.session).toMatchObject({ signedIn: false, keychain: { available: false } });
    // No fallback: the token is in no file.
    for (const file of filesUnder(dataDir))
      expect(readFileSync(file).includes(emulator.accountToken), file).toBe(false);
  }

  it('without a D-Bus session: refuses to sign in, says what is missing, stores nothing', async () => {
    const dir = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: dir.path };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    const answer = await probe('env', [], env, join(dir.path, 'data'));
    expectRefusedAndNothingWritten(answer, join(dir.path, 'data'), 'keychainNoService');
    dir.remove();
  });

  it('with D-Bus but no unlocked keyring: refuses to sign in, says to unlock it, stores nothing', async () => {
    const dir = tempDir();
    // A fresh D-Bus session whose keyring daemon starts locked, with an empty keyring folder.
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: dir.path };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const answer = await probe('dbus-run-session', ['--'], env, join(dir.path, 'data'));
    expectRefusedAndNothingWritten(answer, join(dir.path, 'data'), 'keychainLocked');
    dir.remove();
  });

  it('a keyring locked after sign-in: not shown as signed out, asks to unlock it, and signs in by itself once it is', async () => {
    const dir = tempDir();
    const password = 'locked-keyring-test';
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: dir.path, KEYRING_PASSWORD: password };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const dataDir = join(dir.path, 'data');
    const { stdout } = await promisify(execFile)(
      'dbus-run-session',
      [
        '--',
        'sh',
        '-c',
        'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"',
        'probe',
        process.execPath,
        'test/support/locked-keyring-probe.ts',
        dataDir,
        emulator.baseUrl,
        emulator.accountToken,
        password,
      ],
      { env, encoding: 'utf8', timeout: 60_000 },
    );
    const answer = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      restored: Session;
      retriedLocked: Session;
      retriedUnlocked: Session;
      chats: Result<{ count: number }>;
    };
    // keytar read the locked entry as "no token"; the app told that apart and kept the account waiting.
    expect(answer.restored).toMatchObject({ signedIn: false, keychain: { available: false, waiting: 1 } });
    if (!answer.restored.keychain.available) {
      console.log(`locked keyring → ${JSON.stringify(answer.restored.keychain.error)}`);
      expect(answer.restored.keychain.error).toEqual(appError('keychainLocked'));
    }
    expect(answer.retriedLocked).toMatchObject({
      signedIn: false,
      keychain: { available: false, waiting: 1 },
    });
    expect(answer.retriedUnlocked).toMatchObject({
      signedIn: true,
      keychain: { available: true },
      instance: { name: 'support' },
    });
    expect(answer.chats.ok).toBe(true);
    expect(stdout).not.toContain(emulator.accountToken);
    for (const file of filesUnder(dataDir))
      expect(readFileSync(file).includes(emulator.accountToken), file).toBe(false);
    dir.remove();
  });
});
