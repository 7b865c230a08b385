import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from '@playwright/test';
import { accountIdOf } from '../../main/session/account-context.ts';
import { storeFileName } from '../../main/store/database.ts';
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
    // The row the search found, not whichever row is first while the list is still being filtered.
    await page
      .locator(`[data-testid="chat-row"][data-jid="${ryze.emulator.bigChatJid}"]`)
      .getByRole('button')
      .first()
      .click();
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

for (const scheme of ['light', 'dark'] as const) {
  test(`reading views, ${scheme} theme`, async ({ page, ryze }) => {
    const { emulator } = ryze;
    const chatJid = emulator.bigChatJid;
    const day = 86_400_000;
    const now = Date.now();
    const add = (text: string, at: number, extra: object = {}) =>
      emulator.addIncomingMessage('support', { chatJid, text, timestamp: new Date(at), ...extra });
    add('Bom dia! Segue a foto do produto com defeito.', now - day - 3_600_000, { media: { type: 'image' } });
    add('', now - day - 3_000_000, {
      media: { type: 'document', fileName: 'Nota fiscal 4471.pdf', size: 184_320 },
    });
    add('', now - day, { media: { type: 'audio', duration: 42, size: 168_000, voice: true } });
    add('Recebido, obrigado! Vou verificar com o estoque.', now - 3_600_000, { fromMe: true });
    const long = add(
      Array.from(
        { length: 8 },
        (_, k) =>
          `${k + 1}. Conferimos o pedido ${45_120 + k}: os itens chegaram, mas a nota veio com o CNPJ antigo e o ` +
          'frete foi cobrado duas vezes. Pode corrigir a nota e estornar o frete em dobro, por favor?',
      ).join('\n\n'),
      now - 600_000,
    );
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(ryze.url);
    await signInThroughUi(page, ryze);
    await expect(page.getByTestId('chat-row').nth(5)).toBeVisible();
    await page.getByTestId('chat-search').fill(chatJid.split('@')[0]!);
    await page.locator(`[data-testid="chat-row"][data-jid="${chatJid}"] button`).first().click();
    await expect(page.getByTestId('message-row').first()).toBeVisible();
    await page.getByTestId('chat-search').fill('');
    const photo = page.locator('[data-testid="message-media"][data-kind="image"]').last();
    await photo.getByTestId('media-action').click();
    await expect(photo.getByTestId('media-image')).toBeVisible();
    await page
      .locator(`[data-testid="message-row"][data-id="${long.id}"]`)
      .evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.waitForTimeout(300);
    await shot(page, `long-message-${scheme}`);
    await photo.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    await shot(page, `media-days-${scheme}`);

    const group = emulator.groupJids[0]!;
    emulator.addIncomingMessage('support', { chatJid: group, text: 'Pessoal, a reunião mudou para 15h.' });
    await page.locator(`[data-testid="chat-row"][data-jid="${group}"] button`).first().click();
    await expect(page.getByTestId('message-sender').first()).toBeVisible();
    await page.waitForTimeout(300);
    await shot(page, `group-chat-${scheme}`);

    // A refused change on its row: a message this computer holds that the server no longer has.
    const db = new DatabaseSync(join(ryze.dataDir, storeFileName));
    db.prepare(
      `INSERT INTO messages (account_id, id, chat_jid, ts, from_me, text) VALUES (?, 'GONE-1', ?, ?, 0, ?)`,
    ).run(accountIdOf(emulator.baseUrl, 'support'), chatJid, now, 'Mensagem apagada no celular');
    db.close();
    await page.getByTestId('chat-search').fill('apagada');
    await page.getByTestId('message-hit').first().getByRole('button').first().click();
    const gone = page.locator('[data-testid="message-row"][data-id="GONE-1"]');
    await gone.getByTestId('star-button').click();
    await expect(page.getByTestId('row-failed')).toBeVisible();
    await page.getByTestId('chat-search').fill('');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    await shot(page, `refused-change-${scheme}`);

    await emulator.stop();
    await page.getByTestId('chat-row').nth(2).getByTestId('star-button').click();
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('sign-out-dialog')).toBeVisible();
    await shot(page, `sign-out-${scheme}`);
    await page.getByTestId('sign-out-cancel').click();
    await emulator.start();
  });
}

test('favorites export, import and restore', async ({ page, ryze }) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  const rows = page.getByTestId('chat-row');
  await expect(rows.nth(5)).toBeVisible();
  for (const n of [1, 2, 4]) await rows.nth(n).getByTestId('star-button').click();
  await page.getByTestId('chat-search').fill(ryze.emulator.bigChatJid.split('@')[0]!);
  await rows.first().getByRole('button').first().click();
  const messages = page.getByTestId('message-row');
  await expect(messages.nth(8)).toBeVisible();
  await messages.nth(6).getByTestId('star-button').click();
  await page.getByTestId('chat-search').fill('');
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });

  await page.getByTestId('favorites-tab').click();
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-json')).toBeVisible();
  await shot(page, 'favorites-export-light');
  ryze.fileDialog.next = `${ryze.dataDir}/favorites.json`;
  await page.getByTestId('export-json').click();
  await expect(page.getByTestId('error-banner')).toBeVisible();

  // Unstarred, then imported again while RyzeAPI is unreachable: back at once, pending until it is.
  // Unstarring takes a row out of the list: always the first one.
  for (const row of ['favorite-chat-row', 'favorite-chat-row', 'favorite-chat-row', 'favorite-message-row']) {
    await page.getByTestId(row).first().getByTestId('star-button').click();
  }
  await expect(page.getByTestId('favorite-chat-row')).toHaveCount(0);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  await ryze.emulator.stop();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('favorite-chat-row')).toHaveCount(3);
  await expect(page.locator('[data-online="false"]')).toBeVisible();
  await shot(page, 'favorites-import-dark');
  await ryze.emulator.start();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });

  await page.emulateMedia({ colorScheme: 'light' });
  await ryze.restart({
    beforeStart: () => writeFileSync(`${ryze.dataDir}/${storeFileName}`, 'not a database '.repeat(500)),
  });
  await page.reload();
  await expect(page.getByTestId('error-banner')).toContainText('came back from the backup');
  await page.getByTestId('favorites-tab').click();
  await expect(page.getByTestId('favorite-message-row')).toHaveCount(1);
  await shot(page, 'store-restored-light');
});
