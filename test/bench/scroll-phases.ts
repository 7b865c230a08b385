/**
 * The message list's scrolls besides the whole-list one (run.ts): one at a reading pace, where every row on
 * screen is built, and both on a page that does nothing but scroll, which gives this machine's floor at that
 * moment (a loaded machine drops frames even there). Beside frame times, each reports the page's main-thread
 * CPU time per frame: other processes on a busy machine stretch frames, not that.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright';
import { installProbes, scrollFloorHtml, scrollMessagesThrough } from './page-probes.ts';
import { percentile, round } from './stats.ts';

/** A brisk wheel scroll: about 40 px a frame, well under a screen, so no fling and every row is built. */
const READING_PX_PER_S = 2_400;
const READING_SCROLL_MS = 15_000;

/** The page's main-thread CPU time so far, ms (needs the Performance domain enabled). */
export async function threadTimeMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

type Scroll = Awaited<ReturnType<typeof scrollMessagesThrough>>;

/** Runs one scroll on `page` and returns it with the main-thread CPU time it cost per frame. */
export async function timedScroll(
  page: Page,
  cdp: CDPSession,
  how: Parameters<typeof scrollMessagesThrough>[0],
): Promise<Scroll & { cpuMsPerFrame: number }> {
  await cdp.send('Performance.enable');
  const before = await threadTimeMs(cdp);
  const scroll = await page.evaluate(scrollMessagesThrough, how);
  const cpu = (await threadTimeMs(cdp)) - before;
  return { ...scroll, cpuMsPerFrame: round(cpu / Math.max(1, scroll.deltas.length), 2) };
}

/** The reading-pace scroll of the open chat from its newest message, then both scrolls on the floor page. */
export async function readingAndFloor(
  page: Page,
  context: BrowserContext,
  cdp: CDPSession,
  wholeListMs: number,
  log: (message: string) => void,
): Promise<Record<string, unknown>> {
  log(`scroll at a reading pace: ${READING_PX_PER_S} px/s for ${READING_SCROLL_MS / 1000} s from the newest`);
  const readingPace = { durationMs: READING_SCROLL_MS, pxPerSecond: READING_PX_PER_S };
  await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="message-list"]');
    if (el) el.scrollTop = el.scrollHeight;
  });
  await new Promise((r) => setTimeout(r, 1000));
  const reading = await timedScroll(page, cdp, readingPace);

  const floorPage = await context.newPage();
  const floorCdp = await context.newCDPSession(floorPage);
  await floorPage.setContent(scrollFloorHtml);
  await floorPage.evaluate(installProbes);
  const floorWhole = await timedScroll(floorPage, floorCdp, wholeListMs / 4);
  const floorReading = await timedScroll(floorPage, floorCdp, readingPace);
  await floorCdp.detach();
  await floorPage.close();

  const figures = {
    readingScrollP95FrameMs: round(percentile(reading.deltas, 0.95), 2),
    readingScrollLongTasksOver50ms: reading.longTasks.length,
    readingScrollCpuMsPerFrame: reading.cpuMsPerFrame,
    readingScrollPlaceholderFramePct: round(
      (100 * reading.placeholderFrames) / Math.max(1, reading.deltas.length + 1),
      1,
    ),
    readingScrollLongFrames: reading.longFrames,
    scrollFloorP95FrameMs: round(percentile(floorWhole.deltas, 0.95), 2),
    scrollFloorCpuMsPerFrame: floorWhole.cpuMsPerFrame,
    readingScrollFloorP95FrameMs: round(percentile(floorReading.deltas, 0.95), 2),
    readingScrollFloorCpuMsPerFrame: floorReading.cpuMsPerFrame,
  };
  log(
    `  reading scroll p95 ${figures.readingScrollP95FrameMs} ms, ${reading.longTasks.length} long tasks, ${reading.cpuMsPerFrame} ms CPU a frame, placeholders in ${figures.readingScrollPlaceholderFramePct}% of frames`,
  );
  log(
    `  floor (a page that only scrolls): p95 ${figures.scrollFloorP95FrameMs} ms through, ${figures.readingScrollFloorP95FrameMs} ms at a reading pace`,
  );
  return figures;
}
