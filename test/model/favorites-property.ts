import fc from 'fast-check';
import { favoriteBehaviours, type FavoriteBehaviour } from '../emulator/favorite-behaviours.ts';
import { commandArbitraries, initialModel, signIn } from './commands.ts';
import { heal, violations } from './heal-and-check.ts';
import { ModelSystem } from './system.ts';

export interface ModelRunOptions {
  runs: number;
  seed?: number;
  /** fast-check's replay path of a counterexample (printed with it). */
  path?: string;
  maxCommands?: number;
  /** The keychain entry name this process's runs use (one per parallel shard). */
  keychainService: string;
  log?: (line: string) => void;
}

export interface ModelRunReport {
  seed: number;
  runs: number;
  ms: number;
  favoriteCalls: number;
  /** Set when a run broke a promise: fast-check's report, with the shrunk counterexample and its path. */
  failure: string | null;
}

/** Mostly plain answers, so that runs also get far; every other behaviour as often as the others. */
const behaviour: fc.Arbitrary<FavoriteBehaviour> = fc.oneof(
  { arbitrary: fc.constant<FavoriteBehaviour>('applied'), weight: favoriteBehaviours.length },
  ...favoriteBehaviours.filter((b) => b !== 'applied').map((b) => ({ arbitrary: fc.constant(b), weight: 1 })),
);

/**
 * The favorites pipeline against a reference model, over generated runs: random user actions and faults,
 * one random server behaviour per favorite call, then heal and check every promise at quiet.
 */
export async function runFavoritesModel(options: ModelRunOptions): Promise<ModelRunReport> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const log = options.log ?? (() => {});
  const sys = await ModelSystem.create(options.keychainService);
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  let favoriteCalls = 0;
  let done = 0;
  const started = performance.now();
  const property = fc.asyncProperty(
    fc.commands(commandArbitraries, { maxCommands: options.maxCommands ?? 25, size: 'max' }),
    fc.array(behaviour, { maxLength: 24, size: 'medium' }),
    async (commands, behaviours) => {
      await sys.beginRun(behaviours);
      try {
        const model = initialModel();
        await signIn(model, sys, 'support', 'account');
        await fc.asyncModelRun(() => ({ model, real: sys }), commands);
        await heal(model, sys);
        const found = await violations(model, sys);
        favoriteCalls += sys.ledger.entries.length;
        if (process.env.MODEL_DEBUG) log(`${String(commands)} | ${JSON.stringify(sys.ledger.entries)}`);
        if (rejections.length > 0) found.push(`unhandled rejection: ${String(rejections.splice(0)[0])}`);
        if (found.length > 0) throw new Error(`broken promises:\n  ${found.join('\n  ')}`);
      } finally {
        await sys.endRun();
        if (++done % 100 === 0) log(`  ${done} runs, ${Math.round(performance.now() - started)} ms`);
      }
    },
  );
  const result = await fc.check(property, {
    numRuns: options.runs,
    seed,
    ...(options.path ? { path: options.path } : {}),
    verbose: 1,
  });
  process.off('unhandledRejection', onRejection);
  await sys.dispose();
  return {
    seed,
    runs: result.numRuns,
    ms: Math.round(performance.now() - started),
    favoriteCalls,
    failure: result.failed
      ? `${fc.defaultReportMessage(result) ?? ''}\n${String((result.errorInstance as Error | undefined)?.stack ?? result.errorInstance)}`
      : null,
  };
}
