/**
 * One size of the benchmark, start to end: the emulator (a worker thread of this driver process), the
 * store seeded, the services in their own process (services-process.ts), the built renderer in Chromium
 * joined to them by a socket of their own (socket-bridge.ts), then every measure. Returns the figures for
 * results.json.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { contentSecurityPolicy } from '../../main/shell/csp.ts';
import { accountIdOf } from '../../main/session/account-context.ts';
import { storeFileName } from '../../main/store/database.ts';
import { storeContext } from '../../main/store/store-operations.ts';
import type { FavoriteTarget } from '../../preload/contract.ts';
import { serveRenderer } from '../e2e/harness/static-server.ts';
import { forgetTestTokens, ok } from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { drainFigures } from './drain.ts';
import { EmulatorThread } from './emulator-thread.ts';
import { measureEnqueue } from './enqueue.ts';
import type { FavoriteCall } from './host-protocol.ts';
import {
  armPrependProbe,
  armToggle,
  installProbes,
  openChatAndTime,
  openHitAndTime,
  probePosition,
  toggleResult,
} from './page-probes.ts';
import { readingAndFloor, timedScroll } from './scroll-phases.ts';
import type { SizeProfile } from './profiles.ts';
import { firstRowsBreakdown, medianBreakdown, type FirstRowsBreakdown } from './first-rows-breakdown.ts';
import { ServicesProcess } from './services-process.ts';
import { installSocketBridge } from './socket-bridge.ts';
import { median, percentile, round, seededRandom } from './stats.ts';

const SCROLL_MS = Number(process.env.BENCH_SCROLL_MS ?? 40_000);
const TOGGLES = Number(process.env.BENCH_TOGGLES ?? 500);
const DRAIN_WINDOW_MS = Number(process.env.BENCH_DRAIN_WINDOW_MS ?? 6_000);
const DRAIN_LIMIT = 100;
const OUTBOX_TOGGLES = Number(process.env.BENCH_OUTBOX_TOGGLES ?? 10_000);
const OUTBOX_TARGETS = Number(process.env.BENCH_OUTBOX_TARGETS ?? 2_000);
const ENQUEUE_COMMITS = 5_000;
const FIRST_ROWS_REPS = 5;
/** Time left to an opening before the driver looks at the page (far longer than the first rows take). */
const FIRST_ROWS_SETTLE_MS = 1_500;
/** BENCH_ONLY=lists: the list phases alone (first rows, scroll, heap, search, jump and prepend). */
export const ONLY_LISTS = process.env.BENCH_ONLY === 'lists';
/** A search hit this many messages back from the newest is opened (in a smaller chat, most of it). */
const JUMP_BACK = 90_000;
const JUMP_REPS = 5;
const PREPEND_ROUNDS = 5;
/** What people type: a common word, two words, a two-letter prefix, one letter (the worst case), no match. */
const SEARCH_QUERIES = ['pedido', 'bom dia', 'ob', 'a', 'zzzz'];
/**
 * Pause between star clicks, ms: [min, min + span). HUMAN is a brisk person (~7 clicks a second), the pace
 * the toggle figures are taken at; RAPID (~25 a second, faster than anyone clicks) keeps the page busy with
 * the previous click's re-reads and frames, and is reported beside it with its own floor.
 */
export const HUMAN_PACE = [80, 100] as const;
export const RAPID_PACE = [20, 40] as const;
const RAPID_TOGGLES = 200;
const FLOOR_TOGGLES = 150;
export const DRAIN = { limit: DRAIN_LIMIT, windowMs: DRAIN_WINDOW_MS };
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Phases that are the bench setting up, not the app at work: left out of the store-call figures. */
const setupPhases = ['setup', 'sign in', 'seed', 'enqueue'];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function runSize(
  p: SizeProfile,
  log: (message: string) => void,
): Promise<{ results: Record<string, unknown>; chromium: string }> {
  const results: Record<string, unknown> = {};
  const notes: string[] = [];
  const world = {
    contacts: p.contacts,
    bigChatMessages: p.bigChatMessages,
    messagesPerChat: p.messagesPerChat,
    historyChats: p.historyChats,
  };
  const fast = new EmulatorThread({ ...world, rateLimit: 1_000_000_000 });
  let slow: EmulatorThread | null = null;
  const dir = tempDir('ryze-bench-');
  const services = new ServicesProcess();
  const servers: Array<{ close: () => Promise<void> }> = [];
  let browser: Browser | null = null;
  let chromiumVersion: string;
  const phase = (name: string) => services.request({ cmd: 'phase', name });
  try {
    await fast.start();
    const { baseUrl, accountToken, bigChatJid } = fast.info;
    const accountId = accountIdOf(baseUrl, 'support');
    const port = Number(new URL(baseUrl).port);
    const renderer = await serveRenderer(
      resolve(process.env.BENCH_RENDERER_DIR ?? 'out/renderer'),
      contentSecurityPolicy,
    );
    servers.push(renderer);
    const baseline = await serveRenderer(resolve('test/bench/baseline'), contentSecurityPolicy);
    servers.push(baseline);
    const rendererOrigin = new URL(renderer.url).origin;
    await services.ready;

    // ---- the store ----
    if (p.seed === 'repos') {
      log(`seeding the store through the repos: ${p.contacts} contacts, ${p.historyChats.length + 11} chats`);
      const started = performance.now();
      const out = execFileSync(
        process.execPath,
        [resolve('test/bench/seed-store.ts'), JSON.stringify({ dataDir: dir.path, accountId, ...world })],
        { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
      );
      results.seed = {
        ...(JSON.parse(out.toString()) as Record<string, number>),
        wallMs: round(performance.now() - started, 0),
        how: 'seed-store.ts: the emulator’s own world (same options and seed) written through ChatsRepo.saveContacts and MessagesRepo.save in batches of 1,000, newest first, each chat marked read to its start; no HTTP',
      };
      log(`  seeded: ${JSON.stringify(results.seed)}`);
    }
    await phase('sign in');
    await services.request({ cmd: 'build', dataDir: dir.path, rendererOrigin });
    ok(await services.call('session:beginSignIn', { baseUrl, token: accountToken }));
    ok(await services.call('session:chooseInstance', { instance: 'support' }));
    if (p.seed === 'app') {
      log('seeding the store through the app: contacts (chats:refresh), then history (messages:loadOlder)');
      await phase('seed');
      let start = performance.now();
      const chatCount = ok(await services.call('chats:refresh', undefined)).count;
      const chatsMs = performance.now() - start;
      start = performance.now();
      let held = 0;
      for (let i = 0; i < 50_000; i++) {
        const r = ok(await services.call('messages:loadOlder', { chatJid: bigChatJid }));
        held += r.added;
        if (r.reachedStart) break;
      }
      results.seed = {
        chats: chatCount,
        messages: held,
        chatsMs: round(chatsMs, 0),
        messagesMs: round(performance.now() - start, 0),
        how: 'contacts via chats:refresh; history via messages:loadOlder (the app fetching 50-message pages from the emulator, rate limit lifted; each page one store call and one transaction)',
      };
      log(`  seeded: ${JSON.stringify(results.seed)}`);
    }
    await services.request({ cmd: 'close' });
    const storedMessages = (() => {
      const db = new DatabaseSync(join(dir.path, storeFileName), { readOnly: true });
      try {
        return storeContext(db).messages.page(accountId, bigChatJid, 0, 1).total;
      } finally {
        db.close();
      }
    })();
    if (storedMessages !== p.bigChatMessages)
      throw new Error(
        `expected ${p.bigChatMessages} messages in the big chat, the store has ${storedMessages}`,
      );

    // ---- cold start: the services built over the store to the first chat page answered ----
    await phase('cold start');
    const cold = await services.request<{ coldStartMs: number; rows: number }>({
      cmd: 'coldStart',
      dataDir: dir.path,
      rendererOrigin,
    });
    results.coldStartMs = cold.coldStartMs;
    log(`cold start: ${cold.coldStartMs} ms to the first chat page (${cold.rows} rows)`);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    });
    chromiumVersion = browser.version();
    // The page reaches the services over a loopback WebSocket (bridge-server.ts), which the renderer's CSP
    // (connect-src 'none') would refuse; the app's own pages in Electron use IPC, not a connection.
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1180, height: 760 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await installSocketBridge(page, await services.request<string>({ cmd: 'bridge' }));
    await page.addInitScript(installProbes);
    const cdp = await context.newCDPSession(page);

    // ---- chat list: navigation start → first rows painted ----
    log('chat list: first rows after opening the app');
    await phase('chat list open');
    const chatSamples: number[] = [];
    const chatBreakdowns: FirstRowsBreakdown[] = [];
    for (let rep = 0; rep <= FIRST_ROWS_REPS; rep++) {
      // BENCH_PAGE_PROFILE=file: a CPU profile of the page over one opening, to see where its time went.
      const profiling = process.env.BENCH_PAGE_PROFILE !== undefined && rep === 2;
      if (profiling) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      // Each opening starts from an empty page, as a window's first load does: a reload would first tear
      // down the app already open in it (its document, its heap, its socket), which no start of the app has to.
      await page.goto('about:blank');
      await page.goto(renderer.url);
      // Keep Playwright off the page while it opens: its first evaluation in a new document compiles
      // Playwright's own script on the page's main thread (about 18 ms in a trace here), which lands between
      // the rows' render and their paint. The page's probe records the paint itself; read it once it is done.
      await sleep(FIRST_ROWS_SETTLE_MS);
      const painted = await page.waitForFunction(
        () =>
          (window as unknown as { __bench: { chatRowsPaintedAt: number | null } }).__bench.chatRowsPaintedAt,
        null,
        { timeout: 120_000 },
      );
      const t = (await painted.jsonValue()) as number;
      if (profiling) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(process.env.BENCH_PAGE_PROFILE as string, JSON.stringify(profile));
      }
      // The list also refreshes the address book when it opens; let that finish before the next sample.
      await page.waitForFunction(() => document.querySelector('.refreshing') === null, null, {
        timeout: 300_000,
      });
      await sleep(300);
      if (rep === 0) continue; // rep 0 warms Chromium's caches
      chatSamples.push(t);
      chatBreakdowns.push(await firstRowsBreakdown(page, t));
    }
    results.chatListFirstRowsSamples = chatSamples.map((s) => round(s, 1));
    results.chatListFirstRowsMs = round(median(chatSamples), 1);
    results.chatListFirstRowsBreakdown = medianBreakdown(chatBreakdowns);
    log(`  chat list first rows: ${chatSamples.map((x) => round(x, 0)).join(', ')} ms`);
    log(`  where the time went (medians, ms): ${JSON.stringify(results.chatListFirstRowsBreakdown)}`);

    // ---- message list: click the big chat → its newest rows painted ----
    log(`message list: first rows after opening the ${p.bigChatMessages}-message chat`);
    await phase('message list open');
    const firstChatJid = await page.evaluate(() =>
      document.querySelector('[data-testid="chat-row"]')?.getAttribute('data-jid'),
    );
    if (firstChatJid !== bigChatJid) notes.push(`the big chat was not the first chat row (${firstChatJid})`);
    const messageSamples: number[] = [];
    for (let rep = 0; rep <= FIRST_ROWS_REPS; rep++) {
      const ms = await page.evaluate(openChatAndTime, bigChatJid);
      if (rep > 0) messageSamples.push(ms);
      await sleep(300);
      if (rep < FIRST_ROWS_REPS) {
        await page.evaluate(() => document.querySelector<HTMLElement>('.chat-header button')?.click());
        await page.waitForFunction(() => document.querySelector('[data-testid="message-list"]') === null);
        await sleep(200);
      }
    }
    results.messageListFirstRowsSamples = messageSamples.map((s) => round(s, 1));
    results.messageListFirstRowsMs = round(median(messageSamples), 1);
    log(`  message list first rows: ${messageSamples.map((x) => round(x, 0)).join(', ')} ms`);

    // ---- scroll the message list through the whole big chat ----
    log(`scroll: bottom to top of ${p.bigChatMessages} messages in ${SCROLL_MS / 1000} s`);
    await phase('scroll');
    await sleep(500);
    const scroll = await timedScroll(page, cdp, SCROLL_MS);
    results.scrollCpuMsPerFrame = scroll.cpuMsPerFrame;
    const vsync = median(scroll.deltas);
    results.scrollP95FrameMs = round(percentile(scroll.deltas, 0.95), 2);
    results.scrollFrames = scroll.deltas.length;
    results.scrollMedianFrameMs = round(vsync, 2);
    results.scrollMaxFrameMs = round(Math.max(...scroll.deltas), 2);
    results.scrollDroppedFramePct = round(
      (100 * scroll.deltas.filter((d) => d > vsync * 1.5).length) / scroll.deltas.length,
      2,
    );
    results.scrollRowsPerFrame = round(scroll.rowsPerFrame, 1);
    results.scrollPlaceholderFramePct = round(
      (100 * scroll.placeholderFrames) / Math.max(1, scroll.deltas.length + 1),
      1,
    );
    results.longTasksOver50ms = scroll.longTasks.length;
    results.longTasks = scroll.longTasks.map((t) => round(t.duration, 0));
    results.scrollSlowFrames = scroll.slowFrames.map((f) => ({
      ...f,
      ms: round(f.ms, 1),
      progress: round(f.progress, 3),
    }));
    results.scrollLongFrames = scroll.longFrames;
    await sleep(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    results.rendererHeapMB = round(await heapMB(cdp), 1);
    results.rendererDomNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    log(
      `  scroll p95 ${results.scrollP95FrameMs} ms, ${scroll.deltas.length} frames, ${scroll.longTasks.length} long tasks; heap ${results.rendererHeapMB} MB`,
    );

    Object.assign(results, await readingAndFloor(page, context, cdp, SCROLL_MS, log));

    // ---- message search over every stored message ----
    log('search: first page of results, as the search box asks on each keystroke');
    await phase('search');
    const searchMs: Record<string, number> = {};
    for (const query of SEARCH_QUERIES) {
      const times: number[] = [];
      let found = '';
      for (let run = 0; run < 5; run++) {
        const start = performance.now();
        const hits = ok(await services.call('search:messages', { query, offset: 0, limit: 50 }));
        times.push(performance.now() - start);
        found = `${hits.total}${hits.atLeast ? '+' : ''}`;
      }
      searchMs[`${query} (${found} hits)`] = round(median(times), 2);
    }
    results.searchFirstPageMs = searchMs;
    results.searchMaxMedianMs = Math.max(...Object.values(searchMs));
    log(
      `  ${Object.entries(searchMs)
        .map(([q, ms]) => `${q}: ${ms} ms`)
        .join('; ')}`,
    );

    // ---- jump: open a search hit 90,000 messages back → that message painted in view ----
    const jumpBack = Math.min(JUMP_BACK, Math.floor(p.bigChatMessages * 0.9) - 200 * (JUMP_REPS + 1));
    log(`jump: open a search hit ${jumpBack} messages back, ${JUMP_REPS} times`);
    await phase('jump');
    const jumpSamples: number[] = [];
    for (let rep = 0; rep < JUMP_REPS; rep++) {
      // A message with an order number in it, so searching that number finds it among few hits.
      const around = ok(
        await services.call('messages:page', {
          chatJid: bigChatJid,
          offset: p.bigChatMessages - jumpBack - 200 * (rep + 1),
          limit: 200,
        }),
      );
      let target: { id: string; query: string } | null = null;
      for (const m of around.rows) {
        const n = /\b(\d{5})\b/.exec(m.text)?.[1];
        if (!n) continue;
        const hits = ok(await services.call('search:messages', { query: n, offset: 0, limit: 50 }));
        if (hits.rows.some((h) => h.id === m.id)) {
          target = { id: m.id, query: n };
          break;
        }
      }
      if (!target) throw new Error(`no searchable message found ${jumpBack} back`);
      // Start from the newest messages, as a reader would be.
      await page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="message-list"]');
        if (el) el.scrollTop = el.scrollHeight;
      });
      await page.getByTestId('chat-search').fill(target.query);
      await page.waitForSelector(`[data-testid="message-hit"][data-id="${target.id}"]`, { timeout: 30_000 });
      await sleep(300);
      jumpSamples.push(await page.evaluate(openHitAndTime, target.id));
      await page.getByTestId('chat-search').fill('');
      await sleep(500);
    }
    results.jumpBack = jumpBack;
    results.jumpToMessageSamples = jumpSamples.map((x) => round(x, 1));
    results.jumpToMessageMs = round(median(jumpSamples), 1);
    results.jumpToMessageMaxMs = round(Math.max(...jumpSamples), 1);
    log(`  jump to message: ${jumpSamples.map((x) => round(x, 0)).join(', ')} ms`);

    // ---- prepend: how far the message on screen moves when an older page lands ----
    // A group chat: not seeded past its newest page, so older pages come from the server as it is read.
    const prependChat = fast.info.groupJids[0] as string;
    log(`prepend: ${PREPEND_ROUNDS} older pages landing in a chat being read (${prependChat})`);
    await phase('prepend');
    ok(await services.call('messages:loadOlder', { chatJid: prependChat })); // its newest page: the chat joins the list
    const chatTotal = async (): Promise<number> =>
      ok(await services.call('messages:page', { chatJid: prependChat, offset: 0, limit: 1 })).total;
    await page.getByTestId('chat-search').fill('');
    await page.locator(`[data-testid="chat-row"][data-jid="${prependChat}"] button`).first().click();
    await page.waitForSelector('[data-testid="message-row"]');
    await sleep(500);
    const shifts: number[] = [];
    for (let r = 0; r < PREPEND_ROUNDS; r++) {
      const before = await chatTotal();
      const probe = await page.evaluate(armPrependProbe);
      if (!probe) throw new Error('no message at the probe point');
      await waitUntil(async () => (await chatTotal()) > before, 30_000, 'an older page to land');
      await sleep(400);
      const y = await page.evaluate(probePosition, probe.id);
      shifts.push(y === null ? Number.POSITIVE_INFINITY : Math.abs(y - probe.y));
    }
    results.prependShiftSamplesPx = shifts.map((x) => round(x, 1));
    results.prependShiftPx = round(Math.max(...shifts), 1);
    log(`  prepend shift: ${shifts.map((x) => round(x, 1)).join(', ')} px`);
    if (ONLY_LISTS) {
      await servicesFigures(services, results, null);
      results.notes = notes;
      return { results, chromium: chromiumVersion };
    }

    const random = seededRandom(7);
    /** The pause between two clicks at `pace`: random, so clicks land at every phase of the frame. */
    const pause = (pace: readonly [number, number]) => sleep(pace[0] + Math.floor(random() * pace[1]));
    const bpage = await context.newPage();
    if (p.baselines) {
      await baselines(
        bpage,
        baseline.url,
        join(dir.path, storeFileName),
        accountId,
        bigChatJid,
        p,
        results,
        log,
      );
    } else {
      notes.push(`naive lists not built at ${p.name} (a ${p.bigChatMessages}-row DOM); see the 1x run`);
    }
    // The floor for a toggle: a page with one button that flips aria-pressed, measured the same way.
    await bpage.addInitScript(installProbes);
    await bpage.goto(`${baseline.url}?floor#floor`);
    const floorRun = async (pace: readonly [number, number]) => {
      const floor: number[] = [];
      for (let i = 0; i < FLOOR_TOGGLES; i++) {
        const { x, y } = await bpage.evaluate(armToggle, '#floor');
        await bpage.mouse.click(x, y);
        await pause(pace);
        const r = await bpage.evaluate(toggleResult);
        floor.push(r.t1 - r.t0);
      }
      return {
        p50Ms: round(median(floor), 1),
        p95Ms: round(percentile(floor, 0.95), 1),
        toggles: floor.length,
      };
    };
    results.toggleFloor = await floorRun(HUMAN_PACE);
    results.toggleFloorRapid = await floorRun(RAPID_PACE);
    await bpage.close();

    // ---- star toggles: click → aria-pressed flipped and painted ----
    const toggleTargets = await page.evaluate(() => {
      const visible = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        const list = el
          .closest('[data-testid="chat-list"], [data-testid="message-list"]')
          ?.getBoundingClientRect();
        return !!list && r.top >= list.top && r.bottom <= list.bottom;
      };
      const chats = [...document.querySelectorAll('[data-testid="chat-row"]')].filter(visible).slice(0, 5);
      const messages = [...document.querySelectorAll('[data-testid="message-row"]')]
        .filter(visible)
        .slice(0, 5);
      return [
        ...chats.map(
          (r) =>
            `[data-testid="chat-row"][data-jid="${r.getAttribute('data-jid')}"] [data-testid="star-button"]`,
        ),
        ...messages.map(
          (r) =>
            `[data-testid="message-row"][data-id="${r.getAttribute('data-id')}"] [data-testid="star-button"]`,
        ),
      ];
    });
    if (toggleTargets.length !== 10)
      throw new Error(`expected 10 visible stars, found ${toggleTargets.length}`);
    interface ToggleRun {
      latencies: number[];
      domMs: number[];
      nextFrame: number;
    }
    const toggleRun = async (count: number, pace: readonly [number, number]): Promise<ToggleRun> => {
      const run: ToggleRun = { latencies: [], domMs: [], nextFrame: 0 };
      const expected = new Map<string, boolean>(
        await page.evaluate(
          (sels) =>
            sels.map((s) => [s, document.querySelector(s)?.getAttribute('aria-pressed') === 'true'] as const),
          toggleTargets,
        ),
      );
      for (let i = 0; i < count; i++) {
        // Each of the 10 stars is clicked count/10 times (an even number): every star ends as it started.
        const selector = toggleTargets[i % toggleTargets.length] as string;
        const { x, y } = await page.evaluate(armToggle, selector);
        await page.mouse.click(x, y);
        // The page times the toggle itself; the driver reads it only after the pause before the next click,
        // so its own evaluation does not run on the page between the click and the paint.
        await pause(pace);
        const r = await page.evaluate(toggleResult).catch((e: unknown) => {
          throw new Error(`toggle ${i} on ${selector} did not repaint: ${String(e)}`);
        });
        if (!r.flipped) throw new Error(`star did not flip: ${selector}`);
        expected.set(selector, !expected.get(selector));
        if (i % 50 === 49) {
          const shown = await page.evaluate(
            (sels) => sels.map((s) => document.querySelector(s)?.getAttribute('aria-pressed') === 'true'),
            toggleTargets,
          );
          const wrong = toggleTargets.filter((sel, k) => shown[k] !== expected.get(sel));
          if (wrong.length > 0)
            throw new Error(`stars not as clicked after ${i + 1} toggles: ${wrong.join(', ')}`);
        }
        run.latencies.push(r.t1 - r.t0);
        run.domMs.push(r.domAt - r.t0);
        if (r.nextFrame) run.nextFrame++;
      }
      return run;
    };
    const toggleFigures = (run: ToggleRun) => ({
      p50Ms: round(median(run.latencies), 1),
      p95Ms: round(percentile(run.latencies, 0.95), 1),
      maxMs: round(Math.max(...run.latencies), 1),
      clickToDomP95Ms: round(percentile(run.domMs, 0.95), 2),
      inNextFramePct: round((100 * run.nextFrame) / run.latencies.length, 1),
      toggles: run.latencies.length,
    });

    log(`toggles online: ${TOGGLES} clicks ${HUMAN_PACE[0]}–${HUMAN_PACE[0] + HUMAN_PACE[1]} ms apart`);
    await phase('toggle online');
    const online = await toggleRun(TOGGLES, HUMAN_PACE);
    log(
      `toggles online, rapid: ${RAPID_TOGGLES} clicks ${RAPID_PACE[0]}–${RAPID_PACE[0] + RAPID_PACE[1]} ms apart`,
    );
    const rapid = await toggleRun(RAPID_TOGGLES, RAPID_PACE);
    await waitUntil(
      async () => ok(await services.call('outbox:status', undefined)).pending === 0,
      60_000,
      'the online toggles to drain',
    );

    log(`toggles offline: ${TOGGLES} clicks (emulator stopped)`);
    // While the API is unreachable the live socket retries with backoff, and each attempt flips its state
    // 'unavailable' → 'connecting' → 'unavailable', which hides and shows the connection banner and moves the
    // lists under the pointer (a click then lands on another row). The socket is paused for the clicks (the
    // banner then says "live updates off" steadily) and restarted before the drain, where it would reconnect.
    await services.request({ cmd: 'live', on: false });
    await fast.stop();
    await page.waitForSelector('[data-testid="connection-banner"]', { timeout: 15_000 });
    await sleep(500);
    await phase('toggle offline');
    const offline = await toggleRun(TOGGLES, HUMAN_PACE);
    const onlineFigures = toggleFigures(online);
    const offlineFigures = toggleFigures(offline);
    results.toggleP95MsOnline = onlineFigures.p95Ms;
    results.toggleP95MsOffline = offlineFigures.p95Ms;
    results.toggleP95Ms = Math.max(onlineFigures.p95Ms, offlineFigures.p95Ms);
    results.toggle = {
      pace: `${HUMAN_PACE[0]}–${HUMAN_PACE[0] + HUMAN_PACE[1]} ms between clicks`,
      online: onlineFigures,
      offline: offlineFigures,
      rapidOnline: {
        pace: `${RAPID_PACE[0]}–${RAPID_PACE[0] + RAPID_PACE[1]} ms between clicks`,
        ...toggleFigures(rapid),
      },
    };
    const pendingAfterUi = ok(await services.call('outbox:status', undefined)).pending;
    if (pendingAfterUi !== 0)
      notes.push(`${pendingAfterUi} changes were pending after the UI toggles (expected 0)`);

    await cdp.detach();
    await context.close();
    await browser.close();
    browser = null;

    // ---- outbox: 10,000 toggles over 2,000 targets offline, then reconnect and drain ----
    log(`outbox: ${OUTBOX_TOGGLES} toggles over ${OUTBOX_TARGETS} targets, offline`);
    await phase('outbox toggles (offline)');
    const targets: FavoriteTarget[] = [];
    // Chats and messages nobody clicked above: chats from the 100th row on, messages from the middle of the big
    // chat. Read in the app's own page size (100), as the lists would.
    const half = OUTBOX_TARGETS / 2;
    for (let got = 0; got < half; got += 100) {
      const limit = Math.min(100, half - got);
      for (const chat of ok(await services.call('chats:page', { offset: 100 + got, limit })).rows)
        targets.push({ kind: 'chat', chatJid: chat.jid });
    }
    const middle = Math.floor(p.bigChatMessages * 0.4);
    for (let got = 0; got < half; got += 100) {
      const limit = Math.min(100, half - got);
      const page = ok(
        await services.call('messages:page', { chatJid: bigChatJid, offset: middle + got, limit }),
      );
      for (const m of page.rows) targets.push({ kind: 'message', chatJid: bigChatJid, messageId: m.id });
    }
    if (targets.length !== OUTBOX_TARGETS)
      throw new Error(`expected ${OUTBOX_TARGETS} targets, got ${targets.length}`);
    const wanted = new Array<boolean>(targets.length).fill(false);
    const order: number[] = targets.map((_, i) => i);
    const rng = seededRandom(42);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    // Every target once (shuffled), then the rest at random.
    while (order.length < OUTBOX_TOGGLES) order.push(Math.floor(rng() * targets.length));
    const setTimes: number[] = [];
    for (const k of order) {
      wanted[k] = !wanted[k];
      const start = performance.now();
      ok(
        await services.call('favorites:set', {
          target: targets[k] as FavoriteTarget,
          favorite: wanted[k] as boolean,
        }),
      );
      setTimes.push(performance.now() - start);
    }
    const minimum = wanted.filter(Boolean).length;
    const pending = ok(await services.call('outbox:status', undefined)).pending;
    if (pending !== minimum) notes.push(`outbox held ${pending} entries; the minimum is ${minimum}`);
    results.outboxToggles = OUTBOX_TOGGLES;
    results.outboxTargets = OUTBOX_TARGETS;
    results.outboxMinimumCalls = minimum;
    results.outboxPendingBeforeDrain = pending;
    // From this script to the services process and back: a hop Electron's IPC would make too.
    results.favoritesSetIpcP50Ms = round(median(setTimes), 2);
    results.favoritesSetIpcP95Ms = round(percentile(setTimes, 0.95), 2);

    log(
      `drain: emulator back with ${DRAIN_LIMIT} requests per ${DRAIN_WINDOW_MS} ms window; ${minimum} changes to send`,
    );
    await phase('drain');
    slow = new EmulatorThread({ ...world, rateLimit: DRAIN_LIMIT, rateWindowMs: DRAIN_WINDOW_MS, port });
    await slow.resetCounters();
    await services.request({ cmd: 'resetFavoriteLog' });
    const reconnectAt = performance.timeOrigin + performance.now();
    await services.request({ cmd: 'live', on: true });
    await slow.start();
    await waitUntil(
      async () => ok(await services.call('outbox:status', undefined)).pending === 0,
      Math.ceil(minimum / 90) * (DRAIN_WINDOW_MS + 1500) + 60_000,
      'the outbox to drain',
    );
    const drainedAt = performance.timeOrigin + performance.now();
    const favoriteCalls = await slow.calls('/api/chat/favorite');
    const statuses = await slow.favoriteCalls();
    results.outboxCalls = favoriteCalls;
    results.outboxCallsOverMinimum = round(favoriteCalls / minimum, 3);
    results.outboxCallsOverMinimumBaseline = round(OUTBOX_TOGGLES / minimum, 2);
    results.outboxCallsRatio = round(OUTBOX_TOGGLES / favoriteCalls, 2);
    results.drain429s = statuses.filter((c) => c.status === 429).length;
    results.drainWindowMs = DRAIN_WINDOW_MS;
    results.drainLimitPerWindow = DRAIN_LIMIT;

    // ---- one durable commit: through the app's store client (the hop to the worker included) ----
    log(`enqueue: ${ENQUEUE_COMMITS} durable outbox commits through the store worker, then in one thread`);
    await phase('enqueue');
    const enqueue = await services.request<Record<string, number>>({
      cmd: 'enqueue',
      commits: ENQUEUE_COMMITS,
    });
    results.enqueueP50Ms = enqueue.p50Ms;
    results.enqueueP95Ms = enqueue.p95Ms;
    results.enqueueP99Ms = enqueue.p99Ms;
    results.enqueue = enqueue;
    // For comparison, the commit alone (no hop), FULL then NORMAL, on a store of its own in this process.
    results.enqueueInThread = measureEnqueue(ENQUEUE_COMMITS);

    // ---- what the services process saw ----
    await servicesFigures(services, results, { reconnectAt, drainedAt });
    results.notes = notes;
    return { results, chromium: chromiumVersion };
  } finally {
    await browser?.close().catch(() => undefined);
    for (const server of servers) await server.close().catch(() => undefined);
    await services.stop().catch(() => undefined);
    await slow?.terminate().catch(() => undefined);
    await fast.terminate().catch(() => undefined);
    await forgetTestTokens().catch(() => undefined);
    dir.remove();
  }
}

/**
 * What the services process measured (its event loop, the store worker's calls, IPC, memory), and the
 * drain figures from its record of favorite calls. Closes the services (memory is read with and without
 * the store worker).
 */
async function servicesFigures(
  services: ServicesProcess,
  results: Record<string, unknown>,
  drain: { reconnectAt: number; drainedAt: number } | null,
): Promise<void> {
  const stats = await services.request<
    Record<string, unknown> & {
      favoriteLog: FavoriteCall[];
      loop: { p99Ms: number; maxMs: number; samples: number };
      loopByPhase: Record<string, unknown>;
      idleLoopByPhase: Record<string, { p99Ms: number; maxMs: number; samples: number }>;
      maxStoreCall: { op: string; phase: string; ms: number } | null;
    }
  >({ cmd: 'stats', exclude: setupPhases });
  const { favoriteLog, loop, loopByPhase, idleLoopByPhase, maxStoreCall, ...rest } = stats;
  if (drain) {
    Object.assign(results, drainFigures(favoriteLog, DRAIN_WINDOW_MS));
    results.drainFirstCallAfterReconnectMs = round(
      (favoriteLog[0]?.sentAt ?? drain.reconnectAt) - drain.reconnectAt,
      0,
    );
    results.drainTotalMs = round(drain.drainedAt - drain.reconnectAt, 0);
  }
  results.mainLoopDelayP99Ms = loop.p99Ms;
  results.mainLoopDelayMaxMs = loop.maxMs;
  results.mainLoopDelay = { ...loop, resolutionMs: 5, byPhase: loopByPhase };
  // The floor: a thread beside main that does nothing, measured the same way over the same phases.
  // Its worst delay over the run is its worst phase's (a p99 of the run cannot be made from the phases').
  results.idleLoopDelayMaxMs = Math.max(0, ...Object.values(idleLoopByPhase).map((f) => f.maxMs));
  results.idleLoopDelay = { byPhase: idleLoopByPhase };
  results.storeCallP99Ms = rest.storeCallP99Ms;
  results.maxStoreCallMs = maxStoreCall?.ms ?? 0;
  results.maxStoreCall = maxStoreCall;
  Object.assign(results, {
    storeCalls: rest.storeCalls,
    slowestStoreCalls: rest.slowestStoreCalls,
    storeOps: rest.storeOps,
    historyPageSave: rest.historyPageSave,
    ipcMainMs: rest.ipcMainMs,
    gcPausesOver10ms: rest.gcPausesOver10ms,
    gcMaxPauseMs: rest.gcMaxPauseMs,
    gcLongest: rest.gcLongest,
    mainHeapUsedMB: rest.mainHeapUsedMB,
  });
  Object.assign(results, await services.request<Record<string, number>>({ cmd: 'memory' }));
}

/** The naive lists: every row in one call, all in the DOM, with rows read from the same store file. */
async function baselines(
  bpage: Page,
  url: string,
  storeFile: string,
  accountId: string,
  bigChatJid: string,
  p: SizeProfile,
  results: Record<string, unknown>,
  log: (message: string) => void,
): Promise<void> {
  log(`baselines: naive chat list (${p.contacts} rows) and message list (${p.bigChatMessages} rows)`);
  // Read here, not by the services: the naive one-call read is the baseline's cost, not the app's main thread.
  const db = new DatabaseSync(storeFile, { readOnly: true });
  const store = storeContext(db);
  await bpage.exposeBinding('__benchAll', (_source, kind: unknown) =>
    JSON.stringify(
      kind === 'chats'
        ? store.chats.page(accountId, 0, p.contacts + 100)
        : store.messages.page(accountId, bigChatJid, 0, p.bigChatMessages),
    ),
  );
  const bcdp = await bpage.context().newCDPSession(bpage);
  type BaselineRun = {
    firstRowsMs: number;
    fetchMs: number;
    buildMs: number;
    paintMs: number;
    rows: number;
    domNodes: number;
  };
  const chats: BaselineRun[] = [];
  for (let rep = 0; rep <= 3; rep++) {
    await bpage.goto(`${url}?rep=${rep}#chats`);
    const r = await bpage.evaluate(
      () => (window as unknown as { benchResult: Promise<BaselineRun> }).benchResult,
    );
    if (rep > 0) chats.push(r);
  }
  const messages: BaselineRun[] = [];
  // ~30 s each: one warm-up, one measured.
  for (let rep = 0; rep <= 1; rep++) {
    await bpage.goto(`${url}?rep=${rep}#messages`);
    const r = await bpage.evaluate(() =>
      (window as unknown as { benchOpen: (k: string) => Promise<BaselineRun> }).benchOpen('messages'),
    );
    if (rep > 0) messages.push(r);
    log(
      `  baseline messages rep ${rep}: ${round(r.firstRowsMs, 0)} ms (${r.rows} rows, ${r.domNodes} DOM nodes)`,
    );
  }
  db.close();
  await bcdp.send('HeapProfiler.collectGarbage');
  await bcdp.send('Performance.enable');
  results.rendererHeapMBBaseline = round(await heapMB(bcdp), 1);
  results.rendererDomNodesBaseline = messages[0]?.domNodes;
  results.chatListFirstRowsMsBaseline = round(median(chats.map((r) => r.firstRowsMs)), 1);
  results.chatListFirstRowsRatio = round(
    (results.chatListFirstRowsMsBaseline as number) / (results.chatListFirstRowsMs as number),
    1,
  );
  results.messageListFirstRowsMsBaseline = round(median(messages.map((r) => r.firstRowsMs)), 1);
  results.messageListFirstRowsRatio = round(
    (results.messageListFirstRowsMsBaseline as number) / (results.messageListFirstRowsMs as number),
    1,
  );
  results.rendererHeapRatioJsOnly = round(
    (results.rendererHeapMBBaseline as number) / (results.rendererHeapMB as number),
    1,
  );
  results.baselineBreakdown = { chats: summarize(chats), messages: summarize(messages) };
  await bcdp.detach();
}

async function heapMB(session: {
  send(method: 'Performance.getMetrics'): Promise<{ metrics: Array<{ name: string; value: number }> }>;
}): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return used / (1024 * 1024);
}

function summarize(runs: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(runs[0] ?? {}))
    out[key] = round(median(runs.map((r) => r[key] as number)), 1);
  return out;
}
