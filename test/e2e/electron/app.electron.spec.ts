import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../emulator/index.ts';

/** The path `require('electron')` gives, when the binary was downloaded; null (with why) when not. */
function electronBinary(): { path: string | null; why: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    if (typeof path === 'string' && existsSync(path)) return { path, why: '' };
    return { path: null, why: `the Electron binary is not installed (expected at ${String(path)})` };
  } catch (error) {
    return {
      path: null,
      why: `the Electron binary is not installed (${(error as Error).message.split('\n')[0]})`,
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
  } finally {
    await app.close();
    await emulator.stop();
    rmSync(userData, { recursive: true, force: true });
  }
});
