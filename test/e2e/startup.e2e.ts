import { KeytarSecretStore } from '../../main/secrets/keytar-store.ts';
import type { SecretStore } from '../../main/secrets/secret-store.ts';
import { testKeychainService } from '../support/app-harness.ts';
import { expect, signInThroughUi, test } from './harness/fixture.ts';

test('the window opens at once and says the app is opening until the last session is back', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').first()).toBeVisible();

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
