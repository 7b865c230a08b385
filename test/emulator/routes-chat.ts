import type { InstanceContext, RouteDef } from './context.ts';
import { checkFields, fail, ok, parseJsonBody, rfc3339 } from './http-util.ts';
import { isGroupJid } from './jid.ts';
import { mediaBytes } from './media.ts';
import type { ContactRecord, Reply, StoredMessage } from './types.ts';
import { findMessage, resolveChatJid } from './world.ts';
import type { InstanceRecord } from './world.ts';

const NOT_CONNECTED = 'Instance is not connected to WhatsApp';
const DEFAULT_HISTORY_COUNT = 50;
// The real success text is undocumented (API.md §12.5): our choice.
const FAVORITE_OK = 'Favorite updated successfully';
// RFC 3339 as Go's time.Parse accepts it: seconds required, optional fraction, Z or a numeric offset.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function invalidNumber(input: string): Reply {
  // Exact text for an unparseable number is not documented (API.md §4 only says "invalid identifier"): our choice.
  return fail(400, `Invalid number: ${input}`);
}

// §6.1. Reads the local contact store, so it answers while the instance is disconnected.
function contacts(ctx: InstanceContext): Reply {
  const { inst } = ctx;
  const number = ctx.url.searchParams.get('number');
  if (number === null || number.trim() === '') {
    return ok({ total: inst.contacts.length, contacts: inst.contacts.map((c) => ({ ...c })) });
  }
  const trimmed = number.trim();
  const byLid = inst.contactsByLid.get(trimmed);
  if (byLid !== undefined) return ok({ contact: { ...byLid } });
  const jid = resolveChatJid(inst, trimmed);
  if (jid === null) return invalidNumber(trimmed);
  const known = inst.contactsByJid.get(jid);
  if (known !== undefined) return ok({ contact: { ...known } });
  // Not in the address book: found=false, but a push name seen in messages is still reported (API.md §6.1 gotcha).
  const unknown: ContactRecord = {
    jid,
    lid: '',
    first_name: '',
    full_name: '',
    push_name: inst.strangers.get(jid) ?? '',
    business_name: '',
    redacted_phone: '',
    found: false,
  };
  return ok({ contact: unknown });
}

// History item keys are not documented (API.md §6.3, §12.3); this shape is our choice, with the fields
// getMessage documents (type, status, media) so a client can show a media message from history alone.
export function historyItem(m: StoredMessage): Record<string, unknown> {
  return {
    id: m.id,
    chat_jid: m.chatJid,
    type: m.type,
    content: m.content,
    timestamp: rfc3339(m.tsSec),
    fromMe: m.fromMe,
    senderJid: m.senderJid,
    pushName: m.pushName,
    status: m.status,
    ...(m.media ? { media: mediaJson(m) } : {}),
  };
}

/** data.media as getMessage documents it (type, mimeType, size, duration); fileName is our choice (NF). */
function mediaJson(m: StoredMessage): Record<string, unknown> | null {
  if (m.media === null) return null;
  const { mimeType, size, duration, fileName, voice } = m.media;
  return {
    type: m.type,
    mimeType,
    size,
    ...(duration !== undefined ? { duration } : {}),
    ...(fileName !== undefined ? { fileName } : {}),
    ...(voice ? { ptt: true } : {}),
  };
}

// §6.3. Reads what ingestion stored, so (our choice) it answers while the instance is disconnected.
function history(ctx: InstanceContext): Reply {
  const parsed = parseJsonBody(ctx.rawBody);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  const typeError = checkFields(
    body,
    { number: 'string', count: 'int', from: 'string', to: 'string' },
    'HistoryRequest',
  );
  if (typeError !== null) return typeError;
  const number = typeof body['number'] === 'string' ? body['number'].trim() : '';
  if (number === '') return fail(400, 'Number is required');
  const bounds: { from?: number; to?: number } = {};
  for (const key of ['from', 'to'] as const) {
    const v = body[key];
    if (typeof v !== 'string' || v === '') continue;
    const ms = Date.parse(v);
    if (!RFC3339.test(v) || Number.isNaN(ms)) {
      return fail(400, `invalid '${key}' date format. Use ISO 8601 format (e.g., '2026-02-16T18:32:39Z')`);
    }
    bounds[key] = ms;
  }
  const jid = resolveChatJid(ctx.inst, number);
  if (jid === null) return invalidNumber(number);
  // Zero or negative counts fall back to the default (our choice; the docs only give the default).
  const count =
    typeof body['count'] === 'number' && body['count'] > 0 ? body['count'] : DEFAULT_HISTORY_COUNT;
  const chat = ctx.inst.chats.get(jid);
  const stored = chat === undefined ? [] : chat.query({ fromMs: bounds.from, toMs: bounds.to, count });
  const messages = stored.filter((m) => !ctx.inst.deleted.has(m.id));
  return ok({
    chat_jid: jid,
    count: messages.length,
    hasMore: messages.length === count,
    messages: messages.map(historyItem),
  });
}

// §6.4.
function getMessage(ctx: InstanceContext): Reply {
  const id = (ctx.url.searchParams.get('messageId') ?? '').trim();
  if (id === '') return fail(400, 'Message ID is required (use ?messageId=<message-id>)');
  if (ctx.inst.state !== 'connected') return fail(503, NOT_CONNECTED);
  const m = findMessage(ctx.world, ctx.inst, id);
  if (m === undefined) return fail(404, 'Message not found');
  return ok({ message: 'Message found', messageId: m.id, status: 'found', data: messageData(ctx.inst, m) });
}

function messageData(inst: InstanceRecord, m: StoredMessage): Record<string, unknown> {
  const group = isGroupJid(m.chatJid);
  return {
    content: m.content,
    type: m.type,
    from: m.fromMe ? inst.numberJid : m.senderJid,
    to: group || m.fromMe ? m.chatJid : inst.numberJid,
    chat: m.chatJid,
    timestamp: rfc3339(m.tsSec),
    isGroup: group,
    status: m.status,
    ...(m.media ? { media: mediaJson(m) } : {}),
  };
}

// §6.12. The bytes of a message's media, base64-encoded in one JSON answer.
function base64(ctx: InstanceContext): Reply {
  const id = (ctx.url.searchParams.get('messageId') ?? '').trim();
  if (id === '') return fail(400, 'messageId query parameter is required');
  if (ctx.inst.state !== 'connected') return fail(503, NOT_CONNECTED);
  const m = findMessage(ctx.world, ctx.inst, id);
  const bytes = m === undefined ? null : mediaBytes(m);
  if (m === undefined || m.media === null || bytes === null) {
    return fail(404, 'Message not found or no media available');
  }
  return ok({
    message: 'Base64 retrieved successfully',
    message_id: m.id,
    mime_type: m.media.mimeType,
    media_type: m.type,
    base64: bytes.toString('base64'),
  });
}

// §6.5 and §8: write-only on the real API; the emulator keeps its own record for tests to inspect.
function favorite(ctx: InstanceContext): Reply {
  const parsed = parseJsonBody(ctx.rawBody);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  const typeError = checkFields(
    body,
    { number: 'string', messageId: 'string', favorite: 'bool' },
    'FavoriteRequest',
  );
  if (typeError !== null) return typeError;
  const messageId = typeof body['messageId'] === 'string' ? body['messageId'].trim() : '';
  const number = typeof body['number'] === 'string' ? body['number'].trim() : '';
  if (messageId === '' && number === '') return fail(400, 'Either number or messageId is required');
  // `favorite` omitted means true (our choice: whether it is required is undocumented, API.md §6.5).
  const fav = typeof body['favorite'] === 'boolean' ? body['favorite'] : true;
  const connected = ctx.inst.state === 'connected';
  if (messageId === '') {
    const chatJid = resolveChatJid(ctx.inst, number);
    if (chatJid === null) return invalidNumber(number);
    if (!connected) return fail(503, NOT_CONNECTED);
    ctx.inst.favorites.set(`chat:${chatJid}`, fav);
    return ok({ message: FAVORITE_OK, type: 'chat', chat_jid: chatJid, favorite: fav });
  }
  if (!connected) return fail(503, NOT_CONNECTED);
  const m = findMessage(ctx.world, ctx.inst, messageId);
  if (m === undefined) return fail(404, 'Message not found');
  ctx.inst.favorites.set(`message:${m.id}`, fav);
  return ok({ message: FAVORITE_OK, type: 'message', chat_jid: m.chatJid, message_id: m.id, favorite: fav });
}

export const chatRoutes: RouteDef[] = [
  { method: 'GET', pattern: '/api/chat/contacts', instance: true, handle: contacts },
  { method: 'POST', pattern: '/api/chat/history', instance: true, handle: history },
  { method: 'GET', pattern: '/api/chat/getMessage', instance: true, handle: getMessage },
  { method: 'GET', pattern: '/api/chat/base64', instance: true, handle: base64 },
  { method: 'POST', pattern: '/api/chat/favorite', instance: true, handle: favorite },
];
