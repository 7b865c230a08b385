import type { Page } from '@playwright/test';
import { expect, signInThroughUi, test } from './harness/fixture.ts';

/**
 * The app is usable from the keyboard alone: ↑/↓ and j/k move the focused row, Enter opens, s stars the
 * focused chat or message, / goes to the search box, Escape goes back, Ctrl+Z undoes the last star
 * change, and whatever has focus always shows a focus ring.
 */

interface Focus {
  /** The row's list (its data-testid) and identity (a chat's jid or a message's id). */
  list: string | null;
  key: string | null;
  /** The search box, or another control. */
  testid: string | null;
  /** :focus-visible matches and draws an outline at least 2px wide. */
  ring: boolean;
}

const rowLists = ['chat-row', 'favorite-chat-row', 'favorite-message-row', 'message-row', 'message-hit'];

async function focus(page: Page): Promise<Focus | null> {
  return page.evaluate((lists) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const ring =
      el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const row = el.closest<HTMLElement>(lists.map((l) => `[data-testid="${l}"]`).join(','));
    return {
      list: row?.dataset.testid ?? null,
      key: row ? (row.dataset.jid ?? row.dataset.id ?? null) : null,
      testid: el.dataset.testid ?? null,
      ring,
    };
  }, rowLists);
}

/** Presses `key` and checks focus lands on a row of `list` with a visible ring; returns the row's key. */
async function pressTo(page: Page, key: string, list: string): Promise<string> {
  await page.keyboard.press(key);
  await expect.poll(async () => (await focus(page))?.list).toBe(list);
  const now = (await focus(page))!;
  expect(now.ring, `focus ring after ${key}`).toBe(true);
  return now.key!;
}

function keysOf(page: Page, list: string): Promise<string[]> {
  return page
    .getByTestId(list)
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.jid ?? (r as HTMLElement).dataset.id!));
}

const starOf = (page: Page, list: string, key: string) =>
  page
    .locator(`[data-testid="${list}"][data-jid="${key}"], [data-testid="${list}"][data-id="${key}"]`)
    .getByTestId('star-button');

test('chats and messages from the keyboard: move, open, star, undo, back', async ({ page, ryze }) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').nth(5)).toBeVisible();
  const chats = await keysOf(page, 'chat-row');

  // "/" goes to the search box; Escape leaves it.
  await page.keyboard.press('/');
  await expect(page.getByTestId('chat-search')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('chat-search')).not.toBeFocused();

  // j/k and the arrows move one row at a time, starting from the top.
  expect(await pressTo(page, 'j', 'chat-row')).toBe(chats[0]);
  expect(await pressTo(page, 'j', 'chat-row')).toBe(chats[1]);
  expect(await pressTo(page, 'ArrowDown', 'chat-row')).toBe(chats[2]);
  expect(await pressTo(page, 'k', 'chat-row')).toBe(chats[1]);
  expect(await pressTo(page, 'ArrowUp', 'chat-row')).toBe(chats[0]);
  expect(await pressTo(page, 'ArrowUp', 'chat-row')).toBe(chats[0]);
  expect(await pressTo(page, 'j', 'chat-row')).toBe(chats[1]);

  // s stars the focused chat; Ctrl+Z undoes it.
  const second = chats[1]!;
  await page.keyboard.press('s');
  await expect(starOf(page, 'chat-row', second)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+z');
  await expect(starOf(page, 'chat-row', second)).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('s');
  await expect(starOf(page, 'chat-row', second)).toHaveAttribute('aria-pressed', 'true');

  // "/" and ↓ reach the chat with a long history; Enter opens it, focus stays on it, Tab reaches the messages.
  const big = ryze.emulator.bigChatJid;
  await page.keyboard.press('/');
  await page.keyboard.type(big.split('@')[0]!);
  await expect(page.getByTestId('chat-row')).toHaveCount(1);
  expect(await pressTo(page, 'ArrowDown', 'chat-row')).toBe(big);
  await page.keyboard.press('Enter');
  const name = await page
    .locator(`[data-testid="chat-row"][data-jid="${big}"]`)
    .getByTestId('chat-name')
    .innerText();
  await expect(page.locator('.chat-header h2')).toHaveText(name.trim());
  expect((await focus(page))?.key).toBe(big);
  await expect(page.getByTestId('message-row').first()).toBeVisible();
  const messages = await keysOf(page, 'message-row');
  for (let i = 0; i < 6 && (await focus(page))?.list !== 'message-row'; i++) await page.keyboard.press('Tab');
  expect((await focus(page))?.key).toBe(messages[messages.length - 1]);
  expect((await focus(page))?.ring).toBe(true);

  // In the messages: k/j move, s stars the focused message, Ctrl+Z undoes it.
  const newest = messages[messages.length - 1]!;
  const previous = messages[messages.length - 2]!;
  expect(await pressTo(page, 'k', 'message-row')).toBe(previous);
  expect(await pressTo(page, 'ArrowUp', 'message-row')).toBe(messages[messages.length - 3]);
  expect(await pressTo(page, 'ArrowDown', 'message-row')).toBe(previous);
  await page.keyboard.press('s');
  await expect(starOf(page, 'message-row', previous)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+z');
  await expect(starOf(page, 'message-row', previous)).toHaveAttribute('aria-pressed', 'false');
  expect(await pressTo(page, 'j', 'message-row')).toBe(newest);

  // Escape closes the chat and puts focus back on its row in the list.
  await page.keyboard.press('Escape');
  await expect(page.locator('.chat-header')).toHaveCount(0);
  await expect.poll(async () => (await focus(page))?.key).toBe(big);
  expect((await focus(page))?.ring).toBe(true);
});

test('favorites and message search from the keyboard', async ({ page, ryze }) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').nth(5)).toBeVisible();

  // Find the big chat, star it and open it, by keyboard.
  await page.keyboard.press('/');
  await page.keyboard.type(ryze.emulator.bigChatJid.split('@')[0]!);
  await expect(page.getByTestId('chat-row')).toHaveCount(1);
  await pressTo(page, 'ArrowDown', 'chat-row');
  await page.keyboard.press('s');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('message-row').first()).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.press('Escape'); // clears the search
  await expect(page.getByTestId('chat-search')).toHaveValue('');

  // The tabs follow the arrow keys; j/k move over starred chats then starred messages.
  await page.getByTestId('chats-tab').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('favorites-tab')).toBeFocused();
  await expect(page.getByTestId('favorites-tab')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('favorite-chat-row')).toHaveCount(1);
  expect(await pressTo(page, 'j', 'favorite-chat-row')).toBe(ryze.emulator.bigChatJid);
  await page.keyboard.press('Escape');
  await expect(page.locator('.chat-header')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('chats-tab')).toHaveAttribute('aria-selected', 'true');

  // Search: "/" then ↓ goes from the box into the results; Enter opens a message in its chat.
  await page.keyboard.press('/');
  await page.keyboard.type('pedido');
  await expect(page.getByTestId('message-hit').nth(1)).toBeVisible();
  await expect(page.getByTestId('chat-row')).toHaveCount(0);
  const hits = await keysOf(page, 'message-hit');
  expect(await pressTo(page, 'ArrowDown', 'message-hit')).toBe(hits[0]);
  expect(await pressTo(page, 'j', 'message-hit')).toBe(hits[1]);
  await page.keyboard.press('s');
  await expect(starOf(page, 'message-hit', hits[1]!)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+z');
  await expect(starOf(page, 'message-hit', hits[1]!)).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');
  // The same id is on the hit that had focus: wait for focus to reach the message row in its chat.
  await expect
    .poll(async () => {
      const now = await focus(page);
      return `${now?.list}:${now?.key}`;
    })
    .toBe(`message-row:${hits[1]}`);
  expect((await focus(page))?.ring).toBe(true);

  // Escape: back to the result, then back to the search box, then the box is cleared.
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await focus(page))?.list).toBe('message-hit');
  expect((await focus(page))?.key).toBe(hits[1]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('chat-search')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('chat-search')).toHaveValue('');
  await expect(page.getByTestId('search-results')).toHaveCount(0);
});
