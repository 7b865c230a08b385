/**
 * The favorites model test from the command line (npm test runs it with the defaults):
 *   npm run test:model -- --runs 100000 --seed 42
 *   npm run test:model -- --shards 1 --seed 43 --runs 500 --path "17:3:0"   (replays a counterexample)
 * Runs are split over `--shards` processes (one per core by default), shard i using seed + i; the seed is
 * printed first, so any run can be replayed. Exits 1 with the shrunk counterexample on failure.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { runFavoritesModel } from './favorites-property.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    shards: { type: 'string' },
    shard: { type: 'string', default: '0' },
    'max-commands': { type: 'string' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 30) : Number(values.seed);
const shards = Number(values.shards ?? (values.path ? 1 : Math.min(2, availableParallelism())));
const started = performance.now();

if (shards > 1) {
  console.log(`favorites model: ${runs} runs over ${shards} processes, seed ${seed}`);
  console.log(`  replay: npm run test:model -- --runs ${runs} --seed ${seed}`);
  const results = await Promise.all(
    Array.from({ length: shards }, (_, i) =>
      shard(i, Math.floor(runs / shards) + (i < runs % shards ? 1 : 0)),
    ),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const failed = results.filter((code) => code !== 0).length;
  console.log(
    `favorites model: ${runs} runs in ${seconds} s: ${failed ? `${failed} shard(s) FAILED` : 'all promises kept'}`,
  );
  process.exit(failed ? 1 : 0);
}

const index = Number(values.shard);
console.log(`${runs} runs, seed ${seed}`);
const report = await runFavoritesModel({
  runs,
  seed,
  keychainService: `Ryze Desktop (model tests ${index})`,
  ...(values.path ? { path: values.path } : {}),
  ...(values['max-commands'] ? { maxCommands: Number(values['max-commands']) } : {}),
  log: (line) => console.log(line),
});
const seconds = (report.ms / 1000).toFixed(1);
console.log(
  `${report.runs} runs in ${seconds} s, ${report.favoriteCalls} favorite calls, seed ${report.seed}: ${report.failure ? 'FAILED' : 'all promises kept'}`,
);
if (report.failure) {
  console.log(report.failure);
  console.log(`replay: npm run test:model -- --shards 1 --runs ${runs} --seed ${seed} --path "<path above>"`);
}
process.exit(report.failure ? 1 : 0);

/** One shard in its own process, its lines prefixed with its number. */
function shard(i: number, shardRuns: number): Promise<number> {
  const args = [
    '--runs',
    String(shardRuns),
    '--seed',
    String(seed + i),
    '--shards',
    '1',
    '--shard',
    String(i),
  ];
  if (values['max-commands']) args.push('--max-commands', values['max-commands']);
  // The shards run with this runner's Node flags (package.json: V8's PKU code protection off, see vitest.config.ts).
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout }).on('line', (line) => console.log(`[${i}] ${line}`));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
