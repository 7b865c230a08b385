import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupFolderName } from '../../main/backup/backup-folder.ts';
import { storeFileName } from '../../main/store/database.ts';
import { chooseLanguage, expect, openSignedIn, signInThroughUi, test } from './harness/fixture.ts';

test('a corrupt store with no backup is set aside, the app starts anyway and says what happened', async ({
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
  await expect(banner).toContainText('set aside');
  // The token is still in the keychain, but the new store does not know the account: sign in again.
  await expect(page.getByTestId('token')).toBeVisible();
});

for (const locale of ['en', 'pt-BR'] as const) {
  test(`a corrupt store comes back from the backup: the stars, the account, and a word on when (${locale})`, async ({
    page,
    ryze,
  }) => {
    await page.goto(ryze.url);
    if (locale === 'pt-BR') await chooseLanguage(page, locale);
    await signInThroughUi(page, ryze);
    const rows = page.getByTestId('chat-row');
    await expect(rows.nth(3)).toBeVisible();
    await rows.nth(1).getByTestId('star-button').click();
    await rows.nth(3).getByTestId('star-button').click();
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });

    // Closing writes the backup; the store is then found damaged at the next start.
    await ryze.restart({
      beforeStart: () => writeFileSync(join(ryze.dataDir, storeFileName), 'not a database '.repeat(500)),
    });
    await page.reload();
    const banner = page.getByTestId('error-banner');
    await expect(banner).toHaveAttribute('data-code', 'storeRestored');
    await expect(banner).toContainText(
      locale === 'en'
        ? /set aside\. 2 stars came back from the backup of .+ and are being sent to RyzeAPI again\./
        : /foram separados\. 2 estrelas voltaram do backup de .+ e estão sendo enviadas de novo à RyzeAPI\./,
    );
    // Signed in again by itself (the keychain kept the token), with both stars shown and sent again.
    await page.getByTestId('favorites-tab').click();
    await expect(page.getByTestId('favorite-chat-row')).toHaveCount(2);
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  });
}
