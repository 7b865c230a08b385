/**
 * Two loopback servers for redirect tests. A *front* stands where the user's API address points: it
 * passes requests through to the emulator, except those a rule picks, which it answers with a redirect
 * to a *recorder*, a second server that keeps everything it receives (requests and socket upgrades).
 * A token that arrives at the recorder has left the API origin.
 */
import { request as httpRequest, createServer as createHttpServer, STATUS_CODES } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TlsIdentity } from './self-signed.ts';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  upgrade: boolean;
}

export interface Recorder {
  /** http://127.0.0.1:port or https://…, as a Location would name it. */
  origin: string;
  received: Received[];
  close(): Promise<void>;
}

export interface RedirectRule {
  status: number;
  /** Which requests get it, by path (socket upgrades included). */
  paths: RegExp;
  /** Where it points; the request's own path and query are appended. */
  to: string;
}

export interface Front {
  baseUrl: string;
  rule: RedirectRule | null;
  /** Paths answered with a redirect so far. */
  redirected: string[];
  close(): Promise<void>;
}

export async function startRecorder(tls?: TlsIdentity): Promise<Recorder> {
  const received: Received[] = [];
  const server = makeServer(tls, (req, res) => {
    void readAll(req).then((body) => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        upgrade: false,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"success":true,"instances":[]}');
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    received.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: '',
      upgrade: true,
    });
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  const port = await listen(server);
  return { origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, received, close: () => close(server) };
}

/** A front for `upstream` (an http://127.0.0.1:port emulator), over TLS when given an identity. */
export async function startFront(upstream: string, tls?: TlsIdentity): Promise<Front> {
  const target = new URL(upstream);
  const front: Front = { baseUrl: '', rule: null, redirected: [], close: async () => {} };
  const redirectFor = (req: IncomingMessage): { status: number; location: string } | null => {
    const rule = front.rule;
    const path = req.url ?? '/';
    if (!rule || !rule.paths.test(path)) return null;
    front.redirected.push(path);
    return { status: rule.status, location: `${rule.to}${path}` };
  };
  const server = makeServer(tls, (req, res) => {
    const redirect = redirectFor(req);
    if (redirect) {
      res.writeHead(redirect.status, { location: redirect.location, 'content-length': '0' });
      res.end();
      return;
    }
    pass(req, res, target);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    const redirect = redirectFor(req);
    // Sockets are not passed through: the tests need only the redirect, and a refused upgrade is retried.
    const [status, extra] = redirect ? [redirect.status, `Location: ${redirect.location}\r\n`] : [503, ''];
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`,
    );
  });
  const port = await listen(server);
  front.baseUrl = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  front.close = () => close(server);
  return front;
}

function pass(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = httpRequest(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

function makeServer(
  tls: TlsIdentity | undefined,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  return tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
