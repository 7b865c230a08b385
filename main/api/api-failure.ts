import { AppFailure } from '../core/app-error.ts';
import {
  appError,
  type AppError,
  type ErrorCode,
  type ErrorParams,
  type errorCodes,
} from '../../preload/contract.ts';

/** Codes of errors the server answered with whose only parameter is the HTTP status (from the contract's table). */
export type HttpErrorCode = {
  [C in ErrorCode]: (typeof errorCodes)[C]['origin'] extends 'server'
    ? { status: number } extends ErrorParams<C>
      ? ErrorParams<C> extends { status: number }
        ? C
        : never
      : never
    : never;
}[ErrorCode];

/**
 * A failed RyzeAPI call: the contract's error (with the server's exact error.message as `serverMessage`
 * when it sent one) and, for the outbox's judgement, the HTTP status and what is certain about the call.
 */
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
    error: AppError,
    status: number,
    options: { reachedServer?: boolean; readable?: boolean; detail?: string } = {},
  ) {
    super(error, options.detail);
    this.reachedServer = options.reachedServer ?? true;
    this.readable = options.readable ?? true;
    this.name = 'ApiFailure';
    this.status = status;
  }

  /** The server's own words, '' when it sent none. */
  get serverMessage(): string {
    return 'serverMessage' in this.error ? (this.error.serverMessage ?? '') : '';
  }
}

/** An answer with HTTP `status`, carrying the server's words (already stripped of secrets) when it sent any. */
export function httpFailure(
  code: HttpErrorCode,
  status: number,
  serverMessage: string,
  readable = true,
): ApiFailure {
  const error = appError(code, { status });
  // Every HttpErrorCode's origin is the server, so the words have their place in it.
  const told = serverMessage ? ({ ...error, serverMessage } as AppError) : error;
  return new ApiFailure(told, status, { readable });
}

const notConnected = /not connected to WhatsApp/i;

/**
 * Maps status + error.message to a code (API.md §4). The message is checked as well as the code because
 * the docs put "instance disconnected" under both 400 and 503, and 404 names what was not found.
 */
export function classifyHttpError(status: number, message: string, readable = true): ApiFailure {
  return httpFailure(httpErrorCode(status, message), status, message, readable);
}

function httpErrorCode(status: number, message: string): HttpErrorCode {
  if (notConnected.test(message)) return 'disconnected';
  switch (status) {
    case 401:
      return 'tokenRefused';
    case 403:
      return 'forbidden';
    case 404:
      return /instance/i.test(message)
        ? 'instanceNotFound'
        : /message/i.test(message)
          ? 'messageNotFound'
          : 'notFound';
    case 429:
      return 'rateLimited';
  }
  return status >= 500 ? 'serverError' : 'invalidRequest';
}
