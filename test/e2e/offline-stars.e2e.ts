import { starredOnServer } from '../support/favorites-view.ts';
import { expect, signInThroughUi, test } from './harness/fixture.ts';

/**
 * The heart of the product: stars made with the API unreachable are shown at once, survive a restart
 * while still pending, and drain when the API is back, with no call wasted.
 */
test('star offline, restart, reconnect: everything drains and the server matches the screen', async ({
  page,
  ryze,
}) => {
  const { emulator } = ryze;
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);

  // Open the chat with a long history so its messages are in the store.
  const bigChatNumber = emulator.bigChatJid.split('@')[0]!;
  await page.getByTestId('chat-search').fill(bigChatNumber);
  await page.getByTestId('chat-row').first().getByRole('button').first().click();
  const messageRows = page.getByTestId('message-row');
  await expect(messageRows.nth(11)).toBeVisible();
  await page.getByTestId('chat-search').fill('');

  await emulator.stop();
  const chatRows = page.getByTestId('chat-row');
  await expect(chatRows.nth(11)).toBeVisible();
  // Rows are virtualized and scroll as they are clicked: address them by identity, not position.
  const chatJids = (await chatRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-jid')!))).slice(
    0,
    12,
  );
  const messageIds = (
    await messageRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')!))
  ).slice(0, 12);
  const chatStar = (jid: string) =>
    page.locator(`[data-testid="chat-row"][data-jid="${jid}"]`).getByTestId('star-button');
  const messageStar = (id: string) =>
    page.locator(`[data-testid="message-row"][data-id="${id}"]`).getByTestId('star-button');

  // 12 chats and 12 messages starred, then 2 of each unstarred again: 20 changes wanted.
  for (const jid of chatJids) await chatStar(jid).click();
  for (const id of messageIds) await messageStar(id).click();
  for (const i of [3, 7]) {
    await chatStar(chatJids[i]!).click();
    await messageStar(messageIds[i]!).click();
  }
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '20');
  await expect(page.locator('[data-online="false"]')).toBeVisible();
  await expect(chatStar(chatJids[0]!)).toHaveAttribute('aria-pressed', 'true');
  await expect(chatStar(chatJids[3]!)).toHaveAttribute('aria-pressed', 'false');

  // Restart the services and reload: still starred, still pending.
  await ryze.restart();
  await page.reload();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '20');
  await expect(page.getByTestId('chat-row').first().getByTestId('pending-mark')).toBeVisible();

  emulator.resetCounters();
  await emulator.start();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  await expect(page.getByTestId('pending-mark')).toHaveCount(0);

  // What the Favorites view shows is what the server holds, and each change cost exactly one call.
  await page.getByTestId('favorites-tab').click();
  const chats = await page
    .getByTestId('favorite-chat-row')
    .evaluateAll((rows) => rows.map((r) => `chat:${r.getAttribute('data-jid')}`));
  const messages = await page
    .getByTestId('favorite-message-row')
    .evaluateAll((rows) => rows.map((r) => `message:${r.getAttribute('data-id')}`));
  const shown = [...chats, ...messages].sort();
  expect(shown).toHaveLength(20);
  expect(starredOnServer(emulator.favorites('support'))).toEqual(shown);
  expect(emulator.calls('/api/chat/favorite')).toBe(20);
});
