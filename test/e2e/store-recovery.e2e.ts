import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storeFileName } from '../../main/store/database.ts';
import { expect, signInThroughUi, test } from './harness/fixture.ts';

test('a corrupt store is set aside, the app starts anyway and says what happened', async ({ page, ryze }) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').first()).toBeVisible();

  await ryze.restart({
    beforeStart: () => writeFileSync(join(ryze.dataDir, storeFileName), 'not a database '.repeat(500)),
  });
  await page.reload();
  await expect(page.getByTestId('error-banner')).toContainText('set aside');
  // The token is still in the keychain, but the new store does not know the account: sign in again.
  await expect(page.getByTestId('token')).toBeVisible();
});
