import { appError, errorCodes, type AppError, type RowFailure } from '../../preload/contract.ts';

/**
 * A page column holding the latest refused change for the row's target (`key` is the SQL of its target
 * key), as JSON; found through failed_changes_by_target (migration 5), one index probe per row.
 */
export function latestFailure(accountColumn: string, key: string): string {
  return `(SELECT json_object('id', x.id, 'wanted', x.wanted, 'error', x.error)
    FROM failed_changes x WHERE x.account_id = ${accountColumn} AND x.target_key = ${key}
    ORDER BY x.id DESC LIMIT 1)`;
}

export function toRowFailure(json: string | null | undefined): RowFailure | null {
  if (!json) return null;
  const x = JSON.parse(json) as { id: number; wanted: number; error: string };
  return { id: x.id, wanted: x.wanted === 1, error: storedError(x.error) };
}

/** A refused change's error as stored (JSON, migration 6); one of a code this version does not know reads as internal. */
export function storedError(json: string): AppError {
  try {
    const error = JSON.parse(json) as AppError;
    if (Object.hasOwn(errorCodes, error.code)) return error;
  } catch {
    // Not JSON: the store is ours, but a damaged row must not hide the others.
  }
  return appError('internal');
}
