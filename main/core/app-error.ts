import type { AppError, ErrorKind } from '../../preload/contract.ts';

/** A failure a user can be told about. Its message must never hold a secret. */
export class AppFailure extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'AppFailure';
    this.kind = kind;
  }

  toJSON(): AppError {
    return { kind: this.kind, message: this.message };
  }
}

/** Turns anything thrown into the contract's error shape; unknown errors do not leak their text. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toJSON();
  return { kind: 'internal', message: 'Something went wrong inside the app. Try again.' };
}
