import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupFolderName } from '../../main/backup/backup-folder.ts';
import { storeFileName } from '../../main/store/database.ts';
import { en } from '../../renderer/src/i18n/en.ts';
import { ptBR } from '../../renderer/src/i18n/pt-BR.ts';
import { lockKeyring, unlockKeyring } from '../support/keyring-lock.ts';
import { expect, openSignedIn, signInThroughUi, test } from './harness/fixture.ts';

/**
 * Errors are told in the user's language, whoever caused them: a change RyzeAPI refused, a hold on its
 * refusal, the store set aside, a locked keyring, an unreachable server and an import RyzeAPI could not
 * help with each read in Portuguese, and
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
  await openSignedIn(page, ryze);
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
  await openSignedIn(page, ryze);
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

test('an import RyzeAPI cannot help with: which file, why, in Portuguese, the server’s words quoted beneath', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  const row = page.getByTestId('chat-row').first();
  await expect(row).toBeVisible();
  await row.getByTestId('star-button').click();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  const banner = page.getByTestId('error-banner');
  const json = join(ryze.dataDir, 'estrelas.json');
  ryze.fileDialog.next = json;
  ryze.app.events.emit('menu:command', 'exportJson');
  await expect(banner).toContainText('estrelas.json');

  // The file also stars a message this computer does not hold: RyzeAPI must be asked about it, and the
  // instance's phone is offline.
  const file = JSON.parse(readFileSync(json, 'utf8')) as {
    accounts: Array<{ favorites: Array<Record<string, unknown>> }>;
  };
  const account = file.accounts[0]!;
  const chatJid = account.favorites[0]!.chatJid;
  account.favorites.push({
    kind: 'message',
    chatJid,
    messageId: 'NOT-HELD-HERE',
    starred: true,
    server: 'starred',
    changedAt: Date.now(),
  });
  writeFileSync(json, JSON.stringify(file));
  ryze.emulator.setInstanceState('support', 'disconnected');
  await page.getByTestId('favorites-tab').click();
  await page.getByTestId('import-button').click();

  await expect(banner).toHaveAttribute('data-code', 'disconnected');
  await expect(banner).toContainText(fill(ptBR['transfer.notImported'], { file: 'estrelas.json' }));
  await expect(banner.locator('.error-text')).toHaveText(fill(ptBR['error.disconnected'], { status: '503' }));
  await expect(banner.getByTestId('server-said')).toHaveText(
    'A RyzeAPI disse: “Instance is not connected to WhatsApp”',
  );
  await expect(banner).not.toContainText(/Nothing was imported|not a favorites/);
  await expect(page.getByTestId('favorite-message-row')).toHaveCount(0);
});
