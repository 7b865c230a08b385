/**
 * npm run bench:lists — the message list's scroller as the app ships it (renderer/src/components/
 * VariableList.svelte) against the same list on virtua's Svelte 5 adapter (test/bench/virtua/), measured by
 * the bench's own list phases (`BENCH_ONLY=lists`: first rows, the whole-list scroll, a reading-pace scroll,
 * heap, jump, prepend) on the same seeded data, on the same machine, one build after the other. Runs go
 * A B B A (ROUNDS times, default 1), so a machine getting busier or quieter during the runs weighs on both.
 * Needs both builds (out/renderer, out/renderer-virtua: see the npm script) and the test keychain.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROUNDS = Number(process.env.ROUNDS ?? 1);
const variants = { own: 'out/renderer', virtua: 'out/renderer-virtua' } as const;
type Variant = keyof typeof variants;

/** What is compared, with the target the issue sets (null: shown for information). */
const measures: Array<[key: string, target: string | null]> = [
  ['chatListFirstRowsMs', '≤ 200'],
  ['messageListFirstRowsMs', '≤ 200'],
  ['scrollP95FrameMs', '≤ 16.7'],
  ['longTasksOver50ms', '0'],
  ['scrollCpuMsPerFrame', null],
  ['scrollPlaceholderFramePct', null],
  ['scrollFloorP95FrameMs', null],
  ['scrollFloorCpuMsPerFrame', null],
  ['readingScrollP95FrameMs', '≤ 16.7'],
  ['readingScrollLongTasksOver50ms', '0'],
  ['readingScrollCpuMsPerFrame', null],
  ['readingScrollPlaceholderFramePct', null],
  ['readingScrollFloorP95FrameMs', null],
  ['readingScrollFloorCpuMsPerFrame', null],
  ['jumpToMessageMs', '≤ 200'],
  ['jumpToMessageMaxMs', null],
  ['prependShiftPx', '0'],
  ['rendererHeapMB', '≤ 150'],
  ['rendererDomNodes', null],
];

function runBench(variant: Variant): Promise<Record<string, unknown>> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('test/bench/run.ts')], {
      env: { ...process.env, BENCH_ONLY: 'lists', BENCH_SIZES: '1x', BENCH_RENDERER_DIR: variants[variant] },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0) fail(new Error(`the ${variant} run exited with ${code}`));
      else done((JSON.parse(out) as { sizes: Record<string, Record<string, unknown>> }).sizes['1x']!);
    });
  });
}

const order: Variant[] = [];
for (let r = 0; r < ROUNDS; r++) order.push('own', 'virtua', 'virtua', 'own');
const runs: Record<Variant, Array<Record<string, unknown>>> = { own: [], virtua: [] };
for (const [k, variant] of order.entries()) {
  process.stderr.write(`\n[compare] run ${k + 1} of ${order.length}: ${variant} (${variants[variant]})\n`);
  runs[variant].push(await runBench(variant));
}

const cell = (list: Array<Record<string, unknown>>, key: string): string =>
  list.map((r) => (typeof r[key] === 'number' ? String(r[key]) : '–')).join(' / ');
const rows = [
  ['measure', 'own list (each run)', 'virtua (each run)', 'target'],
  ...measures.map(([key, target]) => [key, cell(runs.own, key), cell(runs.virtua, key), target ?? '(info)']),
];
const widths = [34, 26, 26, 8];
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join(' ');
process.stdout.write(`\n${rows.map(line).join('\n')}\n\n`);
process.stdout.write(`${JSON.stringify({ order, own: pick(runs.own), virtua: pick(runs.virtua) })}\n`);

function pick(list: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return list.map((r) => Object.fromEntries(measures.map(([key]) => [key, r[key]])));
}
