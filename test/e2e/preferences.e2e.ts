import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en.ts';
import { ptBR } from '../../renderer/src/i18n/pt-BR.ts';
import { expect, openSignedIn, test } from './harness/fixture.ts';

/**
 * Language and theme. Switching to Portuguese leaves no English string on any main view, and dates and
 * times follow the locale; the theme picker switches the page's color-scheme. Both survive a reload.
 */

/** What a person sees or hears: visible text plus the placeholders, labels and tooltips of visible elements. */
function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText, document.title];
    for (const el of Array.from(document.querySelectorAll('[placeholder], [aria-label], [title]'))) {
      if (!(el as HTMLElement).checkVisibility()) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) parts.push(el.getAttribute(name) ?? '');
    }
    return parts.join('\n');
  });
}

/** A pattern for a catalogue string, placeholders matching anything, whole words only. */
function patternOf(text: string): RegExp {
  const body = text
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+?');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

// The language picker lists each language in its own name, "English" included.
const englishOnly = (Object.keys(en) as (keyof typeof en)[])
  .filter((key) => en[key] !== ptBR[key] && key !== 'language.name')
  .map((key) => ({ key, pattern: patternOf(en[key]) }));

async function expectNoEnglish(page: Page, view: string): Promise<void> {
  const text = await shownText(page);
  const left = englishOnly
    .filter(({ pattern }) => pattern.test(text))
    .map(({ key }) => `${key}: “${en[key]}”`);
  expect(left, `English left on ${view}`).toEqual([]);
}

/** The newest message's time and tooltip, and what the page's own Intl says that instant is in `locale`. */
async function messageTime(
  page: Page,
  locale: string,
): Promise<{ shown: string; expected: string; tooltip: string; expectedTooltip: string }> {
  return page
    .getByTestId('message-row')
    .last()
    .locator('time')
    .evaluate((el, loc) => {
      const at = new Date(el.getAttribute('datetime')!);
      return {
        shown: el.textContent!.trim(),
        expected: new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit' }).format(at),
        tooltip: el.getAttribute('title')!,
        expectedTooltip: new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' }).format(at),
      };
    }, locale);
}

async function chooseLanguage(page: Page, locale: 'en' | 'pt-BR'): Promise<void> {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('language-select').selectOption(locale);
  await page.keyboard.press('Escape');
}

test('Portuguese reaches every main view, and dates follow the language', async ({ page, ryze }) => {
  await page.goto(ryze.url);
  await expect(page.getByRole('heading', { name: 'Sign in to RyzeAPI' })).toBeVisible();
  await chooseLanguage(page, 'pt-BR');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.getByRole('heading', { name: 'Entrar na RyzeAPI' })).toBeVisible();
  await expect(page.getByTestId('continue')).toHaveText('Continuar');
  await expectNoEnglish(page, 'sign-in');

  await page.getByTestId('base-url').fill(ryze.emulator.baseUrl);
  await page.getByTestId('token').fill(ryze.emulator.accountToken);
  await page.getByTestId('continue').click();
  await expect(page.getByTestId('instance-option').first()).toBeVisible();
  await expectNoEnglish(page, 'instance picker');
  await page.getByTestId('instance-option').filter({ hasText: 'support' }).click();

  await expect(page.getByTestId('chat-row').nth(5)).toBeVisible();
  await expect(page.getByTestId('chats-tab')).toHaveText('Conversas');
  await expect(page.getByTestId('chat-search')).toHaveAttribute(
    'placeholder',
    'Buscar conversas e mensagens',
  );
  await expect(page.getByTestId('sign-out')).toHaveText('Sair');
  await expect(page.getByTestId('pending-count')).toHaveText('Todas as alterações salvas');
  await expectNoEnglish(page, 'chat list');

  await page.getByTestId('chat-search').fill(ryze.emulator.bigChatJid.split('@')[0]!);
  // The row the search found, not whichever row is first while the list is still being filtered.
  await page
    .locator(`[data-testid="chat-row"][data-jid="${ryze.emulator.bigChatJid}"]`)
    .getByRole('button')
    .first()
    .click();
  await expect(page.getByTestId('message-row').nth(5)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fechar conversa' })).toBeVisible();
  await expectNoEnglish(page, 'messages');

  // The same instant reads differently in each language: 24-hour clock and Portuguese month names.
  const pt = await messageTime(page, 'pt-BR');
  expect(pt.shown).toContain(pt.expected);
  expect(pt.shown).not.toMatch(/AM|PM/);
  expect(pt.tooltip).toBe(pt.expectedTooltip);
  expect(pt.tooltip).toMatch(/ de /); // e.g. "1 de nov. de 2026 12:00"

  await page.getByTestId('chat-search').fill('pedido');
  await expect(page.getByTestId('message-hit').first()).toBeVisible();
  await expect(page.getByTestId('search-results').getByRole('heading')).toHaveText(/Mensagens/i);
  await expectNoEnglish(page, 'message search');
  await page.getByTestId('chat-search').fill('');

  await page.getByTestId('chat-row').first().getByTestId('star-button').click();
  await page.getByTestId('favorites-tab').click();
  await expect(page.getByTestId('favorite-chat-row')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: /Conversas favoritas/i })).toBeVisible();
  await expectNoEnglish(page, 'favorites');

  await page.getByTestId('settings-button').click();
  await expect(page.getByText('Idioma')).toBeVisible();
  await expectNoEnglish(page, 'settings');
  await page.keyboard.press('Escape');

  // The choice survives a reload; back in English the same times use English forms.
  await page.reload();
  await expect(page.getByTestId('chats-tab')).toHaveText('Conversas');
  await chooseLanguage(page, 'en');
  await expect(page.getByTestId('chats-tab')).toHaveText('Chats');
  // The check above can see English: in English it finds plenty.
  const english = await shownText(page);
  expect(englishOnly.filter(({ pattern }) => pattern.test(english)).length).toBeGreaterThan(5);
  await page.getByTestId('chat-search').fill(ryze.emulator.bigChatJid.split('@')[0]!);
  // The row the search found, not whichever row is first while the list is still being filtered.
  await page
    .locator(`[data-testid="chat-row"][data-jid="${ryze.emulator.bigChatJid}"]`)
    .getByRole('button')
    .first()
    .click();
  await expect(page.getByTestId('message-row').nth(5)).toBeVisible();
  const inEnglish = await messageTime(page, 'en');
  expect(inEnglish.shown).toContain(inEnglish.expected);
  expect(inEnglish.shown).toMatch(/AM|PM/);
  expect(inEnglish.tooltip).toBe(inEnglish.expectedTooltip);
  expect(inEnglish.tooltip).not.toBe(pt.tooltip);
});

test('the theme picker switches the color scheme, and "system" follows the OS', async ({ page, ryze }) => {
  const scheme = () =>
    page.evaluate(() => ({
      theme: document.documentElement.dataset.theme,
      colorScheme: getComputedStyle(document.documentElement).colorScheme,
      background: getComputedStyle(document.body).backgroundColor,
    }));
  await page.emulateMedia({ colorScheme: 'light' });
  await openSignedIn(page, ryze);
  const light = await scheme();
  expect(light).toMatchObject({ theme: 'light', colorScheme: 'light' });

  await page.getByTestId('settings-button').click();
  await page.getByTestId('theme-select').selectOption('dark');
  await expect.poll(scheme).toMatchObject({ theme: 'dark', colorScheme: 'dark' });
  expect((await scheme()).background).not.toBe(light.background);

  // "Dark" is kept across a reload even though the OS says light.
  await page.reload();
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
  expect(await scheme()).toMatchObject({ theme: 'dark', colorScheme: 'dark' });

  await page.getByTestId('settings-button').click();
  await page.getByTestId('theme-select').selectOption('light');
  await expect.poll(scheme).toMatchObject({ theme: 'light', colorScheme: 'light' });

  // "Match system" follows the OS setting as it changes.
  await page.getByTestId('theme-select').selectOption('system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(scheme).toMatchObject({ theme: 'dark', colorScheme: 'dark' });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(scheme).toMatchObject({ theme: 'light', colorScheme: 'light' });
});
