import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { backupFolderName } from '../../main/backup/backup-folder.ts';
import { storeFileName } from '../../main/store/database.ts';
import { starredOnServer } from '../support/favorites-view.ts';
import { chooseLanguage, expect, signInThroughUi, test, type Ryze } from './harness/fixture.ts';

/**
 * Export and import from the Favorites view and from the menu, in both languages. The native file
 * dialogs are the shell's; here the harness answers in their place (ryze.fileDialog), as a user picking a
 * file would. The Electron spec exercises the real dialogs where Electron runs.
 */
const words = {
  en: {
    exported: /Exported 3 favorites to stars\.csv\./,
    exportedJson: /Exported 3 favorites to stars\.json\./,
    header: '"Chat","Number","Message","Sent at","Starred at"',
    imported: /Imported 3 stars from stars\.json; they are being sent to RyzeAPI\./,
    notAnExport:
      /Nothing was imported from stars\.csv\. The file is not a favorites export\. Choose a JSON file/,
  },
  'pt-BR': {
    exported: /3 favoritos exportados para stars\.csv\./,
    exportedJson: /3 favoritos exportados para stars\.json\./,
    header: '"Conversa";"Número";"Mensagem";"Enviada em";"Favoritada em"',
    imported: /3 estrelas importadas de stars\.json; elas estão sendo enviadas à RyzeAPI\./,
    notAnExport:
      /Nada foi importado de stars\.csv\. O arquivo não é uma exportação de favoritos\. Escolha um arquivo JSON/,
  },
} as const;

/** Two chats and a message starred through the UI, and sent. */
async function starThree(page: Page, ryze: Ryze): Promise<void> {
  const chatRows = page.getByTestId('chat-row');
  await expect(chatRows.nth(3)).toBeVisible();
  await chatRows.nth(1).getByTestId('star-button').click();
  await chatRows.nth(2).getByTestId('star-button').click();
  await page.getByTestId('chat-search').fill(ryze.emulator.bigChatJid.split('@')[0]!);
  await chatRows.first().getByRole('button').first().click();
  const messageRows = page.getByTestId('message-row');
  await expect(messageRows.nth(5)).toBeVisible();
  await messageRows.nth(3).getByTestId('star-button').click();
  await page.getByTestId('chat-search').fill('');
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
}

for (const locale of ['en', 'pt-BR'] as const) {
  test(`export as CSV and JSON, then import into a new store, from the Favorites view (${locale})`, async ({
    page,
    ryze,
  }) => {
    const w = words[locale];
    await page.goto(ryze.url);
    if (locale === 'pt-BR') await chooseLanguage(page, locale);
    await signInThroughUi(page, ryze);
    await starThree(page, ryze);
    await page.getByTestId('favorites-tab').click();
    await expect(page.getByTestId('favorite-message-row')).toHaveCount(1);
    const banner = page.getByTestId('error-banner');

    const csv = join(ryze.dataDir, 'stars.csv');
    ryze.fileDialog.next = csv;
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-csv').click();
    await expect(banner).toContainText(w.exported);
    expect(ryze.fileDialog.asked.at(-1)).toMatchObject({
      purpose: 'export',
      format: 'csv',
      suggestedName: expect.stringMatching(/^ryze-favorites-support-\d{4}-\d\d-\d\d\.csv$/),
    });
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith(`\uFEFF${w.header}\r\n`)).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);

    // From the native menu: the shell sends the command, the window does the same as its button.
    const json = join(ryze.dataDir, 'stars.json');
    ryze.fileDialog.next = json;
    ryze.app.events.emit('menu:command', 'exportJson');
    await expect(banner).toContainText(w.exportedJson);
    expect(ryze.fileDialog.asked.at(-1)).toMatchObject({ purpose: 'export', format: 'json' });

    // A new store (another computer, say) on the same server and instance, which lost the stars meanwhile.
    await ryze.restart({
      beforeStart: () => {
        for (const suffix of ['', '-wal', '-shm'])
          rmSync(join(ryze.dataDir, storeFileName + suffix), { force: true });
        rmSync(join(ryze.dataDir, backupFolderName), { recursive: true, force: true });
      },
    });
    ryze.emulator.resetFavorites('support');
    await page.reload();
    await signInThroughUi(page, ryze);
    await page.getByTestId('favorites-tab').click();
    await expect(page.getByTestId('favorite-message-row')).toHaveCount(0);

    // The CSV is for people: importing it is refused, and says what to pick instead.
    ryze.fileDialog.next = csv;
    await page.getByTestId('import-button').click();
    await expect(banner).toContainText(w.notAnExport);
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toHaveAttribute('data-code', 'importNotAnExport');

    ryze.fileDialog.next = json;
    await page.getByTestId('import-button').click();
    await expect(banner).toContainText(w.imported);
    expect(ryze.fileDialog.asked.at(-1)).toEqual({ purpose: 'import' });
    await expect(page.getByTestId('favorite-chat-row')).toHaveCount(2);
    await expect(page.getByTestId('favorite-message-row')).toHaveCount(1);
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
    expect(starredOnServer(ryze.emulator.favorites('support'))).toHaveLength(3);
  });
}

test('the menu’s import, with nobody signed in, asks to sign in first', async ({ page, ryze }) => {
  await page.goto(ryze.url);
  await expect(page.getByTestId('token')).toBeVisible();
  ryze.app.events.emit('menu:command', 'importFavorites');
  await expect(page.getByTestId('error-banner')).toContainText('Sign in to export or import favorites.');
  expect(ryze.fileDialog.asked).toEqual([]);
});
