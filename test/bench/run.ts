/**
 * npm run bench — performance of the chat list, the message list, stars, the outbox and the main thread, at
 * two sizes (profiles.ts): 10x (100,000 contacts; 1,000,000 messages in 2,000 chats, the largest 200,000)
 * and 1x (10,000 contacts; one chat of 100,000 messages), one after the other.
 *
 * This process drives: the RyzeAPI emulator on a worker thread, Chromium through Playwright. The real main
 * services (createApp, with their store worker) run in a process of their own (services-host.ts), as in
 * Electron's main process, so this driver's work and garbage collection never land in a measured call.
 * Writes test/bench/results.json ({ sizes: { '10x': …, '1x': … }, environment }) and prints a table per
 * size. Needs the keychain: run inside scripts/with-test-keyring.sh.
 *
 * Tunables (environment): BENCH_SIZES ('10x,1x'; a comma list), BENCH_SCROLL_MS (40000), BENCH_TOGGLES
 * (500 per mode), BENCH_DRAIN_WINDOW_MS (6000), BENCH_OUTBOX_TOGGLES (10000), BENCH_OUTBOX_TARGETS (2000),
 * BENCH_ONLY=lists (the list phases alone: first rows, scroll, heap, search, jump and prepend; prints JSON,
 * no table), BENCH_RENDERER_DIR (out/renderer: the built window to measure; compare-lists.ts passes another
 * build), and the sizes' figures (see profiles.ts) to develop on a smaller store.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { DRAIN, ONLY_LISTS, runSize } from './bench-size.ts';
import { profile, storedMessages } from './profiles.ts';
import { printTable } from './table.ts';
import { round } from './stats.ts';

const benchStart = performance.now();
const elapsed = (): string => `${((performance.now() - benchStart) / 1000).toFixed(1)}s`;
const sizes = (process.env.BENCH_SIZES ?? '10x,1x').split(',').map((s) => profile(s.trim()));

const results: {
  sizes: Record<string, Record<string, unknown>>;
  environment: Record<string, unknown>;
  benchSeconds?: number;
} = {
  sizes: {},
  environment: {
    node: process.version,
    cpus: cpus().length,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    scrollMs: Number(process.env.BENCH_SCROLL_MS ?? 40_000),
    togglesPerMode: Number(process.env.BENCH_TOGGLES ?? 500),
    profiles: Object.fromEntries(
      sizes.map((p) => [
        p.name,
        {
          contacts: p.contacts,
          chats: p.historyChats.length + 11,
          storedMessages: storedMessages(p),
          largestChat: p.bigChatMessages,
          seed: p.seed,
        },
      ]),
    ),
  },
};

for (const p of sizes) {
  const log = (message: string): void =>
    void process.stderr.write(`[bench ${p.name} ${elapsed()}] ${message}\n`);
  const started = performance.now();
  const { results: figures, chromium } = await runSize(p, log);
  figures.seconds = round((performance.now() - started) / 1000, 0);
  results.sizes[p.name] = figures;
  results.environment.chromium = chromium;
  if (!ONLY_LISTS) printTable(p.name, figures, DRAIN);
}
results.benchSeconds = round((performance.now() - benchStart) / 1000, 0);
if (ONLY_LISTS) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  writeFileSync(resolve('test/bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write(`[bench ${elapsed()}] wrote test/bench/results.json\n`);
}
// Everything is closed; should anything still hold the event loop open, do not hang the run.
setTimeout(() => process.exit(), 2_000).unref();
