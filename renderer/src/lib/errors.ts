/** Localized text for every `ErrorKind` of the contract. */
import type { AppError, ErrorKind } from '../../../preload/contract.ts';
import { t, type MessageKey } from '../i18n/index.svelte.ts';

// These template types must be keys of the catalogue: adding an ErrorKind without strings is a type error.
const errorKey = (kind: ErrorKind): `error.${ErrorKind}` & MessageKey => `error.${kind}`;
const heldKey = (kind: ErrorKind): `held.${ErrorKind}` & MessageKey => `held.${kind}`;

/** Kinds whose own message already carries the server's words, or where the server's text adds nothing. */
const noDetail = new Set<ErrorKind>([
  'keychainUnavailable',
  'network',
  'redirected',
  'forbiddenSender',
  'notSignedIn',
]);

/** The main sentence for an error. */
export function errorText(error: AppError): string {
  return t(errorKey(error.kind), { message: error.message || '—' });
}

/** The server's (or main's) own words, when they help; '' otherwise. */
export function errorDetail(error: AppError): string {
  const message = error.message.trim();
  if (!message || noDetail.has(error.kind)) return '';
  return t('error.detail', { message });
}

/** Sentence + detail on one line. */
export function errorFull(error: AppError): string {
  const detail = errorDetail(error);
  return detail ? `${errorText(error)} ${detail}` : errorText(error);
}

/** Why the outbox is holding its changes, in a short clause. */
export function heldText(kind: ErrorKind): string {
  return t(heldKey(kind));
}
