import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupFolderName } from '../../main/backup/backup-folder.ts';
import { storeFileName } from '../../main/store/database.ts';
import { en } from '../../renderer/src/i18n/en.ts';
import { ptBR } from '../../renderer/src/i18n/pt-BR.ts';
import { lockKeyring, unlockKeyring } from '../support/keyring-lock.ts';
import { expect, signInThroughUi, test } from './harness/fixture.ts';

/**
 * Errors are told in the user's language, whoever caused them: a change RyzeAPI refused, a hold on its
 * refusal, the store set aside, a locked keyring and an unreachable server each read in Portuguese, and
 * RyzeAPI's own (English) words appear only as a quoted detail under "A RyzeAPI disse", never as the
 * message, and never for what the app or the network did.
 */
const fill = (text: string, params: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('ryze.locale', 'pt-BR'));
});

test('a change RyzeAPI refuses: Portuguese sentence, the server’s words only quoted beneath', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  const row = page.getByTestId('chat-row').first();
  await expect(row).toBeVisible();
  ryze.emulator.faults.favoriteBehaviours = ['invalidRequest'];
  await row.getByTestId('star-button').click();

  const item = page.getByTestId('failed-item').first();
  await expect(item).toBeVisible();
  const said = 'Invalid request body: unexpected EOF';
  await expect(item.locator('.error-text')).toHaveText(fill(ptBR['error.invalidRequest'], { status: '400' }));
  await expect(item.locator('.error-text')).not.toContainText(said);
  await expect(item.getByTestId('server-said')).toHaveText(`A RyzeAPI disse: “${said}”`);
  await expect(page.getByTestId('failed-list')).not.toContainText('RyzeAPI did not accept');
  // The same on the row itself (a chat row's mark says it in its tooltip).
  await expect(row.getByTestId('row-failed')).toHaveAttribute(
    'title',
    fill(ptBR['failed.markStar'], {
      reason: `${fill(ptBR['error.invalidRequest'], { status: '400' })} A RyzeAPI disse: “${said}”`,
    }),
  );
});

test('a refused token holds sending: the status bar says why in Portuguese, the server’s words as a detail', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  const row = page.getByTestId('chat-row').first();
  await expect(row).toBeVisible();
  ryze.emulator.faults.favoriteBehaviours = ['invalidToken'];
  await row.getByTestId('star-button').click();

  const held = page.locator('[data-held="auth"]');
  await expect(held).toHaveText(fill(ptBR['status.held'], { reason: ptBR['held.auth'] }));
  await expect(held).toHaveAttribute('title', 'A RyzeAPI disse: “Invalid token”');
});

test('the store set aside at start, with no backup to restore, is told in Portuguese', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
  await ryze.restart({
    beforeStart: () => {
      writeFileSync(join(ryze.dataDir, storeFileName), 'not a database '.repeat(500));
      rmSync(join(ryze.dataDir, backupFolderName), { recursive: true, force: true });
    },
  });
  await page.reload();
  const banner = page.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-code', 'storeRecovered');
  await expect(banner).toContainText(ptBR['notice.storeRecovered'].split(' (')[0]!);
  await expect(banner).toContainText(`${storeFileName}.corrupt-`);
  await expect(banner).not.toContainText('set aside');
  await expect(banner.getByTestId('server-said')).toHaveCount(0);
});

test('a locked keyring is told in Portuguese, with what to do', async ({ page, ryze }) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
  lockKeyring();
  try {
    await ryze.restart();
    await page.reload();
    const locked = page.getByTestId('keychain-locked');
    await expect(locked.getByRole('heading', { name: ptBR['keychain.lockedTitle'] })).toBeVisible();
    await expect(locked).toContainText(ptBR['keychain.lockedBody.one']);
    await expect(locked).toContainText(
      fill(ptBR['keychain.reason'], { reason: ptBR['error.keychainLocked'] }),
    );
    await expect(locked).not.toContainText(en['error.keychainLocked']);
    await expect(locked).not.toContainText(/locked|collection/);
  } finally {
    unlockKeyring();
  }
  await page.getByTestId('keychain-retry').click();
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
});

test('RyzeAPI out of reach at sign-in is told in Portuguese, and nobody “said” anything', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  await ryze.emulator.stop();
  await page.getByTestId('base-url').fill(ryze.emulator.baseUrl);
  await page.getByTestId('token').fill(ryze.emulator.accountToken);
  await page.getByTestId('continue').click();
  const banner = page.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-kind', 'network');
  await expect(banner.locator('.error-text')).toHaveText(ptBR['error.unreachable']);
  await expect(banner.getByTestId('server-said')).toHaveCount(0);
  await expect(banner).not.toContainText(/RyzeAPI disse|ECONNREFUSED|fetch failed/);
});
