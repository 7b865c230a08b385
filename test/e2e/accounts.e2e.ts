import { expect, signInThroughUi, test } from './harness/fixture.ts';

test('switch instances of an account token in one window, and start adding another account', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('instance-name')).toHaveText('support');
  await expect(page.getByTestId('chat-row').first()).toBeVisible();

  await page.getByTestId('accounts-button').click();
  await page.getByTestId('other-instance-option').filter({ hasText: 'sales' }).click();
  await expect(page.getByTestId('instance-name')).toHaveText('sales');

  await page.getByTestId('accounts-button').click();
  await expect(page.getByTestId('account-option')).toHaveCount(2);
  await page.getByTestId('account-option').filter({ hasText: 'support' }).click();
  await expect(page.getByTestId('instance-name')).toHaveText('support');
  await expect(page.getByTestId('chat-row').first()).toBeVisible();

  await page.getByTestId('accounts-button').click();
  await page.getByTestId('add-account').click();
  await expect(page.getByTestId('token')).toBeVisible();
  await page.getByTestId('back-to-account').click();
  await expect(page.getByTestId('instance-name')).toHaveText('support');
});
