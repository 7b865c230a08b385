// Everything the emulator invents comes from these two helpers, so one seed always rebuilds the same world.

/** Stateless 32-bit hash of a few integers: lets data be derived lazily from an index instead of stored. */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export interface Rng {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  hex(length: number): string;
  digits(length: number): string;
}

/** Sequential generator (mulberry32) for the eagerly built parts: contacts, tokens, profiles. */
export function createRng(seed: number): Rng {
  let a = hash32(seed, 0x5eed) || 1;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    hex(length: number): string {
      let out = '';
      while (out.length < length) out += int(16).toString(16);
      return out;
    },
    digits(length: number): string {
      let out = '';
      while (out.length < length) out += String(int(10));
      return out;
    },
  };
}

export function pickBy<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
