import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { INVALID_TOKEN, MISSING_TOKEN, WRONG_INSTANCE, extractToken, resolvePrincipal } from './auth.ts';
import type { Principal } from './auth.ts';
import type { Counters } from './counters.ts';
import {
  afterHandler,
  beforeHandler,
  redirectTargetPath,
  slowAnswerMs,
  type BehaviourAnswer,
  type FavoriteBehaviour,
} from './favorite-behaviours.ts';
import { TRUNCATED_JSON_BODY, takeFault } from './faults.ts';
import { health } from './health.ts';
import { fail, readBody, sendRaw, sendReply } from './http-util.ts';
import type { RateLimiter } from './rate-limit.ts';
import { matchRoute } from './router.ts';
import type { Faults, Reply } from './types.ts';
import type { WsHub } from './websocket.ts';
import { findInstance } from './world.ts';
import type { InstanceRecord, World } from './world.ts';

// The request pipeline: count → authenticate → rate-limit → latency/faults → auth errors → route.

export interface ServerDeps {
  world: World;
  limiter: RateLimiter;
  faults: Faults;
  counters: Counters;
  hub: WsHub;
  startedAtMs: number;
  /** The emulator's clock (EmulatorOptions.now). */
  now(): number;
  baseUrl(): string;
  handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string): void;
}

interface Gate {
  headers: Record<string, string>;
  principal: Principal | null;
  /** 401/429 to send once faults had their chance. */
  error: Reply | null;
}

function gate(deps: ServerDeps, req: IncomingMessage, url: URL): Gate {
  const token = extractToken(req, url);
  const principal = token === null ? null : resolvePrincipal(deps.world, token);
  const now = deps.now();
  const decision =
    principal === null ? deps.limiter.anonymous(now) : deps.limiter.consume(principal.token, now);
  let error: Reply | null = null;
  if (token === null) error = fail(401, MISSING_TOKEN);
  else if (principal === null) error = fail(401, INVALID_TOKEN);
  else if (!decision.allowed) error = fail(429, 'Rate limit exceeded. Try again later.');
  return { headers: deps.limiter.headers(decision), principal, error };
}

function instanceFor(world: World, principal: Principal, name: string): InstanceRecord | Reply {
  if (name === '') return fail(400, 'Instance name is required');
  const inst = findInstance(world, name);
  if (inst === undefined) return fail(404, 'Instance not found');
  if (principal.kind === 'instance' && principal.inst !== inst) return fail(403, WRONG_INSTANCE);
  return inst;
}

export function createRequestHandler(deps: ServerDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await handleRequest(deps, req, res);
    } catch (e) {
      process.stderr.write(`[emulator] ${(e as Error).stack ?? String(e)}\n`);
      sendReply(res, fail(500, 'Internal server error'));
    }
  };
}

async function handleRequest(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const rawBody = await readBody(req);
  if (path === redirectTargetPath) {
    deps.counters.recordRedirectFollowed();
    return sendReply(res, fail(404, 'Not found'));
  }
  if (path.startsWith('/__emulator/')) return deps.handleAdmin(req, res, url, rawBody);
  deps.counters.record(path);
  if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);
  if (path === '/health') return sendReply(res, health(deps.startedAtMs));
  if (!path.startsWith('/api/')) return sendReply(res, fail(404, 'Not found')); // our choice of text

  const g = gate(deps, req, url);
  const match = matchRoute(path);
  const isFavorite = match?.pattern === '/api/chat/favorite';
  let behaviour: FavoriteBehaviour | 'fault' = 'applied';
  let applied = false;
  const record = (status: number): void => {
    if (!isFavorite) return;
    let body: unknown = rawBody;
    try {
      body = JSON.parse(rawBody);
    } catch {
      // Keep the raw text: tests want to see exactly what a client sent, even when it is not JSON.
    }
    deps.counters.recordFavorite({ instance: match?.instanceName ?? '', body, status, behaviour, applied });
  };
  const finish = (reply: Reply): void => {
    record(reply.status);
    sendReply(res, reply, g.headers);
  };

  const fault = takeFault(deps.faults);
  if (fault !== null) behaviour = 'fault';
  if (fault === 'resetConnections') {
    record(0);
    req.socket.destroy();
    return;
  }
  if (fault === 'fail5xx') return finish(fail(500, 'Internal server error'));
  if (fault === 'malformedJson') {
    // The handler does not run: a client must not assume a request with a garbled answer took effect.
    record(200);
    return sendRaw(res, 200, TRUNCATED_JSON_BODY, g.headers);
  }
  if (g.error !== null || g.principal === null) return finish(g.error ?? fail(401, INVALID_TOKEN));
  if (match === null) return finish(fail(404, 'Not found')); // our choice of text
  const def = match.defs.find((d) => d.method === req.method);
  if (def === undefined) return finish(fail(405, 'Method not allowed')); // our choice of text
  const base = { world: deps.world, principal: g.principal, url, rawBody, events: deps.hub };
  if (!def.instance) return finish(def.handle(base));
  const inst = instanceFor(deps.world, g.principal, match.instanceName ?? '');
  if (!('index' in inst)) return finish(inst);
  if (!isFavorite) return finish(def.handle({ ...base, inst }));

  behaviour = deps.faults.favoriteBehaviours.shift() ?? 'applied';
  const step = beforeHandler(behaviour, deps.now(), deps.baseUrl());
  if (step.kind !== 'run') return send(step);
  if (behaviour === 'appliedSlowly') {
    await sleep(slowAnswerMs);
    // The emulator was stopped meanwhile (RyzeAPI went away): a request of a server that is down dies with
    // it, rather than taking effect after the server is back and newer requests have been applied.
    if (req.socket.destroyed) return record(0);
  }
  const reply = def.handle({ ...base, inst });
  applied = reply.status === 200;
  send(afterHandler(behaviour, reply));

  function send(s: BehaviourAnswer): void {
    if (s.kind === 'reset') {
      record(0);
      req.socket.destroy();
    } else if (s.kind === 'raw') {
      record(s.status);
      sendRaw(res, s.status, s.text, g.headers);
    } else {
      record(s.reply.status);
      sendReply(res, s.reply, { ...g.headers, ...s.headers });
    }
  }
}

export function createUpgradeHandler(deps: ServerDeps) {
  return async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    socket.on('error', () => socket.destroy());
    try {
      await handleUpgrade(deps, req, socket, head);
    } catch (e) {
      process.stderr.write(`[emulator] ${(e as Error).stack ?? String(e)}\n`);
      refuse(socket, fail(500, 'Internal server error'), {});
    }
  };
}

async function handleUpgrade(
  deps: ServerDeps,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): Promise<void> {
  {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path !== '/ws' && !path.startsWith('/ws/')) return refuse(socket, fail(404, 'Not found'), {});
    deps.counters.record(path);
    if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);
    const g = gate(deps, req, url);
    if (g.error !== null || g.principal === null)
      return refuse(socket, g.error ?? fail(401, INVALID_TOKEN), g.headers);
    const name = path === '/ws' ? '' : decodeURIComponent(path.slice('/ws/'.length).replace(/\/$/, ''));
    const inst = instanceFor(deps.world, g.principal, name);
    if (!('index' in inst)) return refuse(socket, inst, g.headers);
    if (inst.websocket === null || !inst.websocket.enabled) {
      const message = `WebSocket is not enabled for this instance. Configure it first using POST /api/events/websocket/${inst.name}`;
      return refuse(socket, fail(400, message), g.headers);
    }
    deps.hub.accept(req, socket, head, inst, g.headers);
  }
}

/** A plain HTTP answer on a socket that asked to upgrade. */
function refuse(socket: Duplex, reply: Reply, headers: Record<string, string>): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(reply.body);
  const lines = [
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
