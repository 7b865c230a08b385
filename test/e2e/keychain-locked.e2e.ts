import { lockKeyring, unlockKeyring } from '../support/keyring-lock.ts';
import { expect, openSignedIn, test } from './harness/fixture.ts';

/**
 * A keyring locked between two runs reads as "no token" through keytar. The window must not invite the
 * user to paste the token again (it could not be stored either): it asks to unlock the keyring, and
 * "Try again" opens the account once it is.
 */
test('a locked keyring asks to be unlocked instead of asking for the token, then signs in by itself', async ({
  page,
  ryze,
}) => {
  await openSignedIn(page, ryze);

  lockKeyring();
  try {
    await ryze.restart();
    await page.reload();
    const locked = page.getByTestId('keychain-locked');
    await expect(locked.getByRole('heading', { name: 'Unlock your keyring' })).toBeVisible();
    await expect(locked).toContainText('The token of your signed-in account is in the system keyring');
    await expect(page.getByTestId('token')).toHaveCount(0);

    // Still locked: it says so and stays.
    await page.getByTestId('keychain-retry').click();
    await expect(locked).toContainText('The keyring is still locked or unavailable.');
    await expect(page.getByTestId('token')).toHaveCount(0);
  } finally {
    unlockKeyring();
  }
  await page.getByTestId('keychain-retry').click();
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
});
