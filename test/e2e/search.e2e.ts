import type { Page } from '@playwright/test';
import type { RequestArgs, RequestChannel, RequestResult } from '../../preload/contract.ts';
import { expect, openSignedIn, signInThroughUi, test, type Ryze } from './harness/fixture.ts';

/** Asks the main services directly, as the page would (to learn what the store holds). */
async function ask<C extends RequestChannel>(
  page: Page,
  ryze: Ryze,
  channel: C,
  args: RequestArgs<C>,
): Promise<RequestResult<C>> {
  const result = await ryze.app.router.handle(channel, args, { url: page.url(), isMainFrame: true });
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as RequestResult<C>;
}

/**
 * Message search from the chat search box: the chats still filter, matching messages show below them
 * with their chat, time and the matched words highlighted, and a result opens the message in its chat.
 */
test('search finds messages without accents, highlights them and opens one in its chat', async ({
  page,
  ryze,
}) => {
  const { emulator } = ryze;
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);

  // Search covers what the store holds: read the big chat's whole history, as scrolling up would.
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
  const chatJid = emulator.bigChatJid;
  while (!(await ask(page, ryze, 'messages:loadOlder', { chatJid })).reachedStart);
  const chats = await ask(page, ryze, 'chats:page', { offset: 0, limit: 1, query: chatJid.split('@')[0]! });
  const chatName = chats.rows[0]!.displayName;
  const search = page.getByTestId('chat-search');

  // Without its accents; what the store holds decides how many.
  const expected = await ask(page, ryze, 'search:messages', { query: 'solicitacao', offset: 0, limit: 500 });
  expect(expected.total).toBeGreaterThan(1);
  await search.fill('solicitacao');

  const results = page.getByTestId('search-results');
  const hits = results.getByTestId('message-hit');
  await expect(results.getByRole('heading', { name: /Messages/ })).toBeVisible();
  await expect(results.getByTestId('search-count')).toHaveText(String(expected.total));
  await expect(hits).toHaveCount(Math.min(50, expected.total));
  await expect(hits.first()).toContainText(chatName);
  await expect(hits.first().locator('mark').first()).toHaveText(/^solicitação$/i);
  await expect(hits.first().locator('time')).not.toBeEmpty();
  // The chat list keeps filtering chats by the same words (none is named "solicitação").
  await expect(page.getByTestId('chat-row')).toHaveCount(0);

  // The oldest result is far above the newest messages: opening it scrolls its chat to it.
  const oldest = hits.last();
  const id = await oldest.getAttribute('data-id');
  await oldest.getByRole('button').first().click();
  const row = page.locator(`[data-testid="message-row"][data-id="${id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toBeFocused();
  await expect(row).toContainText(/solicitação/i);
  await expect(page.locator('.chat-header h2')).toHaveText(chatName);

  // A prefix of the last word is enough; words in any order; syntax characters are just text.
  await search.fill('registrada solic');
  await expect(results.getByTestId('search-count')).toHaveText(String(expected.total));
  await search.fill('"solicitação" OR (*');
  await expect(results.getByTestId('search-count')).toHaveCount(0);
  await expect(results).toContainText('No messages match');

  // Clearing the box hides the results.
  await search.fill('');
  await expect(results).toHaveCount(0);
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
});

test('a message that arrives live is found, and starring a result shows in Favorites', async ({
  page,
  ryze,
}) => {
  const { emulator } = ryze;
  await openSignedIn(page, ryze);
  await expect.poll(async () => (await ask(page, ryze, 'connection:status', undefined)).live).toBe('open');

  emulator.addIncomingMessage('support', {
    chatJid: emulator.bigChatJid,
    text: 'Orçamento extraordinário aprovado',
  });
  await page.getByTestId('chat-search').fill('orcamento extraord');
  const hit = page.getByTestId('message-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText(['Orçamento', 'extraordinário']);

  await hit.getByTestId('star-button').click();
  await expect(hit.getByTestId('star-button')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('favorites-tab').click();
  await expect(page.getByTestId('favorite-message-row')).toContainText('Orçamento extraordinário');
});
