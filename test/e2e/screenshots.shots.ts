import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, signInThroughUi, test } from './harness/fixture.ts';

/**
 * `npm run screenshots`: the app's main views against the seeded emulator, saved as PNGs under
 * test/screenshots/ so anyone can see the app without Electron (the README shows them).
 */
const dir = 'test/screenshots';
mkdirSync(dir, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${dir}/${name}.png` });

test.use({ emulatorOptions: { contacts: 80, bigChatMessages: 600 } });

for (const scheme of ['light', 'dark'] as const) {
  test(`main views, ${scheme} theme`, async ({ page, ryze }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(ryze.url);
    await expect(page.getByTestId('token')).toBeVisible();
    await shot(page, `sign-in-${scheme}`);

    await page.getByTestId('base-url').fill(ryze.emulator.baseUrl);
    await page.getByTestId('token').fill('a-token-that-does-not-exist');
    await page.getByTestId('continue').click();
    await expect(page.getByTestId('error-banner')).toBeVisible();
    await shot(page, `error-invalid-token-${scheme}`);

    await page.getByTestId('token').fill(ryze.emulator.accountToken);
    await page.getByTestId('continue').click();
    await expect(page.getByTestId('instance-option').first()).toBeVisible();
    await shot(page, `instance-picker-${scheme}`);
    await page.getByTestId('instance-option').filter({ hasText: 'support' }).click();
    await expect(page.getByTestId('chat-row').nth(5)).toBeVisible();
    await shot(page, `chat-list-${scheme}`);

    await page.getByTestId('chat-search').fill(ryze.emulator.bigChatJid.split('@')[0]!);
    await page.getByTestId('chat-row').first().getByRole('button').first().click();
    await expect(page.getByTestId('message-row').nth(8)).toBeVisible();
    await page.getByTestId('chat-search').fill('');
    const rows = page.getByTestId('message-row');
    const count = await rows.count();
    await rows
      .nth(count - 2)
      .getByTestId('star-button')
      .click();
    await page.getByTestId('chat-row').nth(1).getByTestId('star-button').click();
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
    await shot(page, `messages-${scheme}`);

    // Offline: changes are kept and shown as pending.
    await ryze.emulator.stop();
    await page.getByTestId('chat-row').nth(2).getByTestId('star-button').click();
    await page.getByTestId('chat-row').nth(3).getByTestId('star-button').click();
    await expect(page.locator('[data-online="false"]')).toBeVisible();
    await shot(page, `offline-pending-${scheme}`);
    await ryze.emulator.start();
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });

    await page.getByTestId('favorites-tab').click();
    await expect(page.getByTestId('favorites-view')).toBeVisible();
    await shot(page, `favorites-${scheme}`);
  });
}

test('Portuguese', async ({ page, ryze }) => {
  await page.goto(ryze.url);
  await page.getByTestId('settings-button').click();
  await page.getByTestId('language-select').selectOption('pt-BR');
  await page.keyboard.press('Escape');
  await shot(page, 'sign-in-pt-BR');
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').nth(5)).toBeVisible();
  await shot(page, 'chat-list-pt-BR');
});
