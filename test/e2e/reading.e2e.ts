import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import keytar from 'keytar';
import { accountIdOf } from '../../main/session/account-context.ts';
import { storeFileName } from '../../main/store/database.ts';
import type { RequestArgs, RequestChannel, RequestResult } from '../../preload/contract.ts';
import { testKeychainService } from '../support/app-harness.ts';
import { expect, openSignedIn, signInThroughUi, test, type Ryze } from './harness/fixture.ts';

/**
 * Reading like a messaging app: whole messages (folded only when very long), media with its type, caption
 * and size, opened on demand, day separators, numbers formatted once, activity and unread counts in the chat
 * list, a refused change on its row, the place kept when older messages land, and a sign-out that asks.
 */

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

async function openChat(page: Page, jid: string): Promise<void> {
  await page.getByTestId('chat-search').fill(jid.split('@')[0]!);
  await page.locator(`[data-testid="chat-row"][data-jid="${jid}"] button`).first().click();
  await expect(page.getByTestId('message-row').first()).toBeVisible();
  await page.getByTestId('chat-search').fill('');
}

const messageRow = (page: Page, id: string): Locator =>
  page.locator(`[data-testid="message-row"][data-id="${id}"]`);

/** Whether the element's whole box is inside the message list's viewport (nothing cut off). */
async function fullyInView(page: Page, row: Locator): Promise<boolean> {
  const list = (await page.getByTestId('message-list').boundingBox())!;
  const box = (await row.boundingBox())!;
  return box.y >= list.y - 0.5 && box.y + box.height <= list.y + list.height + 0.5;
}

test('a 3,000-character message is shown whole; a longer one folds with Show more', async ({
  page,
  ryze,
}) => {
  const { emulator } = ryze;
  const paragraph = 'Segue o resumo do atendimento de hoje, com os pedidos e prazos combinados. ';
  const whole = paragraph.repeat(60).slice(0, 2_990) + ' FIM-3000';
  const longer = `${paragraph.repeat(100)}ÚLTIMA-LINHA`;
  const a = emulator.addIncomingMessage('support', { chatJid: emulator.bigChatJid, text: whole });
  const b = emulator.addIncomingMessage('support', { chatJid: emulator.bigChatJid, text: longer });
  await page.setViewportSize({ width: 1180, height: 1000 });
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await openChat(page, emulator.bigChatJid);

  const first = messageRow(page, a.id);
  await first.scrollIntoViewIfNeeded();
  const text = first.getByTestId('message-text');
  await expect(text).toHaveText(whole);
  // Not clipped: the text's box is as tall as its content, and no "Show more" for it.
  const clipped = await text.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  expect(clipped).toBe(false);
  await expect(first.getByTestId('show-more')).toHaveCount(0);
  // Read from its first line to its last by scrolling: both ends come into view, nothing is cut off.
  const box = page.getByTestId('message-list');
  for (const block of ['start', 'end'] as const) {
    await text.evaluate((el, b) => el.scrollIntoView({ block: b }), block);
    await page.waitForTimeout(200);
    const list = (await box.boundingBox())!;
    const t = (await text.boundingBox())!;
    if (block === 'start') expect(t.y).toBeGreaterThanOrEqual(list.y - 1);
    else expect(t.y + t.height).toBeLessThanOrEqual(list.y + list.height + 1);
  }

  // The longer one folds after ~40 lines; Show more unfolds it (and the list makes room).
  const second = messageRow(page, b.id);
  await second.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const more = second.getByTestId('show-more');
  await expect(more).toHaveText('Show more');
  const folded = (await second.boundingBox())!.height;
  expect(await second.getByTestId('message-text').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(
    true,
  );
  await more.click();
  await expect(more).toHaveText('Show less');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  expect((await second.boundingBox())!.height).toBeGreaterThan(folded + 100);
  expect(
    await second.getByTestId('message-text').evaluate((el) => el.scrollHeight > el.clientHeight + 1),
  ).toBe(false);
  // Links stay text: nothing in a message becomes a live element.
  await page.getByTestId('message-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
  const link = emulator.addIncomingMessage('support', {
    chatJid: emulator.bigChatJid,
    text: 'Veja <a href="https://example.com">aqui</a> https://example.com/x',
  });
  await expect(messageRow(page, link.id).getByTestId('message-text')).toHaveText(
    'Veja <a href="https://example.com">aqui</a> https://example.com/x',
  );
  await expect(messageRow(page, link.id).locator('a')).toHaveCount(0);
});

test('media shows its type, caption and size, and opens only when asked', async ({ page, ryze }) => {
  const { emulator } = ryze;
  const photo = emulator.addIncomingMessage('support', {
    chatJid: emulator.bigChatJid,
    text: 'Segue a foto do produto',
    media: { type: 'image' },
  });
  const doc = emulator.addIncomingMessage('support', {
    chatJid: emulator.bigChatJid,
    text: '',
    media: { type: 'document', fileName: 'Orçamento 77.pdf', size: 250_000 },
  });
  const voice = emulator.addIncomingMessage('support', {
    chatJid: emulator.bigChatJid,
    text: '',
    media: { type: 'audio', duration: 75, voice: true, size: 300_000 },
  });
  const huge = emulator.addIncomingMessage('support', {
    chatJid: emulator.bigChatJid,
    text: 'vídeo grande',
    media: { type: 'video', duration: 61, size: 40 * 1024 * 1024 },
  });
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await openChat(page, emulator.bigChatJid);
  emulator.resetCounters();

  const photoRow = messageRow(page, photo.id);
  await expect(photoRow.getByTestId('media-kind')).toHaveText('Photo');
  await expect(photoRow.getByTestId('message-text')).toHaveText('Segue a foto do produto');
  await expect(photoRow.getByTestId('media-facts')).toHaveText(/^\d+ KB$/);
  const docRow = messageRow(page, doc.id);
  await expect(docRow.getByTestId('media-kind')).toHaveText('Document');
  await expect(docRow.getByTestId('media-facts')).toHaveText('Orçamento 77.pdf · 244 KB');
  await expect(messageRow(page, voice.id).getByTestId('media-kind')).toHaveText('Voice message');
  await expect(messageRow(page, voice.id).getByTestId('media-facts')).toHaveText('1:15 · 293 KB');
  // Past the size cap: said so, and there is nothing to click.
  await expect(messageRow(page, huge.id)).toContainText('Too large to open here (40 MB)');
  await expect(messageRow(page, huge.id).getByTestId('media-action')).toHaveCount(0);
  // Nothing was downloaded to show all that.
  expect(emulator.calls('/api/chat/base64')).toBe(0);

  // Open: one call, then the photo is in the bubble.
  await photoRow.getByTestId('media-action').click();
  await expect(photoRow.getByTestId('media-image')).toBeVisible();
  expect(
    await photoRow.getByTestId('media-image').evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBe(320);
  expect(emulator.calls('/api/chat/base64')).toBe(1);
  // Save hands the document to the browser's download, named as it was sent; a second save costs no call.
  const download = page.waitForEvent('download');
  await docRow.getByTestId('media-action').click();
  expect((await download).suggestedFilename()).toBe('Orçamento 77.pdf');
  expect(emulator.calls('/api/chat/base64')).toBe(2);
  const again = page.waitForEvent('download');
  await docRow.getByTestId('media-action').click();
  await again;
  expect(emulator.calls('/api/chat/base64')).toBe(2);
});

test('messages read like a chat: days, time and status in the bubble, authors in groups, numbers once', async ({
  page,
  ryze,
}) => {
  const { emulator } = ryze;
  const day = 86_400_000;
  const longAgo = new Date(Date.now() - 10 * day);
  for (const [text, at] of [
    ['Há dez dias', longAgo],
    ['Chegou ontem', new Date(Date.now() - day)],
  ] as const) {
    emulator.addIncomingMessage('support', { chatJid: emulator.bigChatJid, text, timestamp: at });
  }
  const today = emulator.addIncomingMessage('support', {
    chatJid: emulator.bigChatJid,
    text: 'Chegou hoje',
    timestamp: new Date(),
  });
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').nth(5)).toBeVisible();

  // Numbers are formatted and never shown twice: a contact named only by its number shows it once.
  const numbers = await page.getByTestId('chat-number').allTextContents();
  expect(numbers.length).toBeGreaterThan(0);
  for (const n of numbers) expect(n).toMatch(/^\+55 \d{2} \d{4,5}-\d{4}$/);
  const names = await page.getByTestId('chat-name').allTextContents();
  for (const name of names) expect(name).not.toMatch(/^\d{8,}$/);
  // A contact known only by a LID and a masked number says what it is.
  const all = await ask(page, ryze, 'chats:page', { offset: 0, limit: 500 });
  const hidden = all.rows.find((c) => c.displayName.includes('•'))!;
  await page.getByTestId('chat-search').fill(hidden.jid.split('@')[0]!);
  await expect(page.getByTestId('chat-name').first()).toHaveAttribute('title', /part of this number/);
  await page.getByTestId('chat-search').fill('');

  await openChat(page, emulator.bigChatJid);
  // One separator per day, in the user's locale: a date, then "Yesterday", then "Today".
  const separators = page.getByTestId('day-separator');
  await expect(messageRow(page, today.id)).toBeVisible();
  const dated = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(longAgo);
  expect((await separators.allTextContents()).slice(-3)).toEqual([dated, 'Yesterday', 'Today']);
  // Time and send status inside the bubble, for what I sent.
  const mine = page.locator('[data-testid="message-row"]:has([data-testid="send-status"])').first();
  await expect(mine.locator('.bubble time')).toHaveText(/^\d{1,2}:\d{2}( [AP]M)?$/);
  await expect(mine.getByTestId('send-status')).toHaveAttribute(
    'aria-label',
    /^(Sent|Delivered|Read|Played)$/,
  );

  // A group shows each message's author (a group joins the list once something arrives in it).
  const group = emulator.groupJids[0]!;
  emulator.addIncomingMessage('support', { chatJid: group, text: 'Bom dia, equipe' });
  await page.locator(`[data-testid="chat-row"][data-jid="${group}"] button`).first().click();
  await expect(page.getByTestId('message-sender').first()).toBeVisible();
  expect(await page.getByTestId('message-sender').first().textContent()).not.toBe('');

  // In Portuguese, the days and the types follow.
  await page.getByTestId('settings-button').click();
  await page.getByTestId('language-select').selectOption('pt-BR');
  await page.keyboard.press('Escape');
  await page.getByTestId('chat-search').fill('');
  await openChat(page, emulator.bigChatJid);
  await expect(page.getByTestId('day-separator').last()).toHaveText('Hoje');
  expect((await page.getByTestId('day-separator').allTextContents()).slice(-2)).toEqual(['Ontem', 'Hoje']);
});

test('the chat list shows activity: newest first, last message, unread count cleared on open', async ({
  page,
  ryze,
}) => {
  const { emulator } = ryze;
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').nth(5)).toBeVisible();
  const contacts = await ask(page, ryze, 'chats:page', { offset: 10, limit: 1 });
  const quiet = contacts.rows[0]!;
  // A message arrives live in a chat nobody opened: it moves to the top with its text, time and a count.
  emulator.addIncomingMessage('support', { chatJid: quiet.jid, text: 'Oi, ainda tem o modelo azul?' });
  emulator.addIncomingMessage('support', {
    chatJid: quiet.jid,
    text: '',
    media: { type: 'image' },
  });
  const top = page.getByTestId('chat-row').first();
  await expect(top).toHaveAttribute('data-jid', quiet.jid);
  await expect(top.getByTestId('chat-preview')).toHaveText('Photo');
  await expect(top.getByTestId('unread-count')).toHaveText('2');
  await expect(top.getByTestId('unread-count')).toHaveAttribute('aria-label', '2 unread messages');
  await top.getByRole('button').first().click();
  await expect(page.getByTestId('message-row').first()).toBeVisible();
  await expect(top.getByTestId('unread-count')).toHaveCount(0);
  // While it is open, what arrives there is read, not counted.
  emulator.addIncomingMessage('support', { chatJid: quiet.jid, text: 'Obrigado!' });
  await expect(top.getByTestId('chat-preview')).toHaveText('Obrigado!');
  await expect(top.getByTestId('unread-count')).toHaveCount(0);
});

test('the reader keeps their place when older messages land and when new ones arrive', async ({
  page,
  ryze,
}) => {
  const { emulator } = ryze;
  await openSignedIn(page, ryze);
  await openChat(page, emulator.bigChatJid);
  const list = page.getByTestId('message-list');
  const held = async () =>
    (await ask(page, ryze, 'messages:page', { chatJid: emulator.bigChatJid, offset: 0, limit: 1 })).total;
  // Each time the top is reached an older page is prepended: the message on screen must not move, round after
  // round.
  for (let round = 0; round < 3; round++) {
    const before = await held();
    // Just short of where older messages are asked for, and let the rows there be measured (that moves the
    // scroll position, not what is on screen); then into it, and the probe is the row at a third of the view
    // there, read before the older page can land.
    await list.evaluate((el) => (el.scrollTop = 800));
    await expect(list.locator('.fling')).toHaveCount(0);
    await page.waitForTimeout(200);
    const probe = await list.evaluate((el) => {
      el.scrollTop = 500;
      const at = el.getBoundingClientRect().top + 250;
      const row = [...el.querySelectorAll<HTMLElement>('[data-testid="message-row"]')].find((r) => {
        const box = r.getBoundingClientRect();
        return box.top <= at && box.bottom > at;
      })!;
      return { id: row.dataset.id!, y: row.getBoundingClientRect().top };
    });
    await expect.poll(held).toBeGreaterThan(before);
    // The window shows the longer chat (not only the store holds it) before the probe is looked at.
    const after = String(await held());
    await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', after);
    await page.waitForTimeout(300);
    await expect(messageRow(page, probe.id), `round ${round}: the message read is gone`).toHaveCount(1);
    const y = await messageRow(page, probe.id).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(y - probe.y), `round ${round}: moved by`).toBe(0);
  }
  // Scrolled up, a new message arriving at the bottom moves nothing on screen.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 3));
  await page.waitForTimeout(200);
  const still = await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="message-list"]')!;
    const row = [...el.querySelectorAll<HTMLElement>('[data-testid="message-row"]')]
      .filter((r) => r.getBoundingClientRect().top >= el.getBoundingClientRect().top)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]!;
    return { id: row.dataset.id!, y: row.getBoundingClientRect().top };
  });
  const total = await held();
  const arrived = emulator.addIncomingMessage('support', { chatJid: emulator.bigChatJid, text: 'nova' });
  await expect.poll(held).toBe(total + 1);
  await page.waitForTimeout(200);
  expect(await messageRow(page, still.id).evaluate((el) => el.getBoundingClientRect().top)).toBeCloseTo(
    still.y,
    0,
  );
  // At the bottom, the list follows: the new message shows.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const newest = emulator.addIncomingMessage('support', { chatJid: emulator.bigChatJid, text: 'mais uma' });
  await expect(messageRow(page, newest.id)).toBeVisible();
  expect(await fullyInView(page, messageRow(page, newest.id))).toBe(true);
  expect(arrived.id).not.toBe(newest.id);
});

test('a refused star change is marked on its message, with the reason and Retry', async ({ page, ryze }) => {
  const { emulator } = ryze;
  await openSignedIn(page, ryze);
  await openChat(page, emulator.bigChatJid);
  // A message this computer holds that the server no longer has (deleted on the phone, say).
  const db = new DatabaseSync(join(ryze.dataDir, storeFileName));
  db.prepare(
    `INSERT INTO messages (account_id, id, chat_jid, ts, from_me, text) VALUES (?, 'GONE-1', ?, ?, 0, 'apagada')`,
  ).run(accountIdOf(emulator.baseUrl, 'support'), emulator.bigChatJid, Date.now() + 60_000);
  db.close();
  await page.getByTestId('chat-search').fill('apagada');
  await page.getByTestId('message-hit').first().getByRole('button').first().click();
  const row = messageRow(page, 'GONE-1');
  await expect(row).toBeVisible();
  await row.hover();
  await row.getByTestId('star-button').click();
  const mark = page.getByTestId('row-failed');
  await expect(mark).toContainText('Star not saved');
  await expect(mark).toContainText('Message not found');
  await expect(row.getByTestId('star-button')).toHaveAttribute('aria-pressed', 'false');
  // Retry puts it back in the outbox; refused again, the mark comes back (a new refusal).
  const first = await page.getByTestId('failed-item').first().getAttribute('data-id');
  await mark.getByTestId('row-retry').click();
  await expect(page.getByTestId('failed-item').first()).not.toHaveAttribute('data-id', first!);
  await expect(page.getByTestId('row-failed')).toContainText('Message not found');
  await page
    .getByTestId('failed-list')
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  await expect(page.getByTestId('row-failed')).toHaveCount(0);
});

test('sign-out asks first, says what happens to pending changes, and can remove the local data', async ({
  page,
  ryze,
}) => {
  const { emulator } = ryze;
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').nth(3)).toBeVisible();
  const accountId = accountIdOf(emulator.baseUrl, 'support');
  await emulator.stop();
  await page.getByTestId('chat-row').nth(3).getByTestId('star-button').click();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');

  await page.getByTestId('sign-out').click();
  const dialog = page.getByTestId('sign-out-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('sign-out-pending')).toHaveText(
    '1 star change for this account has not been sent yet. It will not be sent while you are signed out.',
  );
  // Esc or Cancel: nothing happens.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('sign-out')).toBeFocused();
  expect(await keytar.getPassword(testKeychainService, accountId)).not.toBeNull();

  await page.getByTestId('sign-out').click();
  await dialog.getByTestId('sign-out-remove').check();
  await expect(dialog).toContainText('will never be sent');
  await dialog.getByTestId('sign-out-confirm').click();
  await expect(page.getByTestId('token')).toBeVisible();
  expect(await keytar.getPassword(testKeychainService, accountId)).toBeNull();
  const db = new DatabaseSync(join(ryze.dataDir, storeFileName));
  const left = db
    .prepare(
      `SELECT (SELECT count(*) FROM chats WHERE account_id = ?1) + (SELECT count(*) FROM outbox WHERE account_id = ?1)
        + (SELECT count(*) FROM messages WHERE account_id = ?1) AS n`,
    )
    .get(accountId) as { n: number };
  db.close();
  expect(left.n).toBe(0);
});

test('sign-in helps: a guide link for the token, the instance’s human name first', async ({ page, ryze }) => {
  // The guide is answered here: the test never reaches the internet.
  await page
    .context()
    .route('https://docs.ryzeapi.cloud/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>RyzeAPI guide</title>' }),
    );
  await page.goto(ryze.url);
  const help = page.getByTestId('token-help');
  await expect(help).toHaveText('Where do I find my token?');
  await expect(help).toHaveAttribute('href', 'https://docs.ryzeapi.cloud/en/guide/authentication');
  await expect(help).toHaveAttribute('target', '_blank');
  // A new window is asked for (the shell turns it into the system browser); this window stays.
  const popup = page.waitForEvent('popup');
  await help.click();
  expect((await popup).url()).toBe('https://docs.ryzeapi.cloud/en/guide/authentication');
  await expect(page.getByTestId('token')).toBeVisible();

  await page.getByTestId('base-url').fill(ryze.emulator.baseUrl);
  await page.getByTestId('token').fill(ryze.emulator.accountToken);
  await page.getByTestId('continue').click();
  const support = page.getByTestId('instance-option').filter({ hasText: 'support' });
  await expect(support.getByTestId('instance-profile')).toHaveText('Acme Suporte');
  await expect(support.getByTestId('instance-name-secondary')).toHaveText('support');
});
