/**
 * Exponential backoff with full jitter (a random wait between 0 and min(cap, base·2^attempt)), so many
 * clients coming back at once do not retry in step. `random` is injectable for tests.
 */
export function fullJitterBackoff(
  attempt: number,
  options: { baseMs?: number; capMs?: number; random?: () => number } = {},
): number {
  const base = options.baseMs ?? 1000;
  const cap = options.capMs ?? 60_000;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}
