import type { ErrorKind, RowFailure } from '../../preload/contract.ts';

/**
 * A page column holding the latest refused change for the row's target (`key` is the SQL of its target
 * key), as JSON; found through failed_changes_by_target (migration 5), one index probe per row.
 */
export function latestFailure(accountColumn: string, key: string): string {
  return `(SELECT json_object('id', x.id, 'wanted', x.wanted, 'kind', x.error_kind, 'message', x.error_message)
    FROM failed_changes x WHERE x.account_id = ${accountColumn} AND x.target_key = ${key}
    ORDER BY x.id DESC LIMIT 1)`;
}

export function toRowFailure(json: string | null | undefined): RowFailure | null {
  if (!json) return null;
  const x = JSON.parse(json) as { id: number; wanted: number; kind: ErrorKind; message: string };
  return { id: x.id, wanted: x.wanted === 1, error: { kind: x.kind, message: x.message } };
}
