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
import { hasBridge } from './has-bridge.ts';

export { hasBridge };

export async function call<C extends RequestChannel>(
  channel: C,
  args: RequestArgs<C>,
): Promise<Result<RequestResult<C>>> {
  if (!hasBridge()) return { ok: false, error: appError('internal') };
  const fn = window.ryze[channel] as (a: RequestArgs<C>) => Promise<Result<RequestResult<C>>>;
  return settle(channel, new Promise((resolve) => resolve(fn(args))));
}

/** The bridge's answer as a result: a rejection is logged and becomes an `internal` error. */
export async function settle<C extends RequestChannel>(
  channel: C,
  answer: Promise<Result<RequestResult<C>>>,
): Promise<Result<RequestResult<C>>> {
  try {
    return await answer;
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
