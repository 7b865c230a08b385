import * as v from 'valibot';
import { connectionStates, type FavoriteTarget, type InstanceSummary } from '../../preload/contract.ts';

/**
 * The one file format of the favorites record: automatic backups (every account; every target starred,
 * or possibly starred on the server) and JSON exports (one account's stars). Compact JSON with a format
 * name and a version, so a later Ryze Desktop can read an older file and an older one refuses a newer
 * file instead of misreading it. It never holds a token: accounts are named by server and instance.
 */
export const fileFormat = 'ryze-desktop-favorites';
export const fileVersion = 1;

/** What the server is known to hold for a target: favorites.confirmed 1, 0, -1 and NULL. */
export type ServerState = 'starred' | 'unstarred' | 'unknown' | 'never';

export interface RecordChat {
  jid: string;
  name: string;
  number: string;
  inAddressBook: boolean;
  /** Epoch ms of the newest message seen, 0 when none. */
  lastActivity: number;
  preview: string;
}

export interface RecordMessage {
  id: string;
  /** Epoch ms. */
  ts: number;
  fromMe: boolean;
  senderJid: string;
  senderName: string;
  type: string;
  text: string;
}

export interface RecordFavorite {
  kind: 'chat' | 'message';
  chatJid: string;
  /** Message targets only. */
  messageId?: string;
  /** What the user sees. */
  starred: boolean;
  server: ServerState;
  /** Epoch ms of the user's last change: when it was starred, for a star. */
  changedAt: number;
  /** The starred message as it was stored (message targets; null when the store no longer held it). */
  message?: RecordMessage | null;
}

export interface RecordAccount {
  baseUrl: string;
  instance: InstanceSummary;
  /** The account on screen when the record was made. */
  current: boolean;
  /** The chats the favorites refer to. */
  chats: RecordChat[];
  favorites: RecordFavorite[];
}

export type RecordKind = 'backup' | 'export';

export interface FavoritesFile {
  format: typeof fileFormat;
  version: typeof fileVersion;
  kind: RecordKind;
  createdAt: string;
  accounts: RecordAccount[];
}

// ---- Reading --------------------------------------------------------------------------------------

/**
 * Longest text of each kind a file may hold. Whatever writes a file clips to these (see `clip`), so
 * nothing the app writes can make its own backup unreadable.
 */
export const limits = {
  id: 200,
  name: 1000,
  number: 50,
  preview: 1000,
  type: 100,
  // WhatsApp caps a text at 65,536 characters.
  text: 70_000,
  status: 200,
} as const;

export function clip(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max);
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(limits.id));
/** Epoch ms that a Date can hold (and SQLite hands back exactly). */
const time = v.pipe(v.number(), v.integer(), v.minValue(-8.64e15), v.maxValue(8.64e15));

const messageSchema = v.object({
  id,
  ts: time,
  fromMe: v.boolean(),
  senderJid: text(limits.id),
  senderName: text(limits.name),
  type: text(limits.type),
  text: text(limits.text),
});

const favoriteSchema = v.pipe(
  v.object({
    kind: v.picklist(['chat', 'message']),
    chatJid: id,
    messageId: v.optional(id),
    starred: v.boolean(),
    server: v.picklist(['starred', 'unstarred', 'unknown', 'never']),
    changedAt: time,
    message: v.optional(v.nullable(messageSchema)),
  }),
  v.check((f) => (f.kind === 'message') === (f.messageId !== undefined), 'messageId belongs to messages'),
);

const accountSchema = v.object({
  baseUrl: v.pipe(v.string(), v.url(), v.maxLength(2048)),
  instance: v.object({
    name: id,
    state: v.picklist(connectionStates),
    displayStatus: text(limits.status),
    profileName: text(limits.name),
    numberJid: v.nullable(text(limits.id)),
  }),
  current: v.boolean(),
  chats: v.array(
    v.object({
      jid: id,
      name: text(limits.name),
      number: text(limits.number),
      inAddressBook: v.boolean(),
      lastActivity: time,
      preview: text(limits.preview),
    }),
  ),
  favorites: v.array(favoriteSchema),
});

const fileSchema = v.object({
  format: v.literal(fileFormat),
  version: v.literal(fileVersion),
  kind: v.picklist(['backup', 'export']),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  accounts: v.array(accountSchema),
});

/** Why bytes are not a favorites file this version can read. */
export type FileProblem = 'empty' | 'notUtf8' | 'damaged' | 'notAnExport' | 'newerVersion';

export type FileReading = { ok: true; file: FavoritesFile } | { ok: false; problem: FileProblem };

/**
 * Reads and fully validates a favorites file; nothing is used from a file that fails any check. A
 * leading byte-order mark is allowed (editors add one).
 */
export function readFavoritesFile(bytes: Uint8Array): FileReading {
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: 'notUtf8' };
  }
  const trimmed = content.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  // A CSV export, a spreadsheet or any other file: not something this app wrote for importing.
  if (!trimmed.startsWith('{')) return { ok: false, problem: 'notAnExport' };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== fileFormat) {
    return { ok: false, problem: 'notAnExport' };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > fileVersion) {
    return { ok: false, problem: 'newerVersion' };
  }
  const parsed = v.safeParse(fileSchema, json);
  return parsed.success
    ? { ok: true, file: parsed.output as FavoritesFile }
    : { ok: false, problem: 'damaged' };
}

// ---- Writing --------------------------------------------------------------------------------------

/** The file's opening, up to where its accounts begin; the rest is `accountsJson` chunks and `fileEnd`. */
export function fileStart(kind: RecordKind, createdAt: number): string {
  const head = JSON.stringify({
    format: fileFormat,
    version: fileVersion,
    kind,
    createdAt: new Date(createdAt).toISOString(),
  });
  return `${head.slice(0, -1)},"accounts":[`;
}

export const fileEnd = ']}';

/**
 * The opening of one account's entry, up to where its favorites begin. Favorites come before the chats
 * they refer to, so a writer learns which chats to include as it goes, without a query of its own.
 */
export function accountStart(account: Omit<RecordAccount, 'chats' | 'favorites'>, first: boolean): string {
  const head = JSON.stringify({
    baseUrl: account.baseUrl,
    instance: account.instance,
    current: account.current,
  });
  return `${first ? '' : ','}${head.slice(0, -1)},"favorites":[`;
}

export const favoritesEnd = '],"chats":[';
export const accountEnd = ']}';

/** The target a recorded favorite names. */
export function targetOf(favorite: RecordFavorite): FavoriteTarget {
  return favorite.kind === 'chat'
    ? { kind: 'chat', chatJid: favorite.chatJid }
    : { kind: 'message', chatJid: favorite.chatJid, messageId: favorite.messageId ?? '' };
}
