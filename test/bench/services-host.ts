/**
 * The benchmark's main services, in a process of their own (forked by services-process.ts), as Electron's
 * main process would host them: apart from Playwright and Chromium's driver, so a garbage collection of
 * the driver never lands in a measured call. The store worker is the app's own thread of this process.
 *
 * Measures here, on the thread hosting the services: the event loop's delay over the whole bench and per
 * phase (perf_hooks.monitorEventLoopDelay), each store operation's time in the worker (as StoreClient
 * reports it), each IPC channel's handling time, every favorite request, cold start and memory.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Worker } from 'node:worker_threads';
import {
  constants as perfConstants,
  monitorEventLoopDelay,
  PerformanceObserver,
  type RecordableHistogram,
} from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import type { StoreOperation } from '../../main/store/store-operations.ts';
import type { FavoriteTarget } from '../../preload/contract.ts';
import { buildApp, trustedCaller, type TestApp } from '../support/app-harness.ts';
import { BridgeServer } from './bridge-server.ts';
import type { FavoriteCall, HostReply, HostRequest, PhaseFigures } from './host-protocol.ts';
import { percentile, round } from './stats.ts';

const send = (message: HostReply): void => void process.send?.(message);

// BENCH_CPU_PROFILE=file: a CPU profile of this thread over the whole bench, written when stats are read.
const profiler = process.env.BENCH_CPU_PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
  await profiler.post('Profiler.start');
}
const profileStartedAt = performance.now();

// ---- the event loop, over the whole bench and per phase ----
const resolutionMs = 5;
const whole = monitorEventLoopDelay({ resolution: resolutionMs });
whole.enable();
let phase = 'setup';
let phaseLoop = monitorEventLoopDelay({ resolution: resolutionMs });
phaseLoop.enable();
const loopByPhase = new Map<string, PhaseFigures>();
const phaseStarts: Array<{ phase: string; at: number }> = [];
/**
 * The histogram records the time between two of its timer's runs, which on an idle loop is the resolution
 * itself (measured: p50 5.1 ms at 5 ms); the loop's delay is what comes on top of it.
 */
const delayMs = (ns: number): number => round(Math.max(0, ns / 1e6 - resolutionMs), 2);
const loopFigures = (h: Pick<RecordableHistogram, 'percentile' | 'max' | 'count'>) => ({
  p99Ms: delayMs(h.percentile(99)),
  maxMs: delayMs(h.max),
  samples: h.count,
});

/**
 * The floor: a thread of this process that does nothing but measure its own event loop the same way. On a
 * 2-core machine with Chromium painting beside it, the system takes threads off the CPU for tens of
 * milliseconds now and then; what the idle thread sees, main sees too, whatever main does.
 */
const idleThread = new Worker(
  `const { parentPort } = require('node:worker_threads');
   const { monitorEventLoopDelay } = require('node:perf_hooks');
   let h = monitorEventLoopDelay({ resolution: ${resolutionMs} });
   h.enable();
   parentPort.on('message', () => {
     parentPort.postMessage({ p99: h.percentile(99), max: h.max, count: h.count });
     h.disable();
     h = monitorEventLoopDelay({ resolution: ${resolutionMs} });
     h.enable();
   });`,
  { eval: true, name: 'bench-idle' },
);
idleThread.unref();
const idleByPhase = new Map<string, PhaseFigures>();
/** The idle thread's figures since the last phase change. */
const idleFigures = (): Promise<PhaseFigures> =>
  new Promise((resolve) => {
    idleThread.once('message', (h: { p99: number; max: number; count: number }) =>
      resolve({ p99Ms: delayMs(h.p99), maxMs: delayMs(h.max), samples: h.count }),
    );
    idleThread.postMessage(null);
  });

/** Store operations' time in the worker, and each IPC channel's time in this process, per phase. */
const storeMs = new Map<string, Map<StoreOperation, number[]>>();
const ipcMs = new Map<string, number[]>();
const favoriteLog: FavoriteCall[] = [];
const gcPauses: Array<{ at: number; ms: number; kind: string; phase: string; heapMB: number }> = [];
/** GC kinds by their perf_hooks constant (NODE_PERFORMANCE_GC_MAJOR → 'major', …). */
const gcKinds = new Map(
  Object.entries(perfConstants)
    .filter(([name]) => name.startsWith('NODE_PERFORMANCE_GC_') && !name.includes('FLAGS'))
    .map(([name, value]) => [value, name.slice('NODE_PERFORMANCE_GC_'.length).toLowerCase()]),
);
/** Main's JS heap, read without the /proc read that process.memoryUsage() makes for the RSS. */
const heapMB = (): number => round(getHeapStatistics().used_heap_size / 2 ** 20, 1);
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
    gcPauses.push({
      at: e.startTime,
      ms: e.duration,
      kind: gcKinds.get(kind) ?? String(kind),
      phase,
      heapMB: heapMB(),
    });
  }
}).observe({ entryTypes: ['gc'] });

/** A phase met again (the toggles, say) keeps its worst figures. */
function keepWorst(map: Map<string, PhaseFigures>, name: string, figures: PhaseFigures): void {
  const done = map.get(name);
  map.set(
    name,
    done
      ? {
          p99Ms: Math.max(done.p99Ms, figures.p99Ms),
          maxMs: Math.max(done.maxMs, figures.maxMs),
          samples: done.samples + figures.samples,
        }
      : figures,
  );
}

async function setPhase(next: string): Promise<void> {
  const ended = phase;
  keepWorst(loopByPhase, ended, loopFigures(phaseLoop));
  keepWorst(idleByPhase, ended, await idleFigures());
  phaseLoop.disable();
  phaseLoop = monitorEventLoopDelay({ resolution: resolutionMs });
  phaseLoop.enable();
  phase = next;
  phaseStarts.push({ phase: next, at: performance.now() });
}

const benchFetch: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const sentAt = performance.timeOrigin + performance.now();
  const response = await fetch(input, init);
  if (url.includes('/api/chat/favorite')) {
    favoriteLog.push({
      sentAt,
      status: response.status,
      resetSec: Number(response.headers.get('x-ratelimit-reset')),
    });
  }
  return response;
};

let app: TestApp | null = null;
/** The page's bridge to these services, once the driver asks for it. */
let bridge: BridgeServer | null = null;
const requireApp = (): TestApp => {
  if (!app) throw new Error('no app built');
  return app;
};

function build(dataDir: string, rendererOrigin: string): TestApp {
  const built = buildApp(dataDir, {
    fetch: benchFetch,
    isTrustedCaller: (c) =>
      c.isMainFrame && (c.url.startsWith(rendererOrigin) || c.url === trustedCaller.url),
    // A thread started now, as the app starts one: no thread kept from before.
    startStoreWorker: undefined,
    releaseStoreWorker: undefined,
    onStoreAnswer: (op, ms) => {
      let byOp = storeMs.get(phase);
      if (!byOp) storeMs.set(phase, (byOp = new Map()));
      const list = byOp.get(op) ?? [];
      list.push(ms);
      byOp.set(op, list);
    },
  });
  const handle = built.router.handle.bind(built.router);
  built.router.handle = (async (...call: Parameters<typeof handle>) => {
    const start = performance.now();
    try {
      return await handle(...call);
    } finally {
      const key = String(call[0]);
      const list = ipcMs.get(key) ?? [];
      list.push(performance.now() - start);
      ipcMs.set(key, list);
    }
  }) as typeof handle;
  built.events.subscribe((event, payload) => bridge?.emit(event, payload));
  return built;
}

/** N durable commits through the app's own store client: the hop to the worker, the commit and its fsync. */
async function enqueue(commits: number): Promise<Record<string, number>> {
  const store = requireApp().services.store;
  const times: number[] = [];
  for (let i = 0; i < commits + 50; i++) {
    // 200 targets, each flipped back and forth: inserts, updates and deletes of outbox rows alike.
    const target: FavoriteTarget = {
      kind: 'chat',
      chatJid: `55119${String(i % 200).padStart(8, '0')}@s.whatsapp.net`,
    };
    const start = performance.now();
    await store.call('outbox.setWanted', 'bench-account', target, Math.floor(i / 200) % 2 === 0, Date.now());
    if (i >= 50) times.push(performance.now() - start); // the first 50 warm the page cache
  }
  return {
    p50Ms: round(percentile(times, 0.5), 3),
    p95Ms: round(percentile(times, 0.95), 3),
    p99Ms: round(percentile(times, 0.99), 3),
    maxMs: round(Math.max(...times), 3),
    commits: times.length,
  };
}

async function memory(): Promise<Record<string, number>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const settle = async () => {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 500));
    gc?.();
  };
  await settle();
  const withWorker = process.memoryUsage().rss;
  // Closing the app ends the store worker (its heap and SQLite's memory go with it); main's objects stay.
  await requireApp().close();
  await settle();
  const without = process.memoryUsage().rss;
  return {
    servicesRssMB: round(withWorker / 2 ** 20, 1),
    mainRssMB: round(without / 2 ** 20, 1),
    workerRssMB: round((withWorker - without) / 2 ** 20, 1),
  };
}

function opFigures(list: number[]): Record<string, number> | null {
  if (list.length === 0) return null;
  return {
    calls: list.length,
    p50: round(percentile(list, 0.5), 2),
    p99: round(percentile(list, 0.99), 2),
    max: round(Math.max(...list), 2),
  };
}

async function stats(exclude: string[]): Promise<Record<string, unknown>> {
  await setPhase(phase);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(
      process.env.BENCH_CPU_PROFILE as string,
      JSON.stringify({ ...profile, phases: phaseStarts, profileStartedAt }),
    );
  }
  const all: Array<{ op: string; phase: string; ms: number }> = [];
  for (const [p, byOp] of storeMs) {
    if (exclude.includes(p)) continue;
    for (const [op, list] of byOp) for (const ms of list) all.push({ op, phase: p, ms });
  }
  all.sort((a, b) => b.ms - a.ms);
  const byOp = new Map<string, number[]>();
  for (const c of all) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c.ms]);
  return {
    loop: loopFigures(whole),
    loopByPhase: Object.fromEntries(loopByPhase),
    idleLoopByPhase: Object.fromEntries(idleByPhase),
    storeCallP99Ms: round(
      percentile(
        all.map((c) => c.ms),
        0.99,
      ),
      2,
    ),
    storeCalls: all.length,
    maxStoreCall: all[0] ? { ...all[0], ms: round(all[0].ms, 2) } : null,
    slowestStoreCalls: all.slice(0, 10).map((c) => ({ ...c, ms: round(c.ms, 2) })),
    storeOps: Object.fromEntries([...byOp].map(([op, list]) => [op, opFigures(list)])),
    ipcMainMs: Object.fromEntries(
      [...ipcMs].map(([channel, list]) => [
        channel,
        {
          calls: list.length,
          p50: round(percentile(list, 0.5), 2),
          p95: round(percentile(list, 0.95), 2),
          max: round(Math.max(...list), 2),
        },
      ]),
    ),
    // A history page saved while seeding at 1x (the app loading a chat's history): one call, one transaction.
    historyPageSave: opFigures(storeMs.get('seed')?.get('messages.saveHistoryPage') ?? []),
    gcPausesOver10ms: gcPauses.filter((g) => g.ms > 10).length,
    gcMaxPauseMs: round(Math.max(0, ...gcPauses.map((g) => g.ms)), 1),
    gcLongest: [...gcPauses]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8)
      .map((g) => ({ ...g, ms: round(g.ms, 1), at: round(g.at, 0) })),
    mainHeapUsedMB: heapMB(),
    favoriteLog,
  };
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'build':
      app = build(request.dataDir, request.rendererOrigin);
      await app.start();
      return null;
    case 'coldStart': {
      // Services built over the store on disk, to the first chat page answered (the window's first ask).
      const start = performance.now();
      app = build(request.dataDir, request.rendererOrigin);
      await app.start();
      const page = await app.call('chats:page', { offset: 0, limit: 100 });
      if (!page.ok) throw new Error(`first chat page: ${page.error.code}`);
      return { coldStartMs: round(performance.now() - start, 1), rows: page.value.rows.length };
    }
    case 'call':
      return requireApp().router.handle(request.channel, request.args, request.caller);
    case 'bridge':
      bridge ??= new BridgeServer((call) => requireApp().router.handle(call.channel, call.args, call.caller));
      return bridge.url;
    case 'close':
      await app?.close();
      app = null;
      return null;
    case 'phase':
      await setPhase(request.name);
      return null;
    case 'live': {
      const a = requireApp();
      if (request.on) a.services.live.start(a.services.session.requireContext());
      else a.services.live.stop();
      return null;
    }
    case 'enqueue':
      return enqueue(request.commits);
    case 'resetFavoriteLog':
      favoriteLog.length = 0;
      return null;
    case 'stats':
      return await stats(request.exclude);
    case 'memory':
      return memory();
  }
}

process.on('message', (request: HostRequest) => {
  handle(request).then(
    (value) => send({ id: request.id, value }),
    (error: unknown) =>
      send({
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
send({ ready: true });
