import { HUMAN_PACE, RAPID_PACE } from './bench-size.ts';

/** Chromium's rAF timestamps are coarsened to 0.1 ms and jitter by about as much: an idle page shows 16.5–16.8. */
const FRAME_JITTER_MS = 0.2;

interface Row {
  name: string;
  value: string;
  target: string;
  pass: boolean | null;
  baseline?: string;
  ratio?: string;
}

/** One size's figures against their targets (a target of `(info)` is reported, not checked). */
export function printTable(
  size: string,
  r: Record<string, unknown>,
  drain: { limit: number; windowMs: number },
): void {
  const n = (k: string): number => r[k] as number;
  const has = (k: string): boolean => r[k] !== undefined;
  const nested = <T>(k: string): T => r[k] as T;
  const rows: Row[] = [
    {
      name: 'coldStartMs (services built → first chat page)',
      value: `${n('coldStartMs')}`,
      target: '≤ 500',
      pass: n('coldStartMs') <= 500,
    },
    {
      name: 'chatListFirstRowsMs',
      value: `${n('chatListFirstRowsMs')}`,
      target: '≤ 200',
      pass: n('chatListFirstRowsMs') <= 200,
      ...(has('chatListFirstRowsMsBaseline')
        ? { baseline: `${n('chatListFirstRowsMsBaseline')}`, ratio: `${n('chatListFirstRowsRatio')}×` }
        : {}),
    },
    {
      name: 'messageListFirstRowsMs',
      value: `${n('messageListFirstRowsMs')}`,
      target: '≤ 200',
      pass: n('messageListFirstRowsMs') <= 200,
      ...(has('messageListFirstRowsMsBaseline')
        ? { baseline: `${n('messageListFirstRowsMsBaseline')}`, ratio: `${n('messageListFirstRowsRatio')}×` }
        : {}),
    },
    {
      name: 'scrollP95FrameMs',
      value: `${n('scrollP95FrameMs')}`,
      target: `≤ 16.7 (+${FRAME_JITTER_MS} rAF jitter)`,
      pass: n('scrollP95FrameMs') <= 16.7 + FRAME_JITTER_MS,
      baseline: `floor ${n('scrollFloorP95FrameMs')}`,
    },
    {
      name: '  main-thread CPU a frame, whole / reading',
      value: `${n('scrollCpuMsPerFrame')} / ${n('readingScrollCpuMsPerFrame')} ms`,
      target: '(info)',
      pass: null,
      baseline: `floor ${n('scrollFloorCpuMsPerFrame')} / ${n('readingScrollFloorCpuMsPerFrame')}`,
    },
    {
      name: 'longTasksOver50ms',
      value: `${n('longTasksOver50ms')}`,
      target: '0',
      pass: n('longTasksOver50ms') === 0,
    },
    {
      name: 'readingScrollP95FrameMs (2,400 px/s)',
      value: `${n('readingScrollP95FrameMs')} (${n('readingScrollLongTasksOver50ms')} tasks > 50 ms)`,
      target: `≤ 16.7 (+${FRAME_JITTER_MS})`,
      pass: n('readingScrollP95FrameMs') <= 16.7 + FRAME_JITTER_MS,
      baseline: `floor ${n('readingScrollFloorP95FrameMs')}`,
    },
    {
      name: 'jumpToMessageMs (median of 5)',
      value: `${n('jumpToMessageMs')} (worst ${n('jumpToMessageMaxMs')})`,
      target: '≤ 200',
      pass: n('jumpToMessageMs') <= 200,
    },
    {
      name: 'prependShiftPx (worst of 5 older pages)',
      value: `${n('prependShiftPx')}`,
      target: '0',
      pass: n('prependShiftPx') === 0,
    },
    {
      name: 'rendererHeapMB',
      value: `${n('rendererHeapMB')}`,
      target: '≤ 150',
      pass: n('rendererHeapMB') <= 150,
      ...(has('rendererHeapMBBaseline') ? { baseline: `${n('rendererHeapMBBaseline')} (JS only)` } : {}),
    },
    {
      name: 'toggleP95Ms (max of online, offline)',
      value: `${n('toggleP95Ms')}`,
      target: '≤ 16',
      pass: n('toggleP95Ms') <= 16,
      baseline: `floor ${nested<{ p95Ms: number }>('toggleFloor').p95Ms}`,
    },
    {
      name: `  toggleP95Ms rapid (${RAPID_PACE[0]}–${RAPID_PACE[0] + RAPID_PACE[1]} ms apart)`,
      value: `${nested<{ rapidOnline: { p95Ms: number } }>('toggle').rapidOnline.p95Ms}`,
      target: '(info)',
      pass: null,
      baseline: `floor ${nested<{ p95Ms: number }>('toggleFloorRapid').p95Ms}`,
    },
    {
      name: 'enqueueP50Ms (FULL, hop to the worker included)',
      value: `${n('enqueueP50Ms')} (p99 ${n('enqueueP99Ms')}, max ${nested<{ maxMs: number }>('enqueue').maxMs})`,
      target: '≤ 1',
      pass: n('enqueueP50Ms') <= 1,
    },
    {
      name: '  the commit alone, in one thread: FULL / NORMAL',
      value: `${nested<{ full: { p50Ms: number }; normal: { p50Ms: number } }>('enqueueInThread').full.p50Ms} / ${nested<{ normal: { p50Ms: number } }>('enqueueInThread').normal.p50Ms}`,
      target: '(info)',
      pass: null,
    },
    {
      name: 'outboxCallsOverMinimum',
      value: `${n('outboxCallsOverMinimum')} (${n('outboxCalls')}/${n('outboxMinimumCalls')})`,
      target: '1.00',
      pass: n('outboxCallsOverMinimum') === 1,
      baseline: `${n('outboxCallsOverMinimumBaseline')}`,
      ratio: `${n('outboxCallsRatio')}×`,
    },
    {
      name: `drainCallsPerMin (window ${drain.windowMs / 1000} s = 1 min)`,
      value: `${n('drainCallsPerMin')}`,
      target: '≥ 95',
      pass: n('drainCallsPerMin') >= 95,
    },
    { name: 'drain429s', value: `${n('drain429s')}`, target: '0', pass: n('drain429s') === 0 },
    {
      name: 'searchMaxMedianMs (first page, worst query)',
      value: `${n('searchMaxMedianMs')}`,
      target: '≤ 50',
      pass: n('searchMaxMedianMs') <= 50,
    },
    {
      name: 'mainLoopDelayP99Ms (services thread, whole run)',
      value: `${n('mainLoopDelayP99Ms')}`,
      target: '≤ 5',
      pass: n('mainLoopDelayP99Ms') <= 5,
    },
    {
      name: 'mainLoopDelayMaxMs',
      value: `${n('mainLoopDelayMaxMs')} (${worstPhase(r)}; an idle thread beside it: ${n('idleLoopDelayMaxMs')})`,
      target: '≤ 16',
      pass: n('mainLoopDelayMaxMs') <= 16,
    },
    {
      name: 'storeCallP99Ms (time in the worker)',
      value: `${n('storeCallP99Ms')}`,
      target: '(info)',
      pass: null,
    },
    {
      name: 'maxStoreCallMs (off main)',
      value: `${n('maxStoreCallMs')} (${nested<{ op: string; phase: string } | null>('maxStoreCall')?.op ?? ''})`,
      target: '(info)',
      pass: null,
    },
    {
      name: 'mainRssMB / workerRssMB',
      value: `${n('mainRssMB')} / ${n('workerRssMB')}`,
      target: '(info)',
      pass: null,
    },
  ];
  const w = [50, 36, 26, 6, 12, 8];
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(w[i] as number)).join(' ');
  const out = [
    line([`metric (${size})`, 'value', 'target', 'pass', 'baseline', 'ratio']),
    line(w.map((x) => '-'.repeat(x))),
    ...rows.map((row) =>
      line([
        row.name,
        row.value,
        row.target,
        row.pass === null ? '' : row.pass ? 'PASS' : 'FAIL',
        row.baseline ?? '',
        row.ratio ?? '',
      ]),
    ),
  ];
  process.stdout.write(`\n${out.join('\n')}\n\n`);
  process.stdout.write(
    `Drain time-scaled: ${drain.limit} requests per ${drain.windowMs} ms window stands for 100/min; figures are per window.\n` +
      `Toggles: clicks ${HUMAN_PACE[0]}–${HUMAN_PACE[0] + HUMAN_PACE[1]} ms apart; floor = a page with one button, same measurement.\n` +
      `Scroll: ${r.scrollFrames} frames, median ${n('scrollMedianFrameMs')} ms, ${n('scrollRowsPerFrame')} rows/frame, dropped ${n('scrollDroppedFramePct')}%.\n`,
  );
}

/** The phase in which the services' event loop was held longest. */
function worstPhase(r: Record<string, unknown>): string {
  const byPhase = (r.mainLoopDelay as { byPhase: Record<string, { maxMs: number }> }).byPhase;
  const [phase] = Object.entries(byPhase).sort((a, b) => b[1].maxMs - a[1].maxMs)[0] ?? [''];
  return phase;
}
