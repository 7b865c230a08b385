import { httpFailure } from './api-failure.ts';
import {
  connectionStates,
  type ConnectionState,
  type InstanceSummary,
  type MediaInfo,
  type SendStatus,
} from '../../preload/contract.ts';

/**
 * Tolerant readers for RyzeAPI bodies. Field casing is not uniform across endpoints and some shapes are
 * undocumented (API.md §1, §6.3), so each reader accepts the known spellings and never throws on a
 * missing optional field.
 */
type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const firstString = (obj: Json, ...keys: string[]): string => {
  for (const key of keys) {
    const value = obj[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return '';
};
const obj = (value: unknown): Json => (isObject(value) ? value : {});

export function parseConnectionState(value: unknown): ConnectionState {
  const state = str(value).toLowerCase().replace(/_/g, '');
  return (connectionStates as readonly string[]).includes(state) ? (state as ConnectionState) : 'unknown';
}

export function parseInstances(body: Json): InstanceSummary[] {
  const items = Array.isArray(body.instances) ? body.instances : [];
  return items.filter(isObject).map((item) => {
    const connection = obj(item.connection);
    const profile = obj(item.profile);
    const numberJid = firstString(connection, 'numberJid') || firstString(item, 'numberJid');
    return {
      name: str(item.name),
      state: parseConnectionState(connection.state ?? item.status),
      displayStatus: str(connection.displayStatus),
      profileName: str(profile.name),
      numberJid: numberJid || null,
    };
  });
}

export interface ApiContact {
  jid: string;
  displayName: string;
  number: string;
}

/** Digits of a phone JID; '' for LIDs and groups, which are not phone numbers (API.md §9.5). */
export function numberOf(jid: string): string {
  const [user, server] = jid.split('@');
  if (server !== undefined && server !== 's.whatsapp.net') return '';
  return /^\d+$/.test(user ?? '') ? (user as string) : '';
}

/** Display name rule of the chat list: full_name → push_name → business_name → the number. */
export function contactDisplayName(item: Json, jid: string): string {
  return (
    firstString(item, 'full_name', 'fullName') ||
    firstString(item, 'push_name', 'pushName') ||
    firstString(item, 'business_name', 'businessName') ||
    numberOf(jid) ||
    firstString(item, 'redacted_phone') ||
    jid.split('@')[0] ||
    jid
  );
}

export function parseContacts(body: Json): ApiContact[] {
  const items = Array.isArray(body.contacts) ? body.contacts : [];
  return items.filter(isObject).flatMap((item) => {
    const jid = firstString(item, 'jid');
    if (!jid) return [];
    return [{ jid, displayName: contactDisplayName(item, jid), number: numberOf(jid) }];
  });
}

/** One contact looked up by number (API.md §6.1): `found` is false for a number not in the address book. */
export function parseContact(body: Json): (ApiContact & { found: boolean }) | null {
  const item = obj(body.contact);
  const jid = firstString(item, 'jid');
  if (!jid) return null;
  return {
    jid,
    displayName: contactDisplayName(item, jid),
    number: numberOf(jid),
    found: item.found === true,
  };
}

export interface ApiMessage {
  id: string;
  chatJid: string;
  fromMe: boolean;
  senderJid: string;
  senderName: string;
  type: string;
  text: string;
  timestamp: number;
  /** '' or absent: not told. */
  status?: SendStatus;
  media?: MediaInfo | null;
}

/** The latest time a Date can hold; anything beyond is garbage, and past 2^53 SQLite could not hand it back. */
const maxTime = 8.64e15;

/** Milliseconds since 1970 (the API sends seconds or ISO text); 0 when unknown or out of any real range. */
function parseTime(value: unknown): number {
  const ms = typeof value === 'number' ? (value < 1e12 ? value * 1000 : value) : Date.parse(str(value));
  return Number.isFinite(ms) && Math.abs(ms) <= maxTime ? Math.round(ms) : 0;
}

/**
 * Send status. getMessage sends words (API.md §6.4 "delivered", "read"); GET /api/chat/status also gives
 * codes (§6.12: pending 0, sent 1, delivered 2, received 3, read 4, played 5, error -1). "received" is an
 * incoming message, which has no send status to show; anything unknown reads as ''.
 */
export function parseStatus(value: unknown): SendStatus {
  const codes: Record<string, SendStatus> = {
    '0': 'pending',
    '1': 'sent',
    '2': 'delivered',
    '4': 'read',
    '5': 'played',
    '-1': 'error',
    server_ack: 'sent',
    delivery_ack: 'delivered',
    failed: 'error',
  };
  const word = (typeof value === 'number' ? String(value) : str(value)).trim().toLowerCase();
  if (['pending', 'sent', 'delivered', 'read', 'played', 'error'].includes(word)) return word as SendStatus;
  return codes[word] ?? '';
}

/** A count given as a number or a numeric string (protobuf int64s often arrive as strings); null otherwise. */
function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

const mediaTypes = ['image', 'video', 'audio', 'ptt', 'document', 'sticker'];

/**
 * `media` of a history item or getMessage `data` (API.md §6.4: type, mimeType, size, duration). History's
 * item shape and the file name's key are not documented (NF), so the spellings seen in WhatsApp payloads are
 * accepted too, and a media object that says nothing usable reads as no media.
 */
export function parseMedia(value: unknown, type: string): MediaInfo | null {
  if (!isObject(value)) return null;
  const mimeType = firstString(value, 'mimeType', 'mimetype', 'mime_type');
  const size = count(value.size ?? value.fileLength ?? value.file_length ?? value.fileSize);
  const durationSec = count(value.duration ?? value.seconds);
  const fileName = firstString(value, 'fileName', 'file_name', 'filename', 'title');
  if (!mimeType && size === null && durationSec === null && !fileName && !mediaTypes.includes(type))
    return null;
  return {
    mimeType,
    size,
    durationSec,
    fileName,
    voice: type === 'ptt' || value.ptt === true || value.isVoice === true || value.voice === true,
  };
}

/** The message's type: the item's own, unless it says text while carrying media of a known type. */
function typeOf(item: Json, media: Json): string {
  const own = firstString(item, 'type', 'messageType', 'message_type');
  const ofMedia = firstString(media, 'type', 'mediaType', 'media_type');
  if ((!own || own === 'text') && mediaTypes.includes(ofMedia)) return ofMedia;
  return own || 'text';
}

/** One history item (item shape not documented, API.md §6.3) or getMessage `data` (§6.4). */
export function parseMessage(item: Json, fallbackChatJid: string): ApiMessage | null {
  const id = firstString(item, 'id', 'messageId', 'message_id');
  if (!id) return null;
  const content = item.content;
  const text = typeof content === 'string' ? content : firstString(obj(content), 'text', 'caption');
  const direction = str(item.direction);
  const type = typeOf(item, obj(item.media));
  return {
    id,
    chatJid: firstString(item, 'chat_jid', 'chatJid', 'chat') || fallbackChatJid,
    fromMe: item.fromMe === true || item.from_me === true || direction === 'outgoing',
    senderJid: firstString(item, 'senderJid', 'sender_jid', 'from'),
    senderName: firstString(item, 'pushName', 'push_name', 'senderName'),
    type,
    text: text || firstString(item, 'text', 'body', 'caption'),
    timestamp: parseTime(item.timestamp),
    status: parseStatus(item.status),
    media: parseMedia(item.media, type),
  };
}

/**
 * A message.exchange event in either shape (API.md §9.5): the catalog's `data.message.{...}` or the live
 * `data.{direction, chat, sender, message:{type, content}}`.
 */
export function parseExchangeEvent(data: Json): (ApiMessage & { chatName: string }) | null {
  const inner = obj(data.message);
  const catalog = isObject(inner.chat) || typeof inner.direction === 'string';
  const source = catalog ? inner : data;
  const chat = obj(source.chat);
  const sender = obj(source.sender);
  const id = firstString(source, 'id') || firstString(data, 'id');
  const chatJid = firstString(chat, 'jid');
  if (!id || !chatJid) return null;
  const content = catalog ? obj(inner.content).text : inner.content;
  const media = obj(inner.media);
  const type = catalog ? firstString(media, 'type') || 'text' : typeOf(inner, media);
  return {
    id,
    chatJid,
    chatName: firstString(chat, 'name'),
    fromMe: str(source.direction) === 'outgoing',
    senderJid: firstString(sender, 'jid'),
    senderName: firstString(sender, 'name'),
    type,
    text: typeof content === 'string' ? content : '',
    timestamp: parseTime(source.timestamp),
    // A live message is new: its receipts come later (message.status, not followed here).
    status: '',
    media: parseMedia(inner.media, type),
  };
}

/** The fields of a favorite call's answer that say what the server did (API.md §6.5); null when absent. */
export interface FavoriteAnswer {
  type: string | null;
  favorite: boolean | null;
  messageId: string | null;
}

export function parseFavoriteAnswer(body: Json): FavoriteAnswer {
  return {
    type: typeof body.type === 'string' ? body.type : null,
    favorite: typeof body.favorite === 'boolean' ? body.favorite : null,
    messageId: typeof body.message_id === 'string' ? body.message_id : null,
  };
}

export interface ApiMediaFile {
  mimeType: string;
  /** Decoded bytes. */
  bytes: Buffer;
}

/**
 * GET /api/chat/base64 (API.md §6.12): `mime_type` and `base64`. A body without readable base64 is a
 * server fault, not an empty file; a data: URL prefix, which some gateways add, is taken off.
 */
export function parseMediaFile(body: Json): ApiMediaFile {
  const raw = firstString(body, 'base64', 'data').replace(/^data:[^,]*,/, '');
  const mimeType = firstString(body, 'mime_type', 'mimeType', 'mimetype') || 'application/octet-stream';
  const clean = raw.replace(/\s+/g, '');
  if (!clean || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) {
    throw httpFailure('unreadableAnswer', 200, '');
  }
  return { mimeType, bytes: Buffer.from(clean, 'base64') };
}
