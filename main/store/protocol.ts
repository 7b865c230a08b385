/**
 * The messages between main and the store worker (both sides import this file). Main sends calls of the
 * operations in store-operations.ts; the worker answers each with its result or its error, and says once,
 * at start, whether the store opened. Everything here is structured-cloned by postMessage: plain data only.
 */
import type { AppError } from '../../preload/contract.ts';
import { AppFailure } from '../core/app-error.ts';

export type ToWorker =
  /** The first message: which store to open. (A worker can be started before the app knows its data dir.) */
  | { type: 'open'; dataDir: string }
  | { type: 'call'; id: number; op: string; args: unknown[] }
  /** Checkpoint the WAL into the store file and close the connection; the thread may open another. */
  | { type: 'close' }
  /** End the thread. */
  | { type: 'exit' };

export type FromWorker =
  | { type: 'opened'; recoveredFrom: string | null }
  | { type: 'openFailed'; error: EncodedError }
  /** `ms`: how long the operation ran in the worker (queueing and the hop to it not included). */
  | { type: 'answer'; id: number; ok: true; value: unknown; ms: number }
  | { type: 'answer'; id: number; ok: false; error: EncodedError; ms: number }
  | { type: 'closed' };

/** An error as it crosses the thread: an AppFailure keeps its error and detail; anything else its name and text. */
export type EncodedError =
  { app: AppError; detail: string } | { app: null; name: string; message: string; stack: string };

export function encodeError(error: unknown): EncodedError {
  if (error instanceof AppFailure) return { app: error.error, detail: error.detail };
  const e = error instanceof Error ? error : new Error(String(error));
  return { app: null, name: e.name, message: e.message, stack: e.stack ?? '' };
}

/**
 * An unexpected error inside a store operation (an SQLite error, a bug). Like any error that is not an
 * AppFailure, it reaches the window as 'internal' and the log with its details, as it did when the store
 * ran on main; the stack is the worker's.
 */
export class StoreError extends Error {
  readonly op: string;
  constructor(op: string, encoded: { name: string; message: string; stack: string }) {
    super(encoded.message);
    this.name = encoded.name;
    this.op = op;
    this.stack = `${encoded.stack || `${encoded.name}: ${encoded.message}`}\n    (in the store worker, operation ${op})`;
  }
}

export function decodeError(op: string, error: EncodedError): Error {
  return error.app === null ? new StoreError(op, error) : new AppFailure(error.app, error.detail);
}
