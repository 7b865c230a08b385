/**
 * The one IPC contract between main, preload and renderer.
 *
 * Every channel the renderer may call is listed in `requests` with a runtime schema for its argument;
 * every event main may push is listed in `events`. Main validates each argument against the schema before
 * a service sees it; the preload exposes exactly these names and nothing else; the renderer gets the types.
 * Nothing else crosses the process boundary, and no type here can carry a token back to the renderer.
 */
import * as v from 'valibot';
import type { AppError, AppNotice } from './app-errors.ts';
import { checkBaseUrl } from './base-url.ts';
import { uiLocales } from './locales.ts';

export * from './app-errors.ts';
export * from './locales.ts';

// ---- Shared value types -------------------------------------------------------------------------

/** Connection states RyzeAPI reports for an instance (API.md §5.1); anything else arrives as 'unknown'. */
export const connectionStates = [
  'connected',
  'connecting',
  'disconnected',
  'loggedout',
  'closed',
  'banned',
  'unknown',
] as const;
export type ConnectionState = (typeof connectionStates)[number];

export interface InstanceSummary {
  name: string;
  state: ConnectionState;
  /** The server's human-friendly status ("Online"), when it sends one. */
  displayStatus: string;
  profileName: string;
  numberJid: string | null;
}

/** What the renderer may know about who is signed in. Deliberately has no room for a token. */
export type Session =
  | { signedIn: false; keychain: KeychainHealth; storeNotice: AppNotice | null }
  | {
      signedIn: true;
      keychain: KeychainHealth;
      /**
       * Set when the local store was unreadable at start and was moved aside (storeRecovered), and its
       * favorites then restored from a backup (storeRestored).
       */
      storeNotice: AppNotice | null;
      accountId: string;
      baseUrl: string;
      instance: InstanceSummary;
    };

export type KeychainHealth =
  | { available: true }
  | {
      available: false;
      /** Why it cannot be used (an error of kind keychainUnavailable). */
      error: AppError;
      /**
       * Accounts signed in on this computer whose tokens are in the keychain it cannot open (locked, say):
       * the user should unlock it and try again, not type a token.
       */
      waiting: number;
    };

/** A signed-in account (one server and instance) in the account switcher. */
export interface AccountSummary {
  accountId: string;
  baseUrl: string;
  instance: InstanceSummary;
  /** The account on screen. */
  active: boolean;
  /** Its favorite changes still waiting to be sent. */
  pending: number;
}

export interface ChatRow {
  jid: string;
  /** full_name → push_name → business_name → the number, resolved in main. */
  displayName: string;
  /** Digits of the phone number, or '' when only a LID or group id is known. */
  number: string;
  /** Epoch ms of the newest message seen, 0 when none. */
  lastActivity: number;
  lastMessagePreview: string;
  inAddressBook: boolean;
  favorite: boolean;
  /** True while a favorite change for this chat waits in the outbox. */
  pending: boolean;
  /** Type of the newest message (for a preview when it has no text), '' when none is held. */
  lastType: string;
  /** Messages received live or caught up since the chat was last open on this computer. */
  unread: number;
  /** The latest star change for this chat the server refused, until it is retried or dismissed. */
  failed: RowFailure | null;
}

/** Send status of a message, from history/getMessage `status` (API.md §6.4, §6.12); '' when not told. */
export type SendStatus = '' | 'pending' | 'sent' | 'delivered' | 'read' | 'played' | 'error';

/** What is known about a media message's file (API.md §6.4 data.media); null fields were not sent. */
export interface MediaInfo {
  mimeType: string;
  /** Bytes. */
  size: number | null;
  /** Seconds, for audio and video. */
  durationSec: number | null;
  fileName: string;
  /** An audio recorded as a voice note. */
  voice: boolean;
}

/** A refused change, marked on the row it belongs to (its id is the one `outbox:retry` takes). */
export interface RowFailure {
  id: number;
  wanted: boolean;
  error: AppError;
}

export interface MessageRow {
  id: string;
  chatJid: string;
  fromMe: boolean;
  senderJid: string;
  senderName: string;
  type: string;
  /** The text, or a media message's caption. */
  text: string;
  /** Epoch ms. */
  timestamp: number;
  favorite: boolean;
  pending: boolean;
  status: SendStatus;
  media: MediaInfo | null;
  /** The latest star change for this message the server refused, until it is retried or dismissed. */
  failed: RowFailure | null;
}

/** Media files larger than this are not opened in the app (their bytes cross IPC as base64). */
export const maxMediaBytes = 25 * 1024 * 1024;

/** A media file to show or save: bytes as base64, as RyzeAPI hands them (API.md §6.12). */
export interface MediaFile {
  mimeType: string;
  base64: string;
  size: number;
  fileName: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
}

export type FavoriteTarget =
  { kind: 'chat'; chatJid: string } | { kind: 'message'; chatJid: string; messageId: string };

export interface FavoriteMessageRow extends MessageRow {
  chatName: string;
}

/** A run of message text; `match` runs are the words a search found, for the UI to highlight. */
export interface TextRun {
  text: string;
  match: boolean;
}

export interface MessageSearchHit extends FavoriteMessageRow {
  /** The text around the matches (with "…" where it was cut), split into runs to highlight. */
  excerpt: TextRun[];
}

/** Search results: `total` counts matches only so far past the page; `atLeast` says there are more. */
export interface SearchPage extends Page<MessageSearchHit> {
  atLeast: boolean;
}

/** How the user knows a favorite target: its chat's name and, for a message, its text (null: none held). */
export interface TargetName {
  chat: string;
  message: string | null;
}

/** A change the server refused for good; the star went back to the last confirmed state. */
export interface FailedChange {
  id: number;
  target: FavoriteTarget;
  name: TargetName;
  wanted: boolean;
  error: AppError;
  at: number;
}

/**
 * What ends a hold on sending: the user signing in again, the instance reporting it is connected, RyzeAPI
 * answering again, the user asking to retry now, or the wait before the next automatic try running out.
 */
export type HoldRelease = 'signIn' | 'instanceConnected' | 'online' | 'retryNow' | 'timer';

/** Why sending is held, and what will resume it. */
export interface OutboxHold {
  /** What the last try met. */
  error: AppError;
  releasedBy: HoldRelease[];
  /** Epoch ms of the next automatic try; null when only an event in `releasedBy` resumes sending. */
  retryAt: number | null;
}

export interface OutboxStatus {
  pending: number;
  /** Why draining is held, when it is. */
  held: OutboxHold | null;
  online: boolean;
  syncing: boolean;
  /** Estimated ms to drain what is pending within the rate limit. */
  etaMs: number;
  failed: FailedChange[];
  canUndo: boolean;
}

/** 'unavailable': the socket has not opened for a few seconds (or RyzeAPI is unreachable). */
export type LiveState = 'connecting' | 'open' | 'closed' | 'unavailable';

/**
 * What the window shows about the connection. Main decides it with hysteresis (main/live/steady-link.ts):
 * it turns bad only after a few seconds and then holds through reconnect attempts until the link is back,
 * so the banner does not come and go with each retry.
 */
export interface ConnectionStatus {
  /** The instance's WhatsApp connection as last reported by the API or an instance.state event. */
  instanceState: ConnectionState;
  /** The live event socket. */
  live: LiveState;
  /** False once RyzeAPI has not answered for a few seconds; true again as soon as it answers. */
  online: boolean;
}

// ---- Favorites files (export and import) ----------------------------------------------------------

/** CSV for people and spreadsheets; JSON for importing into Ryze Desktop. */
export const exportFormats = ['csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ExportResult =
  | { status: 'saved'; fileName: string; chats: number; messages: number }
  | { status: 'cancelled' }
  /** `error`: why it could not be written (a full disk, a folder it may not write to). */
  | { status: 'failed'; fileName: string; error: AppError };

export type ImportResult =
  | {
      status: 'imported';
      fileName: string;
      /** Stars added (each is sent to RyzeAPI, shown as pending meanwhile). */
      starred: number;
      /** Stars the file holds that were already starred here. */
      alreadyStarred: number;
      /** Stars of messages or chats RyzeAPI no longer has; left out. */
      notOnServer: number;
    }
  | { status: 'cancelled' }
  | {
      status: 'refused';
      fileName: string;
      /**
       * Why nothing was imported: the file's problem (an import… code), or why RyzeAPI could not be asked
       * about what the file holds (the instance offline, no connection).
       */
      error: AppError;
    };

/** Commands of the native menu that the window carries out (it shows what happened). */
export type MenuCommand = 'exportCsv' | 'exportJson' | 'importFavorites';

// ---- Errors ---------------------------------------------------------------------------------------
// Errors and notices are codes with typed parameters (preload/app-errors.ts, re-exported above).

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

// ---- Argument schemas ---------------------------------------------------------------------------

const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const jid = nonEmpty(200);
const messageId = nonEmpty(200);
const none = v.optional(v.undefined());
const pageArgs = {
  offset: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
  limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
};
/**
 * The token goes into a request header as it is: printable ASCII only, so the page cannot use sign-in to
 * send arbitrary header content (and a pasted line break gets a clear answer instead of a network error).
 * The issue's message is a code the router turns into a `badToken` error.
 */
export const tokenIssue = 'badToken';
const token = v.pipe(nonEmpty(4096), v.regex(/^[\x20-\x7e]+$/, tokenIssue));
/**
 * See preload/base-url.ts: the output is the address in its normal form. The issue's message is the
 * problem's code (never the input), which the router turns into a `badBaseUrl` error.
 */
const baseUrl = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const check = checkBaseUrl(dataset.value);
    if (check.ok) return check.url;
    addIssue({ message: check.problem });
    return NEVER;
  }),
);

export const favoriteTargetSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('chat'), chatJid: jid }),
  v.strictObject({ kind: v.literal('message'), chatJid: jid, messageId }),
]);

/** Carries a result type in the table below; there is no runtime value behind it. */
const returns = <T>(): T => undefined as T;

/** Channel name → argument schema and result type. */
export const requests = {
  'session:get': { args: none, result: returns<Session>() },
  'session:beginSignIn': {
    args: v.strictObject({ baseUrl, token }),
    result: returns<{ instances: InstanceSummary[] }>(),
  },
  'session:chooseInstance': {
    args: v.strictObject({ instance: nonEmpty(200) }),
    result: returns<Session>(),
  },
  'session:cancelSignIn': { args: none, result: returns<null>() },
  /** Reads the keychain again (after the user unlocked it) and signs in the accounts waiting there. */
  'session:retryKeychain': { args: none, result: returns<Session>() },
  /** `removeLocalData`: also delete the account's chats, messages and pending changes from this computer. */
  'session:signOut': {
    args: v.optional(v.strictObject({ removeLocalData: v.boolean() })),
    result: returns<Session>(),
  },
  'accounts:list': { args: none, result: returns<AccountSummary[]>() },
  'accounts:switch': {
    args: v.strictObject({ accountId: nonEmpty(64) }),
    result: returns<Session>(),
  },
  'accounts:instances': { args: none, result: returns<InstanceSummary[]>() },
  'accounts:openInstance': {
    args: v.strictObject({ instance: nonEmpty(200) }),
    result: returns<Session>(),
  },
  'chats:page': {
    args: v.strictObject({ ...pageArgs, query: v.optional(v.pipe(v.string(), v.maxLength(200))) }),
    result: returns<Page<ChatRow>>(),
  },
  'chats:refresh': { args: none, result: returns<{ count: number }>() },
  /** The chat on screen (null: none): its unread count is cleared and stays 0 while it is shown. */
  'chats:viewing': { args: v.strictObject({ chatJid: v.nullable(jid) }), result: returns<null>() },
  'messages:page': {
    args: v.strictObject({ chatJid: jid, ...pageArgs }),
    result: returns<Page<MessageRow>>(),
  },
  /** Where a message is in its chat's time order (offset 0 = oldest held); null when it is not held. */
  'messages:locate': {
    args: v.strictObject({ chatJid: jid, messageId }),
    result: returns<{ index: number | null; total: number }>(),
  },
  /** A media message's file, from the disk cache or one GET /api/chat/base64 call; never prefetched. */
  'media:open': {
    args: v.strictObject({ chatJid: jid, messageId }),
    result: returns<MediaFile>(),
  },
  'messages:loadOlder': {
    args: v.strictObject({ chatJid: jid }),
    result: returns<{ added: number; reachedStart: boolean }>(),
  },
  'favorites:set': {
    args: v.strictObject({ target: favoriteTargetSchema, favorite: v.boolean() }),
    /** `changed`: false when the target already had that state (a click on a stale row): nothing to undo. */
    result: returns<{ queued: boolean; changed: boolean }>(),
  },
  'favorites:undo': { args: none, result: returns<{ undone: boolean }>() },
  'favorites:chats': { args: v.strictObject(pageArgs), result: returns<Page<ChatRow>>() },
  'favorites:messages': {
    args: v.strictObject(pageArgs),
    result: returns<Page<FavoriteMessageRow>>(),
  },
  /** Messages whose text holds every word of `query` (the last one as a prefix), newest first. */
  'search:messages': {
    args: v.strictObject({ query: nonEmpty(200), ...pageArgs }),
    result: returns<SearchPage>(),
  },
  'outbox:status': { args: none, result: returns<OutboxStatus>() },
  /** Ends the current hold and tries the next change now. */
  'outbox:resume': { args: none, result: returns<null>() },
  'outbox:retry': {
    args: v.strictObject({ id: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
    result: returns<null>(),
  },
  'outbox:dismiss': {
    args: v.strictObject({ id: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
    result: returns<null>(),
  },
  'connection:status': { args: none, result: returns<ConnectionStatus>() },
  /**
   * Writes the shown account's favorites to a file the user picks in a native save dialog (main's; the
   * window never touches files). `locale`: the language of the CSV's headers.
   */
  'favorites:export': {
    args: v.strictObject({ format: v.picklist(exportFormats), locale: v.picklist(uiLocales) }),
    result: returns<ExportResult>(),
  },
  /** Stars what a JSON export of the shown account holds, from a file the user picks in a native dialog. */
  'favorites:import': { args: none, result: returns<ImportResult>() },
  /** The UI's language changed (or the window just started): main follows it in menus and dialogs. */
  'app:setLocale': { args: v.strictObject({ locale: v.picklist(uiLocales) }), result: returns<null>() },
} as const;

export type RequestChannel = keyof typeof requests;
export type RequestArgs<C extends RequestChannel> = v.InferInput<(typeof requests)[C]['args']>;
export type RequestResult<C extends RequestChannel> = (typeof requests)[C]['result'];
export const requestChannels = Object.keys(requests) as RequestChannel[];

/** Carries an event's payload type in the table below; there is no runtime value behind it. */
const carries = <T>(): T => undefined as T;

/** Main → renderer events and their payloads: the channel list and the types both come from here. */
export const events = {
  'session:changed': carries<Session>(),
  /** Something in the chat list changed; the renderer re-reads the pages it shows. */
  'chats:changed': carries<null>(),
  'messages:changed': carries<{ chatJid: string }>(),
  'outbox:changed': carries<OutboxStatus>(),
  'connection:changed': carries<ConnectionStatus>(),
  /** An import is asking RyzeAPI about what the file holds that this computer does not: done of total. */
  'favorites:importProgress': carries<{ done: number; total: number }>(),
  /** The user chose one of the app's commands in the native menu. */
  'menu:command': carries<MenuCommand>(),
} as const;
export type EventPayloads = { [E in keyof typeof events]: (typeof events)[E] };
export type EventChannel = keyof EventPayloads;
export const eventChannels = Object.keys(events) as EventChannel[];

/** One function per request channel, channel fixed: the page never names an arbitrary channel. */
export type RyzeRequests = {
  [C in RequestChannel]: (args: RequestArgs<C>) => Promise<Result<RequestResult<C>>>;
};

/** What the preload exposes on `window.ryze`, and what the E2E harness injects in its place. */
export type RyzeBridge = RyzeRequests & {
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

export const bridgeGlobalName = 'ryze';
