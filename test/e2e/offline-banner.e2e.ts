import { expect, signInThroughUi, test } from './harness/fixture.ts';

/**
 * Offline, the live socket keeps retrying in the background. None of that may reach the screen: the
 * offline banner comes up once and stays, the same words in the same box, so the lists under it do not
 * move while the user is starring things.
 */
test('offline: the banner stays up through the retries and the chat list does not move', async ({
  page,
  ryze,
}) => {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect.poll(() => ryze.app.services.live.status().live).toBe('open');
  const firstStar = page.getByTestId('chat-row').first().getByTestId('star-button');
  await expect(firstStar).toBeVisible();

  await ryze.emulator.stop();
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toHaveAttribute('data-offline', 'true');
  await expect(banner).toContainText(/offline/i);
  await expect(page.getByTestId('status-bar').locator('[data-online="false"]')).toBeVisible();
  // The instance's WhatsApp state cannot be checked offline: the header says it is the last one known.
  await expect(page.getByTestId('instance-state')).toContainText('Last known: Connected');

  // From here on, record every change to the banners and every move of the first star, frame by frame.
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="connection-banner"]')!.parentElement!;
    const star = () => document.querySelector('[data-testid="chat-row"] [data-testid="star-button"]');
    const w = window as unknown as { __watch: { changes: number; tops: Set<number> } };
    w.__watch = { changes: 0, tops: new Set() };
    new MutationObserver((records) => (w.__watch.changes += records.length)).observe(region, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    const sample = () => {
      const top = star()?.getBoundingClientRect().top;
      if (top !== undefined) w.__watch.tops.add(Math.round(top));
      requestAnimationFrame(sample);
    };
    sample();
  });
  // With the harness's fixed jitter the socket retries about 1.2, 1.4, 1.8, 2.6, 4.2 and 7.4 s apart:
  // 12 s covers several attempts (each one used to flip the banner off and on again).
  await page.waitForTimeout(12_000);
  const watch = await page.evaluate(() => {
    const w = (window as unknown as { __watch: { changes: number; tops: Set<number> } }).__watch;
    return { changes: w.changes, tops: [...w.tops] };
  });
  expect(watch.changes).toBe(0);
  expect(watch.tops).toHaveLength(1);
  await expect(banner).toHaveAttribute('data-offline', 'true');

  // Back online: the banner goes as soon as RyzeAPI answers and the socket opens again.
  await ryze.emulator.start();
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('status-bar').locator('[data-online="true"]')).toBeVisible();
  await expect(page.getByTestId('instance-state')).not.toContainText('Last known');
});
