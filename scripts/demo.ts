/**
 * `npm run demo`: the app against the RyzeAPI emulator, already signed in.
 *
 * 1. Starts the emulator with its seeded chats and history on 127.0.0.1.
 * 2. Signs the app in ahead of time, in a fresh data dir and the app's own keychain entry.
 * 3. Builds the app and starts Electron over that data dir (RYZE_DATA_DIR), so it opens on the chat list.
 * When the window closes (or on Ctrl+C) the emulator stops and the keychain entry and data dir are removed.
 * Where no Electron binary is installed it says so and exits non-zero, after telling how to see the app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { keychainServiceName } from '../main/secrets/keytar-store.ts';
import { accountIdOf } from '../main/session/account-context.ts';
import { createEmulator } from '../test/emulator/index.ts';
import { installedElectron } from './demo/electron-binary.ts';
import { forgetSignIn, seedSignIn } from './demo/seed-sign-in.ts';

const instance = 'support';
// The app's own keychain entry, which is what Electron reads on start. Tests set their own service name,
// as every test does, so they never touch a real user's entry.
const service = process.env.RYZE_DEMO_KEYCHAIN_SERVICE || keychainServiceName;
const { values } = parseArgs({ options: { port: { type: 'string', default: '8787' } }, strict: true });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number, got ${values.port}`);

function say(line: string): void {
  process.stdout.write(`[demo] ${line}\n`);
}

function fail(line: string, code = 1): never {
  process.stderr.write(`[demo] ${line}\n`);
  process.exit(code);
}

const emulator = createEmulator({ port, contacts: 80, bigChatMessages: 600 });
try {
  await emulator.start();
} catch (error) {
  fail(
    `The emulator could not start on 127.0.0.1:${port} (${(error as Error).message}). Try --port <other>.`,
  );
}
say(
  `RyzeAPI emulator running at ${emulator.baseUrl} (instances: ${emulator.instances.map((i) => i.name).join(', ')})`,
);

const dataDir = mkdtempSync(join(tmpdir(), 'ryze-demo-'));
const accountId = accountIdOf(emulator.baseUrl, instance);
let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await emulator.stop();
  await forgetSignIn(accountId, service).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}

try {
  await seedSignIn({ dataDir, baseUrl: emulator.baseUrl, token: emulator.accountToken, instance, service });
} catch (error) {
  await cleanUp();
  fail(`Signing the app in failed: ${(error as Error).message}`);
}
say(`Signed in to instance "${instance}"; app data in ${dataDir}, token in the keychain ("${service}").`);

const electron = installedElectron();
if (!electron) {
  await cleanUp();
  fail(
    [
      'No Electron binary is installed here (node_modules/electron has no dist/), so the app window cannot open.',
      '       The emulator and the sign-in worked; everything was cleaned up again.',
      '       To see the app anyway: `npm run screenshots` saves a PNG of each main view under test/screenshots/',
      '       (the real renderer and main services, in Chromium). To get Electron: `node node_modules/electron/install.js`.',
    ].join('\n'),
  );
}

say('Building the app…');
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  await cleanUp();
  fail('The build failed (see above).');
}

say('Starting Ryze Desktop. Close its window to end the demo.');
const child = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, RYZE_DATA_DIR: dataDir } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => {
  child.on('exit', (status) => resolve(status ?? 1));
  child.on('error', (error) => {
    process.stderr.write(`[demo] Electron could not start: ${error.message}\n`);
    resolve(1);
  });
});
await cleanUp();
say('Demo ended; emulator stopped and demo sign-in removed.');
process.exit(code);
