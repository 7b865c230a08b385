import { KeytarSecretStore } from '../../main/secrets/keytar-store.ts';
import type { SecretStore } from '../../main/secrets/secret-store.ts';
import { testKeychainService } from '../support/app-harness.ts';
import type { Page } from '@playwright/test';
import { expect, openSignedIn, test } from './harness/fixture.ts';

test('the window opens at once and says the app is opening until the last session is back', async ({
  page,
  ryze,
}) => {
  await openSignedIn(page, ryze);

  // Restart with a keychain that answers only when the test says: the start (the store opening in its
  // worker, then the session restored from the keychain) is not done until then.
  const keychain = new KeytarSecretStore(testKeychainService);
  let answer: () => void = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const slowKeychain: SecretStore = {
    get: async (account) => (await answered, keychain.get(account)),
    set: (account, secret) => keychain.set(account, secret),
    delete: (account) => keychain.delete(account),
  };
  await ryze.restart({ appOptions: { secretStore: slowKeychain }, background: true });
  await page.reload();
  await expect(page.getByTestId('app-opening')).toHaveText('Opening your chats…');
  await expect(page.getByTestId('token')).toHaveCount(0); // not taken for signed out meanwhile

  answer();
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
  await expect(page.getByTestId('app-opening')).toHaveCount(0);
});

/** Holds the app's own chunk (the entry loads it after asking main its first questions) until `release`. */
async function holdAppChunk(page: Page): Promise<() => void> {
  let release = (): void => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/start-app-*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('a warm start never shows "Opening your chats…": the session was asked for while the code loaded', async ({
  page,
  ryze,
}) => {
  await openSignedIn(page, ryze);

  // Every frame the window is about to paint, note whether it says it is opening.
  await page.addInitScript(() => {
    const w = window as unknown as { openingFrames: number };
    w.openingFrames = 0;
    const look = (): void => {
      if (document.querySelector('[data-testid="app-opening"]')) w.openingFrames++;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  // A slow disk or a busy machine: the app's code arrives well after main has answered.
  const release = await holdAppChunk(page);
  const reloaded = page.reload();
  await page.waitForTimeout(500);
  release();
  await reloaded;
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { openingFrames: number }).openingFrames)).toBe(0);
});

test('a sign-out while the code is still loading is not lost: the window opens signed out', async ({
  page,
  ryze,
}) => {
  await openSignedIn(page, ryze);

  // Main has answered the entry's session question (signed in) before the sign-out happens.
  const router = ryze.app.router;
  const handle = router.handle.bind(router);
  let answered = (): void => {};
  const sessionAnswered = new Promise<void>((resolve) => (answered = resolve));
  router.handle = async (...args: Parameters<typeof handle>) => {
    const result = await handle(...args);
    if (args[0] === 'session:get') answered();
    return result;
  };
  const release = await holdAppChunk(page);
  const reloaded = page.reload();
  await sessionAnswered;
  // Signed out through the page's bridge (as the account menu would), while the app's code is held.
  const signedOut = await page.evaluate(() => window.ryze['session:signOut'](undefined));
  expect(signedOut.ok && signedOut.value.signedIn).toBe(false);
  // Its session:changed event reached the page (the page runs the driver's evaluations in order).
  await page.evaluate(() => 0);
  release();
  await reloaded;

  await expect(page.getByTestId('token')).toBeVisible();
  await expect(page.getByTestId('chat-row')).toHaveCount(0);
});

test('while the code loads, the window already wears the chosen theme, not the system one', async ({
  page,
  ryze,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(ryze.url);
  await page.evaluate(() => localStorage.setItem('ryze.theme', 'dark'));
  const release = await holdAppChunk(page);
  await page.reload();
  const held = await page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    colorScheme: getComputedStyle(document.documentElement).colorScheme,
    mounted: document.getElementById('app')?.childElementCount,
  }));
  expect(held).toEqual({ theme: 'dark', colorScheme: 'dark', mounted: 0 });
  release();
  await expect(page.getByTestId('token')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('when the code of the app cannot load, the window says so and what to do', async ({ page, ryze }) => {
  await page.route('**/assets/start-app-*.js', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(ryze.url);
  await expect(page.getByRole('alert')).toHaveText('Ryze Desktop could not load. Please reinstall the app.');
});
