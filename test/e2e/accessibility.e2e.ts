import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixture.ts';

/**
 * axe-core finds no violations (all rules it runs by default: WCAG 2.x A/AA and best practices) on each
 * main view, in the light and the dark theme. A failure lists each rule with the elements it flagged.
 */
async function expectNoViolations(page: Page, view: string): Promise<void> {
  // Let transitions settle so colours are measured as a person sees them.
  await page.waitForTimeout(200);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`)
        .join('\n'),
  );
  expect(report, `${view}:\n${report.join('\n')}`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no axe violations on the main views, ${scheme} theme`, async ({ page, ryze }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(ryze.url);
    await expect(page.getByTestId('token')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await expectNoViolations(page, 'sign-in');

    await page.getByTestId('base-url').fill(ryze.emulator.baseUrl);
    await page.getByTestId('token').fill('not-a-real-token');
    await page.getByTestId('continue').click();
    await expect(page.getByTestId('error-banner')).toBeVisible();
    await expectNoViolations(page, 'sign-in with an error');

    await page.getByTestId('token').fill(ryze.emulator.accountToken);
    await page.getByTestId('continue').click();
    await expect(page.getByTestId('instance-option').first()).toBeVisible();
    await expectNoViolations(page, 'instance picker');
    await page.getByTestId('instance-option').filter({ hasText: 'support' }).click();
    await expect(page.getByTestId('chat-row').nth(5)).toBeVisible();
    await expectNoViolations(page, 'chat list');

    await page.getByTestId('chat-search').fill(ryze.emulator.bigChatJid.split('@')[0]!);
    // The row the search found, not whichever row is first while the list is still being filtered.
    await page
      .locator(`[data-testid="chat-row"][data-jid="${ryze.emulator.bigChatJid}"]`)
      .getByRole('button')
      .first()
      .click();
    await expect(page.getByTestId('message-row').nth(5)).toBeVisible();
    const rows = page.getByTestId('message-row');
    await rows
      .nth((await rows.count()) - 2)
      .getByTestId('star-button')
      .click();
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
    await expectNoViolations(page, 'messages');

    await page.getByTestId('chat-search').fill('pedido');
    await expect(page.getByTestId('message-hit').first()).toBeVisible();
    await expectNoViolations(page, 'message search results');
    await page.getByTestId('chat-search').fill('');

    await page.getByTestId('chat-row').nth(1).getByTestId('star-button').click();
    await page.getByTestId('favorites-tab').click();
    await expect(page.getByTestId('favorite-message-row')).toHaveCount(1);
    await expectNoViolations(page, 'favorites');

    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('language-select')).toBeVisible();
    await expectNoViolations(page, 'settings');

    // Offline, with a change pending: the banners and the status bar.
    await page.keyboard.press('Escape');
    await ryze.emulator.stop();
    await page.getByTestId('favorites-tab').click();
    await page.getByTestId('chats-tab').click();
    await page.getByTestId('chat-row').nth(2).getByTestId('star-button').click();
    await expect(page.locator('[data-online="false"]')).toBeVisible();
    await expectNoViolations(page, 'offline with a change pending');
    await ryze.emulator.start();
  });
}
