import {
  appError,
  type AppError,
  type ErrorArgs,
  type ErrorCode,
  type ErrorKind,
} from '../../preload/contract.ts';

/**
 * A failure a user can be told about: the contract's error (a code and its parameters, never a sentence)
 * and, for the log only, what the system said (`detail`), which never crosses to the window.
 */
export class AppFailure extends Error {
  readonly error: AppError;
  readonly detail: string;
  constructor(error: AppError, detail = '') {
    super(detail ? `${error.code}: ${detail}` : error.code);
    this.name = 'AppFailure';
    this.error = error;
    this.detail = detail;
  }

  get code(): ErrorCode {
    return this.error.code;
  }

  get kind(): ErrorKind {
    return this.error.kind;
  }

  toJSON(): AppError {
    return this.error;
  }
}

/** A failure of `code`, its parameters typed by the contract's table. */
export function fail<C extends ErrorCode>(code: C, ...params: ErrorArgs<C>): AppFailure {
  return new AppFailure(appError(code, ...params));
}

/** Turns anything thrown into the contract's error shape; unknown errors do not leak their text. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.error;
  return appError('internal');
}
