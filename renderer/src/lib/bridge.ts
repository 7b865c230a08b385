/**
 * Thin, typed access to `window.ryze`. `call` never throws: a rejected promise or a missing bridge becomes
 * an `{ ok: false }` result of kind `internal`, so components only ever handle `Result`s.
 */
import {
  appError,
  type EventChannel,
  type EventPayloads,
  type RequestArgs,
  type RequestChannel,
  type RequestResult,
  type Result,
} from '../../../preload/contract.ts';

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && typeof window.ryze === 'object' && window.ryze !== null;
}

export async function call<C extends RequestChannel>(
  channel: C,
  args: RequestArgs<C>,
): Promise<Result<RequestResult<C>>> {
  try {
    if (!hasBridge()) return { ok: false, error: appError('internal') };
    const fn = window.ryze[channel] as (a: RequestArgs<C>) => Promise<Result<RequestResult<C>>>;
    return await fn(args);
  } catch (e) {
    console.error(`The call to ${channel} failed`, e);
    return { ok: false, error: appError('internal') };
  }
}

/** Subscribe to a main → renderer event; returns the unsubscribe function (a no-op without a bridge). */
export function on<E extends EventChannel>(
  event: E,
  listener: (payload: EventPayloads[E]) => void,
): () => void {
  if (!hasBridge()) return () => {};
  return window.ryze.on(event, listener);
}
