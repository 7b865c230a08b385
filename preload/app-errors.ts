/**
 * What main tells the window about failures and notable events: data, never sentences. Each error and
 * notice is a code with typed parameters; the renderer owns every sentence, in each language, from its
 * catalogues (renderer/src/i18n). Only an error whose origin is the server carries words it did not make:
 * the server's own `error.message`, verbatim (secrets removed), which the window quotes as a detail.
 *
 * Part of the IPC contract (preload/contract.ts re-exports it); kept apart so the codes read as one table.
 */
import type { BaseUrlProblem } from './base-url.ts';

/** Every class of failure. The window's short "why sending is paused" clause is chosen by class. */
export const errorKinds = [
  'auth',
  'forbidden',
  'notFound',
  'disconnected',
  'rateLimited',
  'invalidRequest',
  'network',
  /** RyzeAPI answered with a redirect, which the app never follows (the token would go along). */
  'redirected',
  'server',
  'keychainUnavailable',
  'invalidArgument',
  'forbiddenSender',
  'notSignedIn',
  'store',
  /** A file the user chose to export to or import from could not be written or read. */
  'file',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

/**
 * Where a failure arose. 'server': the server at the API address answered with it; 'network': no whole
 * answer came (refused, cut off, timed out); 'app': this app refused or failed on its own.
 */
export type ErrorOrigin = 'app' | 'network' | 'server';

/** What each kind of parameter holds. None is free text made by main. */
export interface ParamTypes {
  /** How many of something. */
  count: number;
  /** A size in bytes (the window writes it in KB or MB). */
  bytes: number;
  /** An instant, epoch ms (the window shows it in the user's time format). */
  time: number;
  /** An HTTP status code. */
  status: number;
  /** A URL origin (scheme, host, port): never a path or a query, which may carry anything. */
  origin: string;
  /** A name the user or RyzeAPI gave something: an instance, a field of a request. */
  name: string;
  /** Where a file is on this computer. */
  path: string;
  /** An API address in the sign-in form's normal form (origin and path), or '' when it was not one. */
  address: string;
  target: 'chat' | 'message';
  baseUrlProblem: BaseUrlProblem;
}
export type ParamKind = keyof ParamTypes;

interface CodeSpec {
  kind: ErrorKind;
  origin: ErrorOrigin;
  params: Readonly<Record<string, ParamKind>>;
}

const fromServer = { status: 'status' } as const;
const none = {} as const;

/**
 * Every error the window can be told about: its class, its origin and its parameters. A new failure is one
 * entry here plus its sentence in each catalogue (a missing sentence is a type error in the renderer).
 */
export const errorCodes = {
  // RyzeAPI answered (API.md §4). `status` is the HTTP status; the server's words travel beside it.
  tokenRefused: { kind: 'auth', origin: 'server', params: fromServer },
  forbidden: { kind: 'forbidden', origin: 'server', params: fromServer },
  instanceNotFound: { kind: 'notFound', origin: 'server', params: fromServer },
  messageNotFound: { kind: 'notFound', origin: 'server', params: fromServer },
  notFound: { kind: 'notFound', origin: 'server', params: fromServer },
  disconnected: { kind: 'disconnected', origin: 'server', params: fromServer },
  rateLimited: { kind: 'rateLimited', origin: 'server', params: fromServer },
  invalidRequest: { kind: 'invalidRequest', origin: 'server', params: fromServer },
  serverError: { kind: 'server', origin: 'server', params: fromServer },
  /** Not RyzeAPI's JSON envelope (cut off, a proxy's HTML page), or a 2xx that says it failed. */
  unreadableAnswer: { kind: 'server', origin: 'server', params: fromServer },
  /** A 2xx whose content does not match the change that was asked for. */
  answerDisagreed: { kind: 'server', origin: 'server', params: none },
  /** `location`: the origin it pointed to, when it named one. */
  redirected: { kind: 'redirected', origin: 'server', params: { status: 'status', location: 'origin' } },
  /** The token opens no instance. */
  noInstances: { kind: 'notFound', origin: 'server', params: none },
  // A server not yet known to be RyzeAPI answered the sign-in: its words are never passed on.
  unknownServerRefusedToken: { kind: 'auth', origin: 'server', params: fromServer },
  notRyzeApi: { kind: 'invalidRequest', origin: 'server', params: fromServer },

  // No whole answer.
  unreachable: { kind: 'network', origin: 'network', params: none },
  timeout: { kind: 'network', origin: 'network', params: none },
  connectionLost: { kind: 'network', origin: 'network', params: none },

  // The system keychain.
  keychainNoService: { kind: 'keychainUnavailable', origin: 'app', params: none },
  keychainLocked: { kind: 'keychainUnavailable', origin: 'app', params: none },
  keychainDenied: { kind: 'keychainUnavailable', origin: 'app', params: none },
  keychainFailed: { kind: 'keychainUnavailable', origin: 'app', params: none },

  // The app refused a request.
  badBaseUrl: { kind: 'invalidArgument', origin: 'app', params: { problem: 'baseUrlProblem' } },
  badToken: { kind: 'invalidArgument', origin: 'app', params: none },
  /** `field`: the request's field that was not valid ('argument' for the whole of it). */
  invalidArgument: { kind: 'invalidArgument', origin: 'app', params: { field: 'name' } },
  unknownRequest: { kind: 'invalidArgument', origin: 'app', params: none },
  forbiddenSender: { kind: 'forbiddenSender', origin: 'app', params: none },
  notSignedIn: { kind: 'notSignedIn', origin: 'app', params: none },
  signInExpired: { kind: 'notSignedIn', origin: 'app', params: none },
  /** The keychain no longer has the shown account's token. */
  tokenMissing: { kind: 'notSignedIn', origin: 'app', params: none },
  accountNotSignedIn: { kind: 'invalidArgument', origin: 'app', params: none },
  noSuchInstance: { kind: 'invalidArgument', origin: 'app', params: { instance: 'name' } },
  unknownTarget: { kind: 'invalidArgument', origin: 'app', params: { target: 'target' } },
  failedChangeGone: { kind: 'invalidArgument', origin: 'app', params: none },
  noMediaFile: { kind: 'invalidArgument', origin: 'app', params: none },
  /** Files larger than `limit` are not opened in the app (their bytes would cross IPC). */
  mediaTooLarge: { kind: 'invalidArgument', origin: 'app', params: { size: 'bytes', limit: 'bytes' } },

  // Export and import of favorites. The window says which file; the system's words go to the log.
  /** One import at a time: the second would ask RyzeAPI about the same stars again. */
  importRunning: { kind: 'invalidArgument', origin: 'app', params: none },
  /** This copy of the app has no way to ask for a file (a build without the shell's dialogs). */
  noFileDialog: { kind: 'internal', origin: 'app', params: none },
  exportNoSpace: { kind: 'file', origin: 'app', params: none },
  /** The folder or disk does not let the app write there (permissions, read-only). */
  exportNotAllowed: { kind: 'file', origin: 'app', params: none },
  exportFailed: { kind: 'file', origin: 'app', params: none },
  importUnreadable: { kind: 'file', origin: 'app', params: none },
  /** A file larger than any export is not read (`size`), past `limit`. */
  importTooLarge: { kind: 'invalidArgument', origin: 'app', params: { size: 'bytes', limit: 'bytes' } },
  importEmpty: { kind: 'invalidArgument', origin: 'app', params: none },
  importNotUtf8: { kind: 'invalidArgument', origin: 'app', params: none },
  /** Cut short or edited: not whole JSON, or not the favorites file's shape. */
  importDamaged: { kind: 'invalidArgument', origin: 'app', params: none },
  /** Another kind of file: a CSV export, a spreadsheet, another app's JSON. */
  importNotAnExport: { kind: 'invalidArgument', origin: 'app', params: none },
  importNewerVersion: { kind: 'invalidArgument', origin: 'app', params: none },
  /** The file is another account's: the instance and server it names (the file's own words). */
  importOtherInstance: {
    kind: 'invalidArgument',
    origin: 'app',
    params: { instance: 'name', server: 'address' },
  },

  // The local store.
  storeUnreadable: { kind: 'store', origin: 'app', params: none },
  storeTooNew: { kind: 'store', origin: 'app', params: none },
  /** A call made while the app is quitting, after the store was closed. */
  storeClosed: { kind: 'store', origin: 'app', params: none },
  /** The store worker stopped with this call unanswered (it starts again with the next call). */
  storeStopped: { kind: 'store', origin: 'app', params: none },
  /** The store worker stopped three times within a minute; it is not started again until the app restarts. */
  storeKeepsStopping: { kind: 'store', origin: 'app', params: none },

  /** A bug or anything else unexpected: its text stays in the log. */
  internal: { kind: 'internal', origin: 'app', params: none },
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof errorCodes;

/** The typed parameters of a code. */
export type ParamsOf<Spec extends { readonly params: Readonly<Record<string, ParamKind>> }> = {
  -readonly [P in keyof Spec['params']]: ParamTypes[Spec['params'][P]];
};
export type ErrorParams<C extends ErrorCode> = ParamsOf<(typeof errorCodes)[C]>;

type ErrorOf<C extends ErrorCode> = {
  code: C;
  kind: (typeof errorCodes)[C]['kind'];
  origin: (typeof errorCodes)[C]['origin'];
  params: ErrorParams<C>;
} & ((typeof errorCodes)[C]['origin'] extends 'server'
  ? {
      /**
       * The server's own error.message, verbatim with secrets removed; absent when it sent none (or is
       * not known to be RyzeAPI). Shown only as a quoted detail, never as the main message.
       */
      serverMessage?: string;
    }
  : unknown);

/** A failure as it crosses the contract. */
export type AppError = { [C in ErrorCode]: ErrorOf<C> }[ErrorCode];

/** The parameters argument for a code: optional when it has none. */
export type ErrorArgs<C extends ErrorCode> = keyof ErrorParams<C> extends never
  ? [params?: ErrorParams<C>]
  : [params: ErrorParams<C>];

/** Builds an error of `code`; its class and origin come from the table, so they cannot disagree with it. */
export function appError<C extends ErrorCode>(code: C, ...[params]: ErrorArgs<C>): AppError {
  const spec: CodeSpec = errorCodes[code];
  return { code, kind: spec.kind, origin: spec.origin, params: params ?? {} } as AppError;
}

interface NoticeSpec {
  params: Readonly<Record<string, ParamKind>>;
  /** The count parameter whose number picks the sentence's plural form (its catalogues say it per form). */
  plural?: string;
}

/** Notable events that are not failures of a request, told the same way: a code and its parameters. */
export const noticeCodes = {
  /** The store was unreadable at start; it was set aside (never deleted) at `movedTo` and a new one begun. */
  storeRecovered: { params: { movedTo: 'path' } },
  /**
   * The same, and then the favorites came back from the newest readable backup, written at `backupAt`:
   * `stars` of them, each sent to RyzeAPI again. Changes made after that backup are not in it. (Where the
   * old store was set aside is in the log: with the favorites back, the user has no need of it.)
   */
  storeRestored: { params: { backupAt: 'time', stars: 'count' }, plural: 'stars' },
  /**
   * The store could not be opened at all (not a damaged file, which is set aside: the disk refused it, say,
   * or a newer version wrote it). It was left as it is; why is in the log.
   */
  storeNotOpened: { params: {} },
} as const satisfies Record<string, NoticeSpec>;

export type NoticeCode = keyof typeof noticeCodes;
export type AppNotice = {
  [C in NoticeCode]: { code: C; params: ParamsOf<(typeof noticeCodes)[C]> };
}[NoticeCode];
