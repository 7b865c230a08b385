import { AppFailure } from '../core/app-error.ts';
import type { ErrorKind } from '../../preload/contract.ts';

/** A failed RyzeAPI call: the contract's kind, the server's exact error.message, and the HTTP status. */
export class ApiFailure extends AppFailure {
  readonly status: number;
  /**
   * False only when the request certainly never reached the server (the connection was refused or the
   * host not found), so it cannot have been applied.
   */
  readonly reachedServer: boolean;
  /**
   * Whether the answer was RyzeAPI's JSON envelope. An unreadable answer (cut off, HTML from a proxy) says
   * nothing certain about what the server did, whatever its status.
   */
  readonly readable: boolean;
  constructor(
    kind: ErrorKind,
    message: string,
    status: number,
    options: { reachedServer?: boolean; readable?: boolean } = {},
  ) {
    super(kind, message);
    this.reachedServer = options.reachedServer ?? true;
    this.readable = options.readable ?? true;
    this.name = 'ApiFailure';
    this.status = status;
  }
}

const notConnected = /not connected to WhatsApp/i;

/**
 * Maps status + error.message to a kind (API.md §4). The message is checked as well as the code because
 * the docs put "instance disconnected" under both 400 and 503.
 */
export function classifyHttpError(status: number, message: string, readable = true): ApiFailure {
  const kind: ErrorKind = notConnected.test(message)
    ? 'disconnected'
    : status === 401
      ? 'auth'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'notFound'
          : status === 429
            ? 'rateLimited'
            : status >= 500
              ? 'server'
              : 'invalidRequest';
  return new ApiFailure(kind, message || `RyzeAPI answered HTTP ${status}`, status, { readable });
}
