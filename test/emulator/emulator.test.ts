import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createEmulator } from './index.ts';
import type { Emulator } from './index.ts';

// Talks to the emulator only through real HTTP and a real WebSocket, like the app will.

// Bodies are read loosely on purpose: expect() does the checking, and exact shapes are the subject under test.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

interface Res {
  status: number;
  headers: Headers;
  body: Json;
}

async function call(
  emu: Emulator,
  method: 'GET' | 'POST',
  path: string,
  opts: { token?: string | null; headers?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? emu.accountToken : opts.token;
  if (token !== null) headers['token'] = token;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${emu.baseUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}

function errorBody(message: string): Json {
  return { success: false, error: { message } };
}

function tokenOf(emu: Emulator, name: string): string {
  const info = emu.instances.find((i) => i.name === name);
  if (info === undefined) throw new Error(`no instance ${name}`);
  return info.token;
}

/** Buffers frames so none is lost between awaits. */
class FrameReader {
  private readonly frames: Json[] = [];
  private readonly waiters: Array<(f: Json) => void> = [];
  constructor(ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Json;
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
  }
  next(timeoutMs = 3000): Promise<Json> {
    const ready = this.frames.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no frame within timeout')), timeoutMs);
      this.waiters.push((f) => {
        clearTimeout(timer);
        resolve(f);
      });
    });
  }
}

function wsUrl(emu: Emulator, instance: string, token?: string): string {
  const base = emu.baseUrl.replace(/^http/, 'ws');
  return `${base}/ws/${instance}${token === undefined ? '' : `?token=${token}`}`;
}

async function openWs(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers });
  await once(ws, 'open');
  return ws;
}

/** Resolves with the HTTP status and JSON body of a refused upgrade. */
function refusedUpgrade(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => reject(new Error('upgrade unexpectedly accepted')));
    ws.on('error', () => {});
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Json }));
    });
  });
}

describe('authentication and ownership', () => {
  const emu = createEmulator({ seed: 7 });
  beforeAll(() => emu.start());
  afterAll(() => emu.stop());

  it('rejects a missing token with the exact 401 text', async () => {
    const r = await call(emu, 'GET', '/api/instance/list', { token: null });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(errorBody('Missing token in header, Authorization header, or query parameter'));
  });

  it('rejects an unknown token with "Invalid token"', async () => {
    const r = await call(emu, 'GET', '/api/instance/list', { token: 'f'.repeat(32) });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(errorBody('Invalid token'));
  });

  it('accepts the token header, Authorization: Bearer and ?token=', async () => {
    const viaHeader = await call(emu, 'GET', '/api/instance/list');
    const viaBearer = await call(emu, 'GET', '/api/instance/list', {
      token: null,
      headers: { authorization: `Bearer ${emu.accountToken}` },
    });
    const viaQuery = await call(emu, 'GET', `/api/instance/list?token=${emu.accountToken}`, { token: null });
    expect([viaHeader.status, viaBearer.status, viaQuery.status]).toEqual([200, 200, 200]);
    expect(viaBearer.body['instances']).toHaveLength(2);
  });

  it('answers 403 when an instance token is used on another instance', async () => {
    const r = await call(emu, 'GET', '/api/chat/contacts/support', { token: tokenOf(emu, 'sales') });
    expect(r.status).toBe(403);
    expect(r.body).toEqual(errorBody('Instance token does not match this instance'));
    const own = await call(emu, 'GET', '/api/chat/contacts/sales', { token: tokenOf(emu, 'sales') });
    expect(own.status).toBe(200);
  });

  it('answers 404 for an unknown instance', async () => {
    const r = await call(emu, 'GET', '/api/chat/contacts/nobody');
    expect(r.status).toBe(404);
    expect(r.body).toEqual(errorBody('Instance not found'));
  });

  it('lists instances per token type and honours the filter', async () => {
    const all = await call(emu, 'GET', '/api/instance/list');
    expect(all.body['message']).toBe('2 Instances found');
    const support = all.body['instances'].find((i: Json) => i.name === 'support');
    expect(support.connection.state).toBe('connected');
    expect(support.websocket).toEqual({ enabled: false, events: [], mediaBase64: false });

    const one = await call(emu, 'GET', '/api/instance/list?instanceName=sales');
    expect(one.body['message']).toBe('1 Instance found');
    expect(one.body['instances'][0].connection.state).toBe('disconnected');

    const dropped = await call(emu, 'GET', '/api/instance/list?instanceName=sales,ghost');
    expect(dropped.body['instances'].map((i: Json) => i.name)).toEqual(['sales']);

    const unknown = await call(emu, 'GET', '/api/instance/list?instanceName=ghost');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(errorBody('Instance not found'));

    const scoped = await call(emu, 'GET', '/api/instance/list?instanceName=sales', {
      token: tokenOf(emu, 'support'),
    });
    expect(scoped.body['instances'].map((i: Json) => i.name)).toEqual(['support']);
  });

  it('refuses a revoked token', async () => {
    const other = createEmulator({ seed: 7 });
    await other.start();
    try {
      const token = tokenOf(other, 'support');
      expect((await call(other, 'GET', '/api/chat/contacts/support', { token })).status).toBe(200);
      other.revokeToken(token);
      const r = await call(other, 'GET', '/api/chat/contacts/support', { token });
      expect(r.status).toBe(401);
      expect(r.body).toEqual(errorBody('Invalid token'));
    } finally {
      await other.stop();
    }
  });

  it('serves /health without a token', async () => {
    const res = await fetch(`${emu.baseUrl}/health`);
    const body = (await res.json()) as Json;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', service: 'RyzeAPI', checks: { db: 'ok' } });
    expect(body['uptime']).toMatch(/^[\d.hms]+$/);
  });
});

describe('rate limit', () => {
  const emu = createEmulator({ rateLimit: 3, rateWindowMs: 1500 });
  beforeAll(() => emu.start());
  afterAll(() => emu.stop());

  it('sends the headers on every response and 429s after the limit', async () => {
    const anonymous = await call(emu, 'GET', '/api/instance/list', { token: null });
    expect(anonymous.headers.get('x-ratelimit-limit')).toBe('3');

    const before = Date.now();
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(emu, 'GET', '/api/instance/list');
      expect(r.status).toBe(200);
      remaining.push(r.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const limited = await call(emu, 'GET', '/api/chat/contacts/support');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(errorBody('Rate limit exceeded. Try again later.'));
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(Math.floor((before + 1500) / 1000));
    expect(reset).toBeLessThanOrEqual(Math.ceil((Date.now() + 1500) / 1000));

    // Instance tokens have their own bucket.
    expect((await call(emu, 'GET', '/api/instance/list', { token: tokenOf(emu, 'support') })).status).toBe(
      200,
    );

    // Waiting until Reset (rounded up) must always be enough.
    await new Promise((r) => setTimeout(r, Math.max(0, reset * 1000 - Date.now()) + 5));
    const after = await call(emu, 'GET', '/api/instance/list');
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('2');
  });
});

describe('contacts', () => {
  const emu = createEmulator();
  beforeAll(() => emu.start());
  afterAll(() => emu.stop());

  it('lists address-book contacts covering every naming fallback', async () => {
    const r = await call(emu, 'GET', '/api/chat/contacts/support');
    expect(r.status).toBe(200);
    expect(r.body['total']).toBe(40);
    const contacts = r.body['contacts'] as Json[];
    expect(contacts).toHaveLength(40);
    expect(contacts.some((c) => c.full_name !== '')).toBe(true);
    expect(contacts.some((c) => c.full_name === '' && c.push_name !== '')).toBe(true);
    expect(contacts.some((c) => c.full_name === '' && c.push_name === '' && c.business_name !== '')).toBe(
      true,
    );
    expect(contacts.some((c) => c.full_name === '' && c.push_name === '' && c.business_name === '')).toBe(
      true,
    );
    for (const c of contacts) expect(c.jid).toMatch(/^(55\d{11}@s\.whatsapp\.net|\d+@lid)$/);
  });

  it('looks a number up, with and without the 9th digit, and reports unknown numbers as found=false', async () => {
    const big = emu.bigChatJid.replace('@s.whatsapp.net', '');
    const without9 = big.slice(0, 4) + big.slice(5);
    const r = await call(emu, 'GET', `/api/chat/contacts/support?number=${without9}`);
    expect(r.body['contact']).toMatchObject({ jid: emu.bigChatJid, found: true });
    const unknown = await call(emu, 'GET', '/api/chat/contacts/support?number=5599900001111');
    expect(unknown.status).toBe(200);
    expect(unknown.body['contact']).toMatchObject({ found: false, jid: '5599900001111@s.whatsapp.net' });
  });

  it('still answers while the instance is disconnected', async () => {
    const r = await call(emu, 'GET', '/api/chat/contacts/sales');
    expect(r.status).toBe(200);
    expect(r.body['total']).toBeGreaterThan(0);
  });
});

describe('history, getMessage and favorites', () => {
  const emu = createEmulator({ bigChatMessages: 120 });
  beforeAll(() => emu.start());
  afterAll(() => emu.stop());

  const history = (body: unknown, instance = 'support') =>
    call(emu, 'POST', `/api/chat/history/${instance}`, { body });

  it('returns newest first with count and hasMore', async () => {
    const r = await history({ number: emu.bigChatJid, count: 10 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ success: true, chat_jid: emu.bigChatJid, count: 10, hasMore: true });
    const times = (r.body['messages'] as Json[]).map((m) => Date.parse(m.timestamp));
    expect(times[0]).toBe(Date.parse('2026-11-01T12:00:00Z'));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1] as number);
    expect(r.body['messages'][0]).toEqual({
      id: expect.stringMatching(/^[0-9A-F]{20,32}$/),
      chat_jid: emu.bigChatJid,
      type: 'text',
      content: expect.any(String),
      timestamp: '2026-11-01T12:00:00Z',
      fromMe: expect.any(Boolean),
      senderJid: expect.stringContaining('@'),
      pushName: expect.any(String),
      status: expect.any(String),
    });
  });

  it('pages backwards with an inclusive `to` until hasMore is false', async () => {
    const seen = new Map<string, string>();
    let to: string | undefined;
    let pages = 0;
    let repeatedBoundary = 0;
    for (;;) {
      const r = await history({ number: emu.bigChatJid, count: 25, ...(to ? { to } : {}) });
      const messages = r.body['messages'] as Json[];
      pages++;
      for (const m of messages) {
        if (seen.has(m.id)) repeatedBoundary++;
        seen.set(m.id, m.timestamp);
      }
      if (to !== undefined) expect(messages[0]?.timestamp).toBe(to); // the boundary comes back: `to` is inclusive
      expect(r.body['hasMore']).toBe(messages.length === 25);
      if (!r.body['hasMore']) break;
      to = messages.at(-1)?.timestamp as string;
      expect(pages).toBeLessThan(20);
    }
    expect(seen.size).toBe(120);
    expect(repeatedBoundary).toBeGreaterThanOrEqual(pages - 1);
  });

  it('filters with an inclusive `from` and rejects bad dates with the documented texts', async () => {
    const first = await history({ number: emu.bigChatJid, count: 3 });
    const third = first.body['messages'][2].timestamp as string;
    const ranged = await history({ number: emu.bigChatJid, from: third });
    expect(ranged.body['messages'].map((m: Json) => m.id)).toEqual(
      first.body['messages'].map((m: Json) => m.id),
    );
    expect(ranged.body['hasMore']).toBe(false);

    const badFrom = await history({ number: emu.bigChatJid, from: 'yesterday' });
    expect(badFrom.status).toBe(400);
    expect(badFrom.body).toEqual(
      errorBody("invalid 'from' date format. Use ISO 8601 format (e.g., '2026-02-16T18:32:39Z')"),
    );
    const badTo = await history({ number: emu.bigChatJid, to: '2026-13-45' });
    expect(badTo.body).toEqual(
      errorBody("invalid 'to' date format. Use ISO 8601 format (e.g., '2026-02-16T18:32:39Z')"),
    );
    expect((await history({ count: 5 })).body).toEqual(errorBody('Number is required'));
    const broken = await call(emu, 'POST', '/api/chat/history/support', { raw: '{"number":' });
    expect(broken.status).toBe(400);
    expect(broken.body['error'].message).toMatch(/^Invalid request body: /);
  });

  it('finds a message by id and rejects missing or unknown ids', async () => {
    const page = await history({ number: emu.bigChatJid, count: 1 });
    const m = page.body['messages'][0] as Json;
    const found = await call(emu, 'GET', `/api/chat/getMessage/support?messageId=${m.id}`);
    expect(found.body).toMatchObject({
      success: true,
      message: 'Message found',
      messageId: m.id,
      status: 'found',
      data: {
        content: m.content,
        type: 'text',
        chat: emu.bigChatJid,
        timestamp: m.timestamp,
        isGroup: false,
      },
    });
    const missing = await call(emu, 'GET', '/api/chat/getMessage/support');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(errorBody('Message ID is required (use ?messageId=<message-id>)'));
    const unknown = await call(emu, 'GET', '/api/chat/getMessage/support?messageId=3EB0AA11BB22CC33DD44');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(errorBody('Message not found'));
  });

  it('records favorites, lets messageId win, and counts every call', async () => {
    emu.resetCounters();
    const page = await history({ number: emu.bigChatJid, count: 2 });
    const msgId = page.body['messages'][1].id as string;
    const fav = (body: unknown) => call(emu, 'POST', '/api/chat/favorite/support', { body });

    const chat = await fav({ number: emu.bigChatJid, favorite: true });
    expect(chat.body).toEqual({
      success: true,
      message: 'Favorite updated successfully',
      type: 'chat',
      chat_jid: emu.bigChatJid,
      favorite: true,
    });
    const msg = await fav({ number: '5511999999999', messageId: msgId, favorite: true });
    expect(msg.body).toMatchObject({
      type: 'message',
      chat_jid: emu.bigChatJid,
      message_id: msgId,
      favorite: true,
    });
    await fav({ messageId: msgId, favorite: false });
    await fav({ messageId: msgId, favorite: false }); // idempotent

    expect(Object.fromEntries(emu.favorites('support'))).toEqual({
      [`chat:${emu.bigChatJid}`]: true,
      [`message:${msgId}`]: false,
    });

    const neither = await fav({ favorite: true });
    expect(neither.status).toBe(400);
    expect(neither.body).toEqual(errorBody('Either number or messageId is required'));
    const unknown = await fav({ messageId: '3EB0AA11BB22CC33DD44', favorite: true });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(errorBody('Message not found'));

    expect(emu.calls('/api/chat/favorite')).toBe(6);
    expect(emu.favoriteCalls().map((c) => c.status)).toEqual([200, 200, 200, 200, 400, 404]);
    expect(emu.favoriteCalls()[0]).toEqual({
      instance: 'support',
      body: { number: emu.bigChatJid, favorite: true },
      status: 200,
      behaviour: 'applied',
      applied: true,
    });
  });

  it.each([
    ['applied', 200, true, true],
    ['appliedSlowly', 200, true, true],
    ['appliedDisagreeing', 200, true, true],
    ['appliedUnreadable', 200, false, true],
    ['appliedThenReset', 0, false, true],
    ['resetBeforeRequest', 0, false, false],
    ['error500BeforeApply', 500, true, false],
    ['error500AfterApply', 500, true, true],
    ['rateLimited', 429, true, false],
    ['notConnected', 503, true, false],
    ['invalidToken', 401, true, false],
    ['invalidRequest', 400, true, false],
    ['redirect', 307, true, false],
  ] as const)(
    'answers a favorite call queued as %s with HTTP %i (readable %s), applied: %s',
    async (behaviour, status, readable, applied) => {
      emu.resetCounters();
      emu.resetFavorites('support');
      emu.faults.favoriteBehaviours = [behaviour];
      const res = await fetch(`${emu.baseUrl}/api/chat/favorite/support`, {
        method: 'POST',
        headers: { token: emu.accountToken, 'content-type': 'application/json' },
        body: JSON.stringify({ number: emu.bigChatJid, favorite: true }),
        redirect: 'manual',
      }).catch(() => null);
      expect(res?.status ?? 0).toBe(status);
      if (res) {
        const parsed = await res.json().then(
          () => true,
          () => false,
        );
        expect(parsed).toBe(readable);
      }
      expect(emu.favorites('support').get(`chat:${emu.bigChatJid}`) === true).toBe(applied);
      expect(emu.favoriteCalls()).toEqual([expect.objectContaining({ behaviour, applied, status })]);
      if (behaviour === 'rateLimited') expect(Number(res?.headers.get('x-ratelimit-remaining'))).toBe(0);
      if (behaviour === 'redirect') expect(res?.headers.get('location')).toMatch(/redirect-target$/);
      expect(emu.faults.favoriteBehaviours).toEqual([]);
    },
  );

  it('answers 503 on favorite while the instance is not connected, and sees incoming messages', async () => {
    emu.setInstanceState('support', 'disconnected');
    try {
      const r = await call(emu, 'POST', '/api/chat/favorite/support', { body: { number: emu.bigChatJid } });
      expect(r.status).toBe(503);
      expect(r.body).toEqual(errorBody('Instance is not connected to WhatsApp'));
      const list = await call(emu, 'GET', '/api/instance/list?instanceName=support');
      expect(list.body['instances'][0].connection.state).toBe('disconnected');
    } finally {
      emu.setInstanceState('support', 'connected');
    }
    const { id } = emu.addIncomingMessage('support', { chatJid: emu.bigChatJid, text: 'Chegou agora' });
    const newest = await history({ number: emu.bigChatJid, count: 1 });
    expect(newest.body['messages'][0]).toMatchObject({ id, content: 'Chegou agora', fromMe: false });
    const got = await call(emu, 'GET', `/api/chat/getMessage/support?messageId=${id}`);
    expect(got.body['data'].content).toBe('Chegou agora');
  });
});

describe('websocket', () => {
  const emu = createEmulator();
  beforeAll(() => emu.start());
  afterAll(() => emu.stop());

  it('refuses the upgrade until configured, then pushes message.exchange in both shapes', async () => {
    const notConfigured = await call(emu, 'GET', '/api/events/getWebsocket/support');
    expect(notConfigured.status).toBe(404);
    expect(notConfigured.body).toEqual(errorBody('WebSocket not configured for this instance'));

    const refused = await refusedUpgrade(wsUrl(emu, 'support', emu.accountToken));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(
      errorBody(
        'WebSocket is not enabled for this instance. Configure it first using POST /api/events/websocket/support',
      ),
    );
    expect((await refusedUpgrade(wsUrl(emu, 'support'))).status).toBe(401);

    const set = await call(emu, 'POST', '/api/events/websocket/support', {
      body: { enabled: true, events: ['message.exchange', 'instance.state'] },
    });
    expect(set.status).toBe(200);
    expect(set.body['websocket']).toEqual({
      enabled: true,
      events: ['message.exchange', 'instance.state'],
      mediaBase64: false,
    });
    const read = await call(emu, 'GET', '/api/events/getWebsocket/support');
    expect(read.body).toMatchObject({
      message: 'WebSocket configuration retrieved',
      websocket: set.body['websocket'],
    });

    const ws = await openWs(wsUrl(emu, 'support'), { token: tokenOf(emu, 'support') });
    const frames = new FrameReader(ws);
    try {
      const a = emu.addIncomingMessage('support', {
        chatJid: emu.bigChatJid,
        text: 'primeira',
        pushName: 'Rafa',
      });
      const b = emu.addIncomingMessage('support', { chatJid: emu.bigChatJid, text: 'segunda' });
      const f1 = await frames.next();
      const f2 = await frames.next();
      expect(f1['event']).toBe('message.exchange');
      expect(f1['instanceData']).toEqual({ baseUrl: emu.baseUrl, instance: 'support', token: '<redacted>' });
      // Catalog shape: text under data.message.content.text.
      expect(f1['data']).toMatchObject({
        id: a.id,
        message: { id: a.id, direction: 'incoming', content: { text: 'primeira' } },
      });
      // Live shape: direction at the top, text as data.message.content string.
      expect(f2['data']).toMatchObject({
        id: b.id,
        direction: 'incoming',
        message: { type: 'text', content: 'segunda' },
      });

      emu.setInstanceState('support', 'connecting');
      expect(await frames.next()).toMatchObject({ event: 'instance.state', data: { state: 'connecting' } });
      emu.setInstanceState('support', 'connected');
      expect(await frames.next()).toMatchObject({ event: 'instance.state', data: { state: 'connected' } });
    } finally {
      ws.terminate();
    }
  });

  it('applies ownership and the rate limit on the upgrade', async () => {
    const r = await refusedUpgrade(wsUrl(emu, 'support'), { token: tokenOf(emu, 'sales') });
    expect(r.status).toBe(403);
    expect(r.body).toEqual(errorBody('Instance token does not match this instance'));
    const before = emu.calls('/ws');
    const ws = await openWs(wsUrl(emu, 'support', emu.accountToken));
    ws.terminate();
    expect(emu.calls('/ws')).toBe(before + 1);
  });
});

describe('faults', () => {
  const emu = createEmulator();
  beforeAll(() => emu.start());
  afterAll(() => emu.stop());

  it('fails, garbles, drops and delays the next requests as switched on', async () => {
    emu.faults.fail5xx = 1;
    const failed = await call(emu, 'GET', '/api/instance/list');
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual(errorBody('Internal server error'));

    emu.faults.malformedJson = 1;
    const garbled = await fetch(`${emu.baseUrl}/api/instance/list`, { headers: { token: emu.accountToken } });
    expect(garbled.status).toBe(200);
    await expect(garbled.json()).rejects.toThrow();

    emu.faults.resetConnections = 1;
    await expect(
      fetch(`${emu.baseUrl}/api/instance/list`, { headers: { token: emu.accountToken } }),
    ).rejects.toThrow();

    emu.faults.latencyMs = 150;
    const t0 = Date.now();
    expect((await call(emu, 'GET', '/api/instance/list')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    emu.faults.clear();
    expect(emu.faults.latencyMs).toBe(0);
  });

  it('exposes the same switches on the admin surface', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${emu.baseUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
    await post('/__emulator/faults', { fail5xx: 1 });
    expect((await call(emu, 'GET', '/api/instance/list')).status).toBe(500);
    await post('/__emulator/state', { instance: 'support', state: 'loggedout' });
    const list = await call(emu, 'GET', '/api/instance/list?instanceName=support');
    expect(list.body['instances'][0].connection.state).toBe('loggedout');
    const calls = (await (
      await fetch(`${emu.baseUrl}/__emulator/calls?path=/api/instance/list`)
    ).json()) as Json;
    expect(calls['count']).toBe(emu.calls('/api/instance/list'));
  });
});

describe('stop and start', () => {
  const emu = createEmulator();
  beforeAll(() => emu.start());
  afterAll(() => emu.stop());

  it('drops connections while stopped and keeps state and port across restarts', async () => {
    await call(emu, 'POST', '/api/events/websocket/support', { body: { enabled: true } });
    await call(emu, 'POST', '/api/chat/favorite/support', {
      body: { number: emu.bigChatJid, favorite: true },
    });
    const ws = await openWs(wsUrl(emu, 'support', emu.accountToken));
    const closed = once(ws, 'close');
    const url = emu.baseUrl;

    await emu.stop();
    await closed;
    await expect(fetch(`${url}/health`)).rejects.toThrow();

    await emu.start();
    expect(emu.baseUrl).toBe(url);
    expect(emu.favorites('support').get(`chat:${emu.bigChatJid}`)).toBe(true);
    const read = await call(emu, 'GET', '/api/events/getWebsocket/support');
    expect(read.body['websocket'].enabled).toBe(true);
  });
});

describe('scale and determinism', () => {
  it('builds a 100,000-message chat quickly and serves a page from its middle', async () => {
    const t0 = performance.now();
    const emu = createEmulator({ bigChatMessages: 100_000, contacts: 10_000 });
    const created = performance.now() - t0;
    await emu.start();
    try {
      const t1 = performance.now();
      const r = await call(emu, 'POST', '/api/chat/history/support', {
        body: { number: emu.bigChatJid, count: 50, to: '2026-09-15T00:00:00Z' },
      });
      const paged = performance.now() - t1;
      expect(r.body['count']).toBe(50);
      expect(Date.parse(r.body['messages'][0].timestamp)).toBeLessThanOrEqual(
        Date.parse('2026-09-15T00:00:00Z'),
      );
      console.info(
        `100k emulator: created in ${created.toFixed(1)} ms, one history page in ${paged.toFixed(1)} ms`,
      );
      expect(created).toBeLessThan(1000);
      expect(paged).toBeLessThan(500);
    } finally {
      await emu.stop();
    }
  });

  it('derives the same data and tokens from the same seed', async () => {
    const a = createEmulator({ seed: 42 });
    const b = createEmulator({ seed: 42 });
    const c = createEmulator({ seed: 43 });
    expect(b.accountToken).toBe(a.accountToken);
    expect(b.instances).toEqual(a.instances);
    expect(a.accountToken).toMatch(/^[0-9a-f]{32}$/);
    expect(c.accountToken).not.toBe(a.accountToken);
    await Promise.all([a.start(), b.start()]);
    try {
      const body = { number: a.bigChatJid, count: 5 };
      const ha = await call(a, 'POST', '/api/chat/history/support', { body });
      const hb = await call(b, 'POST', '/api/chat/history/support', { body });
      expect(hb.body).toEqual(ha.body);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe('cli', () => {
  it('prints exactly one JSON line and exits cleanly on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(process.execPath, [cli, '--port', '0', '--contacts', '5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (l) => lines.push(l));
    try {
      const [first] = (await once(rl, 'line')) as [string];
      const info = JSON.parse(first) as Json;
      expect(info['baseUrl']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info['accountToken']).toMatch(/^[0-9a-f]{32}$/);
      expect(info['instances'].map((i: Json) => i.name)).toEqual(['support', 'sales']);
      const res = await fetch(`${info['baseUrl']}/api/chat/contacts/support`, {
        headers: { token: info['accountToken'] },
      });
      expect(((await res.json()) as Json)['total']).toBe(5);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
  });
});

describe('media, long texts and base64', () => {
  const emu = createEmulator({ bigChatMessages: 600 });
  beforeAll(() => emu.start());
  afterAll(() => emu.stop());

  const page = async (): Promise<Json[]> =>
    (await call(emu, 'POST', '/api/chat/history/support', { body: { number: emu.bigChatJid, count: 600 } }))
      .body['messages'] as Json[];

  it('seeds about one media message in ten, with the fields getMessage documents', async () => {
    const messages = await page();
    const media = messages.filter((m) => m.media);
    expect(media.length / messages.length).toBeGreaterThan(0.05);
    expect(media.length / messages.length).toBeLessThan(0.15);
    for (const m of media) {
      expect(['image', 'video', 'audio', 'document', 'sticker']).toContain(m.type);
      expect(m.media).toMatchObject({ type: m.type, mimeType: expect.any(String), size: expect.any(Number) });
      if (m.type === 'audio' || m.type === 'video') expect(m.media.duration).toBeGreaterThan(0);
      if (m.type === 'document') expect(m.media.fileName).toMatch(/\.pdf$/);
    }
    expect(messages.some((m) => (m.type === 'location' || m.type === 'contact') && !m.media)).toBe(true);
    const lengths = messages.filter((m) => m.type === 'text').map((m) => (m.content as string).length);
    expect(Math.min(...lengths)).toBe(1);
    expect(Math.max(...lengths)).toBeGreaterThan(1_000);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(3_000);
  });

  it('returns the media bytes, exactly the size announced, and the documented errors', async () => {
    const image = (await page()).find((m) => m.type === 'image') as Json;
    const got = await call(emu, 'GET', `/api/chat/base64/support?messageId=${image.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      success: true,
      message: 'Base64 retrieved successfully',
      message_id: image.id,
      mime_type: 'image/png',
      media_type: 'image',
    });
    const bytes = Buffer.from(got.body['base64'] as string, 'base64');
    expect(bytes.length).toBe(image.media.size);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const found = await call(emu, 'GET', `/api/chat/getMessage/support?messageId=${image.id}`);
    expect(found.body['data'].media).toMatchObject({
      type: 'image',
      mimeType: 'image/png',
      size: bytes.length,
    });

    const text = (await page()).find((m) => m.type === 'text') as Json;
    const none = await call(emu, 'GET', `/api/chat/base64/support?messageId=${text.id}`);
    expect(none.status).toBe(404);
    expect(none.body).toEqual(errorBody('Message not found or no media available'));
    const missing = await call(emu, 'GET', '/api/chat/base64/support');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(errorBody('messageId query parameter is required'));
  });

  it('stores a media message added at run time, caption as its content', async () => {
    const { id } = emu.addIncomingMessage('support', {
      chatJid: emu.bigChatJid,
      text: 'Segue a nota',
      media: { type: 'document', fileName: 'Nota 7.pdf', size: 12_345 },
    });
    const found = await call(emu, 'GET', `/api/chat/getMessage/support?messageId=${id}`);
    expect(found.body['data']).toMatchObject({
      type: 'document',
      content: 'Segue a nota',
      media: { type: 'document', mimeType: 'application/pdf', size: 12_345, fileName: 'Nota 7.pdf' },
    });
    const bytes = await call(emu, 'GET', `/api/chat/base64/support?messageId=${id}`);
    expect(Buffer.from(bytes.body['base64'] as string, 'base64').length).toBe(12_345);
  });
});
