/**
 * Every error and notice main reports is a code with parameters (preload/app-errors.ts); this is where
 * they become sentences, in the user's language. The server's own words are only ever a quoted detail
 * under the app's sentence, and only for errors RyzeAPI answered with.
 */
import {
  errorCodes,
  noticeCodes,
  type AppError,
  type AppNotice,
  type ErrorCode,
  type ErrorKind,
  type NoticeCode,
  type OutboxHold,
  type ParamKind,
  type ParamTypes,
  type TargetName,
} from '../../../preload/contract.ts';
import { t, tn, type MessageKey, type Params, type PluralKey } from '../i18n/index.svelte.ts';
import { formatMessageTime, formatSize } from './format.ts';

// Template types that must be keys of the catalogue: a code without its sentence is a type error.
const errorKey = (code: ErrorCode): `error.${ErrorCode}` & MessageKey => `error.${code}`;
/** Notices whose sentence has a form per plural category (`notice.x.one`, `notice.x.other`). */
type PluralNotice = {
  [C in NoticeCode]: (typeof noticeCodes)[C] extends { plural: string } ? C : never;
}[NoticeCode];
const noticeKey = (code: Exclude<NoticeCode, PluralNotice>): `notice.${typeof code}` & MessageKey =>
  `notice.${code}`;
const pluralNoticeKey = (code: PluralNotice): `notice.${PluralNotice}` & PluralKey => `notice.${code}`;
const heldKey = (kind: ErrorKind): `held.${ErrorKind}` & MessageKey => `held.${kind}`;

/** How each kind of parameter is written in a sentence. */
const formats: { [K in ParamKind]: (value: ParamTypes[K]) => string | number } = {
  count: (n) => n,
  bytes: (n) => formatSize(n),
  time: (ms) => formatMessageTime(ms),
  status: (status) => String(status),
  origin: (origin) => origin || t('error.unnamedPlace'),
  name: (name) => name,
  path: (path) => path,
  address: (address) => address || t('error.unnamedPlace'),
  target: (target) => t(`target.${target}`),
  baseUrlProblem: (problem) => t(`signIn.baseUrlProblem.${problem}`),
};

function fillParams(spec: Readonly<Record<string, ParamKind>>, params: object): Params {
  const values = params as Record<string, unknown>;
  const out: Params = {};
  for (const [name, kind] of Object.entries(spec)) {
    if (values[name] === undefined) continue;
    out[name] = (formats[kind] as (value: unknown) => string | number)(values[name]);
  }
  return out;
}

/** The app's sentence for an error. */
export function errorText(error: AppError): string {
  const code: ErrorCode = Object.hasOwn(errorCodes, error.code) ? error.code : 'internal';
  return t(errorKey(code), fillParams(errorCodes[code].params, error.params ?? {}));
}

/** The server's own words, when RyzeAPI answered with this error and said something; '' otherwise. */
function serverWords(error: AppError): string {
  if (error.origin !== 'server' || !('serverMessage' in error)) return '';
  return error.serverMessage?.trim() ?? '';
}

/** "RyzeAPI said: “…”", or '' when the error has no words of the server. */
export function errorDetail(error: AppError): string {
  const words = serverWords(error);
  return words ? t('error.serverSaid', { message: words }) : '';
}

/** Sentence and detail on one line. */
export function errorFull(error: AppError): string {
  const detail = errorDetail(error);
  return detail ? `${errorText(error)} ${detail}` : errorText(error);
}

/** Why the outbox is holding its changes: a short clause by the error's class, then the next try's time. */
export function heldText(hold: OutboxHold): string {
  const held = t('status.held', { reason: t(heldKey(hold.error.kind)) });
  return hold.retryAt === null
    ? held
    : `${held} ${t('status.nextTry', { time: formatMessageTime(hold.retryAt) })}`;
}

const isPlural = (code: NoticeCode): code is PluralNotice => 'plural' in noticeCodes[code];

export function noticeText(notice: AppNotice): string {
  const { code } = notice;
  const spec: { params: Readonly<Record<string, ParamKind>>; plural?: string } = noticeCodes[code];
  const params = fillParams(spec.params, notice.params);
  if (!isPlural(code)) return t(noticeKey(code), params);
  const count = (notice.params as Record<string, unknown>)[spec.plural!];
  return tn(pluralNoticeKey(code), typeof count === 'number' ? count : 0, params);
}

/** How the user knows a favorite target: the chat's name, or a message's text and its chat. */
export function targetNameText(kind: 'chat' | 'message', name: TargetName): string {
  if (kind === 'chat') return t('name.chat', { chat: name.chat });
  return name.message === null
    ? t('name.messageWithoutText', { chat: name.chat })
    : t('name.message', { text: name.message, chat: name.chat });
}
