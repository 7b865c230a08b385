/**
 * Code that runs inside the page (installed with addInitScript or passed to page.evaluate). "Painted" means:
 * the change is in the DOM, then the next animation frame ran, then a task queued from that frame's rAF ran,
 * i.e. the frame that carries the change has been rendered by the main thread.
 */

/** Installed before any page script: long-task log, paint helpers, and the chat list's first-rows time. */
export function installProbes(): void {
  interface Bench {
    longTasks: Array<{ start: number; duration: number }>;
    longFrames: LongFrame[];
    chatRowsPaintedAt: number | null;
    /** rAF timestamp of the frame the last afterPaint() waited for, and when its check last passed. */
    lastPaintFrame: number;
    lastCheckAt: number;
    afterPaint(): Promise<number>;
    whenPainted(check: () => boolean, timeoutMs: number): Promise<number>;
  }
  const afterPaint = (): Promise<number> =>
    new Promise((resolve) =>
      requestAnimationFrame((frame) => {
        bench.lastPaintFrame = frame;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  /** Resolves with the time the first frame in which `check()` holds was painted. */
  const whenPainted = (check: () => boolean, timeoutMs: number): Promise<number> =>
    new Promise((resolve, reject) => {
      let done = false;
      const finish = (): void => {
        done = true;
        bench.lastCheckAt = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        void afterPaint().then(resolve);
      };
      const observer = new MutationObserver(() => {
        if (!done && check()) finish();
      });
      const timer = setTimeout(() => {
        if (done) return;
        observer.disconnect();
        reject(new Error('timed out waiting for a paint'));
      }, timeoutMs);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      if (check()) finish();
    });
  const bench: Bench = {
    longTasks: [],
    longFrames: [],
    chatRowsPaintedAt: null,
    lastPaintFrame: 0,
    lastCheckAt: 0,
    afterPaint,
    whenPainted,
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames (≥ 50 ms) with what ran in them, to say why a long task happened.
  interface LoafScript {
    invoker: string;
    sourceFunctionName: string;
    duration: number;
    forcedStyleAndLayoutDuration: number;
  }
  interface Loaf {
    startTime: number;
    duration: number;
    renderStart: number;
    styleAndLayoutStart: number;
    scripts: LoafScript[];
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const e = entry as unknown as Loaf;
        bench.longFrames.push({
          start: e.startTime,
          duration: e.duration,
          renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          styleAndLayoutMs: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((x) => ({
            invoker: x.invoker,
            fn: x.sourceFunctionName,
            ms: x.duration,
            forcedLayoutMs: x.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Not supported: long frames stay unexplained.
  }
  // Opening the app with a warm store: time from navigation start to the first chat rows painted.
  void whenPainted(() => document.querySelector('[data-testid="chat-row"]') !== null, 60_000).then(
    (t) => (bench.chatRowsPaintedAt = t),
    () => undefined,
  );
  (window as unknown as { __bench: Bench }).__bench = bench;
}

/** A long animation frame: its script and rendering parts. */
export interface LongFrame {
  start: number;
  duration: number;
  renderMs: number;
  styleAndLayoutMs: number;
  scripts: Array<{ invoker: string; fn: string; ms: number; forcedLayoutMs: number }>;
}

interface BenchGlobal {
  __bench: {
    longTasks: Array<{ start: number; duration: number }>;
    longFrames: LongFrame[];
    afterPaint(): Promise<number>;
    whenPainted(check: () => boolean, timeoutMs: number): Promise<number>;
    lastPaintFrame: number;
    lastCheckAt: number;
    toggle?: Promise<ToggleResult>;
  };
}

export interface ToggleResult {
  /** The click event's timestamp (input dispatched to the page). */
  t0: number;
  /** After the frame showing the flipped star was rendered. */
  t1: number;
  /** When the flipped aria-pressed was first seen in the DOM. */
  domAt: number;
  /** Whether the flip was in the very first frame after the click. */
  nextFrame: boolean;
  flipped: boolean;
}

/** Clicks a chat row (by jid) and resolves with ms until the newest messages of the chat are painted. */
export async function openChatAndTime(jid: string): Promise<number> {
  const { __bench: bench } = window as unknown as BenchGlobal;
  const button = document.querySelector<HTMLElement>(
    `[data-testid="chat-row"][data-jid="${CSS.escape(jid)}"] button[data-row-focus]`,
  );
  if (!button) throw new Error(`no chat row for ${jid}`);
  // The bottom of the chat is on screen: the chat's last row is rendered, holds a message and is in view.
  const bottomPainted = (): boolean => {
    const list = document.querySelector('[data-testid="message-list"]');
    const rows = list?.querySelectorAll('[role="listitem"]') ?? [];
    const last = rows[rows.length - 1];
    if (!list || !last || last.getAttribute('aria-posinset') !== last.getAttribute('aria-setsize'))
      return false;
    const box = last.getBoundingClientRect();
    const view = list.getBoundingClientRect();
    return (
      last.querySelector('[data-testid="message-row"]') !== null &&
      box.top < view.bottom &&
      box.bottom > view.top
    );
  };
  const t0 = performance.now();
  const painted = bench.whenPainted(bottomPainted, 30_000);
  button.click();
  return (await painted) - t0;
}

/**
 * Scrolls the open message list up from the bottom at a steady rate (time-based, one scrollTop step per
 * animation frame) and returns the rAF frame deltas and the long tasks seen meanwhile. Given a duration, it
 * goes through the whole list in that time (for 100,000 messages, thousands of pixels a frame: a scrollbar
 * drag); given a pace too, it moves that many pixels a second, as someone reading does with a wheel.
 */
export async function scrollMessagesThrough(
  how: number | { durationMs: number; pxPerSecond: number },
): Promise<{
  deltas: number[];
  slowFrames: Array<{ atMs: number; progress: number; ms: number }>;
  longTasks: Array<{ start: number; duration: number }>;
  longFrames: LongFrame[];
  distancePx: number;
  rowsPerFrame: number;
  placeholderFrames: number;
}> {
  const { __bench: bench } = window as unknown as BenchGlobal;
  const el = document.querySelector<HTMLElement>('[data-testid="message-list"]');
  if (!el) throw new Error('no message list');
  const durationMs = typeof how === 'number' ? how : how.durationMs;
  const pace = typeof how === 'number' ? 0 : how.pxPerSecond;
  const from = el.scrollHeight - el.clientHeight;
  const distance = pace ? Math.min(from, (pace * durationMs) / 1000) : from;
  const rowHeight = el.querySelector<HTMLElement>('[role="listitem"]')?.offsetHeight ?? 60;
  const deltas: number[] = [];
  const slowFrames: Array<{ atMs: number; progress: number; ms: number }> = [];
  let placeholderFrames = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    let last = 0;
    let t0 = 0;
    const step = (ts: number): void => {
      const progress = Math.min(1, t0 === 0 ? 0 : (ts - t0) / durationMs);
      if (t0 === 0) t0 = ts;
      else {
        deltas.push(ts - last);
        if (ts - last > 25) slowFrames.push({ atMs: Math.round(ts - t0), progress, ms: ts - last });
      }
      // At a pace, each step is relative (as a wheel's is), so the list's own corrections of the position stay.
      if (pace) el.scrollTop -= t0 === ts ? 0 : Math.round((pace * (ts - last)) / 1000);
      else el.scrollTop = Math.round(from * (1 - progress));
      last = ts;
      if (el.querySelector('.placeholder')) placeholderFrames++;
      if (progress < 1) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  const ended = performance.now();
  return {
    deltas,
    slowFrames,
    longTasks: bench.longTasks.filter((t) => t.start >= started && t.start <= ended),
    longFrames: bench.longFrames.filter((t) => t.start >= started - 100 && t.start <= ended),
    distancePx: distance,
    rowsPerFrame: distance / rowHeight / Math.max(1, deltas.length),
    placeholderFrames,
  };
}

/**
 * Arms a toggle measurement on the star matched by `selector` and returns where to click it. The result
 * (`__bench.toggle`) resolves once aria-pressed has flipped and the frame carrying it has been painted;
 * t0 is the click event's timestamp (when the input was dispatched to the page).
 */
export function armToggle(selector: string): { x: number; y: number } {
  const { __bench: bench } = window as unknown as BenchGlobal;
  const star = document.querySelector<HTMLElement>(selector);
  if (!star) throw new Error(`no star at ${selector}`);
  const before = star.getAttribute('aria-pressed');
  const box = star.getBoundingClientRect();
  bench.toggle = new Promise((resolve, reject) => {
    let t0 = -1;
    let firstFrame = -1;
    window.addEventListener(
      'click',
      (e) => {
        t0 = e.timeStamp > 0 && e.timeStamp <= performance.now() ? e.timeStamp : performance.now();
        requestAnimationFrame((frame) => (firstFrame = frame));
      },
      { capture: true, once: true },
    );
    const flipped = (): boolean => document.querySelector(selector)?.getAttribute('aria-pressed') !== before;
    bench
      .whenPainted(() => t0 >= 0 && flipped(), 10_000)
      .then(
        (t1) =>
          resolve({
            t0,
            t1,
            domAt: bench.lastCheckAt,
            nextFrame: bench.lastPaintFrame === firstFrame,
            flipped: flipped(),
          }),
        reject,
      );
  });
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

export function toggleResult(): Promise<ToggleResult> {
  const { __bench: bench } = window as unknown as BenchGlobal;
  if (!bench.toggle) throw new Error('no toggle armed');
  return bench.toggle;
}

/**
 * Clicks the search hit for message `id` and resolves with ms until that message's row is painted inside
 * the message list's viewport (its chat opened and scrolled to it).
 */
export async function openHitAndTime(id: string): Promise<number> {
  const { __bench: bench } = window as unknown as BenchGlobal;
  const button = document.querySelector<HTMLElement>(
    `[data-testid="message-hit"][data-id="${CSS.escape(id)}"] button[data-row-focus]`,
  );
  if (!button) throw new Error(`no search hit for ${id}`);
  const landed = (): boolean => {
    const list = document.querySelector('[data-testid="message-list"]');
    const row = list?.querySelector(`[data-testid="message-row"][data-id="${CSS.escape(id)}"]`);
    if (!list || !row) return false;
    const box = row.getBoundingClientRect();
    const view = list.getBoundingClientRect();
    return box.bottom > view.top && box.top < view.bottom;
  };
  const t0 = performance.now();
  const painted = bench.whenPainted(landed, 30_000);
  button.click();
  return (await painted) - t0;
}

/**
 * Scrolls the open message list to just short of where older messages are asked for and lets the rows there
 * be measured, then into it, and returns the message at a third of the view there and its position, read
 * before the older page can land.
 */
export async function armPrependProbe(): Promise<{ id: string; y: number } | null> {
  const { __bench: bench } = window as unknown as BenchGlobal;
  const el = document.querySelector<HTMLElement>('[data-testid="message-list"]');
  if (!el) throw new Error('no message list');
  el.scrollTop = 800;
  await bench.afterPaint();
  // A move that long is a fling: the rows are built once it is over.
  while (el.querySelector('.fling')) await bench.afterPaint();
  await new Promise((r) => setTimeout(r, 200));
  el.scrollTop = 500;
  const at = el.getBoundingClientRect().top + 250;
  const row = [...el.querySelectorAll<HTMLElement>('[data-testid="message-row"]')].find((r) => {
    const box = r.getBoundingClientRect();
    return box.top <= at && box.bottom > at;
  });
  return row ? { id: row.dataset.id ?? '', y: row.getBoundingClientRect().top } : null;
}

/** Where the probe's message is now (null when it is no longer rendered). */
export function probePosition(id: string): number | null {
  const row = document.querySelector(`[data-testid="message-row"][data-id="${CSS.escape(id)}"]`);
  return row ? row.getBoundingClientRect().top : null;
}

/**
 * A page with nothing to do but scroll: a list box as tall as the 100,000-message chat, drawn by one
 * gradient. The scroll probes run on it give this machine's floor at that moment (a loaded machine drops
 * frames even here).
 */
export const scrollFloorHtml = `<div data-testid="message-list" style="height:700px;overflow-y:auto">
  <div style="height:6200000px;background:repeating-linear-gradient(#e4e7ec 0 50px,#fff 50px 62px)"></div>
</div>`;
