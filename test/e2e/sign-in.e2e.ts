import keytar from 'keytar';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { accountIdOf } from '../../main/session/account-context.ts';
import { en } from '../../renderer/src/i18n/en.ts';
import { ptBR } from '../../renderer/src/i18n/pt-BR.ts';
import { testKeychainService } from '../support/app-harness.ts';
import { expect, signInThroughUi, test } from './harness/fixture.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Everything the page holds that a script could read: DOM, globals, storage, IndexedDB. */
async function pageContents(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [document.documentElement.outerHTML];
    for (const input of Array.from(document.querySelectorAll('input'))) parts.push(input.value);
    for (const key of Object.getOwnPropertyNames(window)) {
      try {
        const value = (window as unknown as Record<string, unknown>)[key];
        if (typeof value === 'string') parts.push(value);
        else if (value && typeof value === 'object' && !(value instanceof Node) && value !== window) {
          parts.push(JSON.stringify(value) ?? '');
        }
      } catch {
        // cyclic or cross-origin values cannot hold our strings
      }
    }
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++)
        parts.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
    }
    const databases = await indexedDB.databases();
    parts.push(JSON.stringify(databases));
    return parts.join('\n');
  });
}

test('sign in, browse and search chats, stay signed in across a restart, sign out', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  await expect(page.getByTestId('base-url')).toHaveValue('https://ryzeapi.cloud');
  await signInThroughUi(page, ryze);

  // The token went to the OS keychain.
  const accountId = accountIdOf(ryze.emulator.baseUrl, 'support');
  expect(await keytar.getPassword(testKeychainService, accountId)).toBe(ryze.emulator.accountToken);

  // The chat list shows the emulator's contacts, and search narrows it.
  const rows = page.getByTestId('chat-row');
  await expect(rows.first()).toBeVisible();
  const firstName = (await rows.first().getByTestId('chat-name').first().textContent())?.trim() ?? '';
  const word = firstName.split(' ')[0] ?? firstName;
  const before = await rows.count();
  await page.getByTestId('chat-search').fill(word);
  await expect(rows.first()).toContainText(word);
  await expect.poll(() => rows.count()).toBeLessThan(before);
  await page.getByTestId('chat-search').fill('');

  // Restart the services and reload: still signed in, no prompt.
  await ryze.restart();
  await page.reload();
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
  await expect(page.getByTestId('token')).toHaveCount(0);

  const token = ryze.emulator.accountToken;
  expect(await pageContents(page)).not.toContain(token);
  for (const file of filesUnder(ryze.dataDir)) expect(readFileSync(file).includes(token), file).toBe(false);

  // Sign out (once confirmed) removes the keychain entry and returns to sign-in.
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-out-confirm').click();
  await expect(page.getByTestId('token')).toBeVisible();
  expect(await keytar.getPassword(testKeychainService, accountId)).toBeNull();
  expect(await pageContents(page)).not.toContain(token);
});

test('a wrong token is refused with a clear message and nothing is stored', async ({ page, ryze }) => {
  await page.goto(ryze.url);
  await page.getByTestId('base-url').fill(ryze.emulator.baseUrl);
  await page.getByTestId('token').fill('definitely-not-a-token');
  await page.getByTestId('continue').click();
  await expect(page.getByTestId('error-banner')).toContainText(/token/i);
  await expect(page.getByTestId('token')).toHaveValue('');
  expect(await keytar.findCredentials(testKeychainService)).toEqual([]);
});

test('an address the token must not go to is refused in the form, saying why in either language', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  const address = page.getByTestId('base-url');
  const problem = page.getByTestId('base-url-problem');
  await address.fill('http://ryzeapi.cloud');
  await page.getByTestId('token').fill(ryze.emulator.accountToken);
  await page.getByTestId('continue').click();
  await expect(problem).toHaveText(en['signIn.baseUrlProblem.insecure']);
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toBeFocused();

  await page.getByTestId('settings-button').click();
  await page.getByTestId('language-select').selectOption('pt-BR');
  await page.keyboard.press('Escape');
  await expect(problem).toHaveText(ptBR['signIn.baseUrlProblem.insecure']);

  // Typing clears the complaint; a user name and password in the address is refused without quoting them.
  await address.fill('https://someone:hunter2@ryzeapi.cloud');
  await expect(problem).toHaveCount(0);
  await page.getByTestId('continue').click();
  await expect(problem).toHaveText(ptBR['signIn.baseUrlProblem.userInfo']);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  expect(await page.locator('body').innerText()).not.toContain('hunter2');

  // The token was kept for the retry, and never sent: a fixed address signs in.
  expect(ryze.app.services.session.secrets()).not.toContain(ryze.emulator.accountToken);
  await address.fill(ryze.emulator.baseUrl);
  await page.getByTestId('continue').click();
  await expect(page.getByTestId('instance-option').first()).toBeVisible();
});
