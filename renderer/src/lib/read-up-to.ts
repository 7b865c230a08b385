import type { AppError } from '../../../preload/contract.ts';
import type { Fetcher } from './paged.svelte.ts';

/** The most rows one call may ask main for (the contract's `limit`). */
const MAX_CALL = 500;

export interface Read<T> {
  rows: T[];
  total: number;
}

/**
 * Reads the first `wanted` rows of a list that lives in main, in as many calls as that takes, and its total.
 * Rows are copied, so a bridge that returns the same mutated objects still shows the change. `stale` is
 * asked after every call: once it says true, the read stops and gives null.
 */
export function readUpTo<T extends object>(fetch: Fetcher<T>, wanted: number): Promise<Read<T> | AppError>;
export function readUpTo<T extends object>(
  fetch: Fetcher<T>,
  wanted: number,
  stale: () => boolean,
): Promise<Read<T> | AppError | null>;
export async function readUpTo<T extends object>(
  fetch: Fetcher<T>,
  wanted: number,
  stale: () => boolean = () => false,
): Promise<Read<T> | AppError | null> {
  const rows: T[] = [];
  let total: number;
  do {
    const result = await fetch(rows.length, Math.min(MAX_CALL, wanted - rows.length));
    if (stale()) return null;
    if (!result.ok) return result.error;
    rows.push(...result.value.rows.map((r) => ({ ...r })));
    total = result.value.total;
    if (result.value.rows.length === 0) break;
  } while (rows.length < wanted && rows.length < total);
  return { rows, total };
}
