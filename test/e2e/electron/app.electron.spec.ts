import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEmulator } from '../../emulator/index.ts';

/**
 * Where the Electron binary is, or why there is none. `require('electron')` would try to download it,
 * so where downloads are switched off the binary is looked up on disk instead.
 */
function electronBinary(): { path: string | null; why: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('electron/package.json'));
  const pathFile = join(root, 'path.txt');
  const onDisk = existsSync(pathFile) ? join(root, 'dist', readFileSync(pathFile, 'utf8')) : null;
  if (onDisk && existsSync(onDisk)) return { path: onDisk, why: '' };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return {
      path: null,
      why: 'the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set',
    };
  }
  try {
    const path = require('electron') as unknown as string;
    return existsSync(path)
      ? { path, why: '' }
      : { path: null, why: `the Electron binary is missing at ${path}` };
  } catch (error) {
    return {
      path: null,
      why: `the Electron binary could not be installed (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

test('the packaged shell starts, shows sign-in and signs in against the emulator', async () => {
  const binary = electronBinary();
  if (!binary.path) console.log(`Skipping the Electron spec: ${binary.why}.`);
  test.skip(!binary.path, binary.why);

  const emulator = createEmulator({ contacts: 20 });
  await emulator.start();
  const userData = mkdtempSync(join(tmpdir(), 'ryze-electron-'));
  const app = await electron.launch({
    executablePath: binary.path!,
    args: ['.'],
    env: { ...process.env, RYZE_DATA_DIR: userData },
  });
  try {
    const page = await app.firstWindow();
    await page.getByTestId('base-url').fill(emulator.baseUrl);
    await page.getByTestId('token').fill(emulator.accountToken);
    await page.getByTestId('continue').click();
    await page.getByTestId('instance-option').filter({ hasText: 'support' }).click();
    await expect(page.getByTestId('chat-row').first()).toBeVisible();
    // The preload exposes the contract's functions and nothing that reaches Node.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-out-confirm').click();
  } finally {
    await app.close();
    await emulator.stop();
    rmSync(userData, { recursive: true, force: true });
  }
});
