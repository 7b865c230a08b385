import type { HttpErrorCode } from '../../main/api/api-failure.ts';
import { appError, type AppError } from '../../preload/contract.ts';

/** The error main reports when RyzeAPI answers HTTP `status` with `words` as its error.message. */
export function serverError(code: HttpErrorCode, status: number, words?: string): AppError {
  const error = appError(code, { status });
  return words === undefined ? error : ({ ...error, serverMessage: words } as AppError);
}
