import ky, { type KyInstance } from 'ky';
import { fail } from '../core/app-error.ts';
import { redact } from '../core/redact.ts';
import { checkBaseUrl } from '../../preload/base-url.ts';
import { appError, type FavoriteTarget, type InstanceSummary } from '../../preload/contract.ts';
import { ApiFailure, classifyHttpError, httpFailure } from './api-failure.ts';
import { bodyInParts } from './body-parts.ts';
import {
  isObject,
  parseContact,
  parseInstances,
  parseFavoriteAnswer,
  parseMediaFile,
  parseMessage,
  type ApiContact,
  type ApiMediaFile,
  type FavoriteAnswer,
  type ApiMessage,
} from './parse.ts';
import type { Priority, RateBudget } from './rate-budget.ts';

export interface RyzeClientOptions {
  baseUrl: string;
  token: string;
  budget: RateBudget;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Told whether each call reached the server, so the app knows when it is offline. */
  reachability?: { reportReachable(): void; reportUnreachable(baseUrl: string): void };
}

export interface HistoryPage {
  chatJid: string;
  messages: ApiMessage[];
}

export interface WebsocketConfig {
  configured: boolean;
  enabled: boolean;
  events: string[];
}

type Body = Record<string, unknown>;

/**
 * RyzeAPI over ky. One instance per signed-in token. Every call spends from the token's shared rate
 * budget first, sends the token in the `token` header (never in a URL), and turns any failure into an
 * ApiFailure carrying the server's exact message. The token goes to the base URL's origin only: the
 * address must pass the policy in preload/base-url.ts, and redirects are never followed (fetch keeps a
 * `token` header across origins; it strips only Authorization).
 */
export class RyzeClient {
  readonly baseUrl: string;
  private readonly token: string;
  /** The token's shared request budget. */
  readonly budget: RateBudget;
  private readonly http: KyInstance;
  private readonly reachability: RyzeClientOptions['reachability'];

  constructor(options: RyzeClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.reachability = options.reachability;
    this.token = options.token;
    this.budget = options.budget;
    this.http = ky.create({
      prefix: this.baseUrl,
      headers: { token: options.token },
      // Retries belong to callers that know whether a call is safe to repeat (the outbox does).
      retry: 0,
      timeout: options.timeoutMs ?? 20_000,
      throwHttpErrors: false,
      // Never follow a redirect: fetch keeps the `token` header across origins, and a favorite call that
      // was redirected has an unknown outcome the caller must see.
      redirect: 'manual',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  async listInstances(): Promise<InstanceSummary[]> {
    return parseInstances(await this.request('get', 'api/instance/list', {}, 'interactive'));
  }

  /**
   * The address book as the server sent it, unread, for the store worker to read (ChatService.refresh): at
   * 100,000 contacts its JSON takes main hundreds of milliseconds to parse. Only a 2xx is handed over; any
   * other answer fails here as every call does. A 2xx the worker finds is not an address book is told
   * apart with failureOf().
   */
  async contactsAnswer(instance: string): Promise<{ status: number; body: ArrayBuffer[] }> {
    const response = await this.send('get', `api/chat/contacts/${enc(instance)}`, {}, 'interactive');
    if (!response.ok) throw this.failure(response.status, false, await jsonOf(response));
    return { status: response.status, body: await bodyInParts(response) };
  }

  /** What a 2xx answer whose body is not a success envelope (`body`: its JSON, if any) means, as request() says it. */
  failureOf(status: number, body: unknown): ApiFailure {
    return this.failure(status, true, body);
  }

  /** One page of history, newest first (API.md §6.3); `to` and `from` are inclusive. */
  async history(
    instance: string,
    chat: string,
    count: number,
    to?: number,
    options: { from?: number; priority?: Priority } = {},
  ): Promise<HistoryPage> {
    const json: Body = { number: chat, count };
    if (to !== undefined) json.to = new Date(to).toISOString();
    if (options.from !== undefined) json.from = new Date(options.from).toISOString();
    const priority = options.priority ?? 'interactive';
    const body = await this.request('post', `api/chat/history/${enc(instance)}`, { json }, priority);
    const chatJid = typeof body.chat_jid === 'string' && body.chat_jid ? body.chat_jid : chat;
    const items = Array.isArray(body.messages) ? body.messages : [];
    const messages = items.flatMap((item) => {
      const parsed = isObject(item) ? parseMessage(item, chatJid) : null;
      return parsed ? [parsed] : [];
    });
    return { chatJid, messages };
  }

  /** One contact by number or JID; null when the answer names none (API.md §6.1). */
  async contact(
    instance: string,
    number: string,
    priority: Priority = 'interactive',
  ): Promise<(ApiContact & { found: boolean }) | null> {
    return parseContact(
      await this.request('get', `api/chat/contacts/${enc(instance)}`, { searchParams: { number } }, priority),
    );
  }

  async getMessage(
    instance: string,
    messageId: string,
    priority: Priority = 'interactive',
  ): Promise<ApiMessage | null> {
    const body = await this.request(
      'get',
      `api/chat/getMessage/${enc(instance)}`,
      { searchParams: { messageId } },
      priority,
    );
    if (!isObject(body.data)) return null;
    const chat = typeof body.data.chat === 'string' ? body.data.chat : '';
    return parseMessage({ ...body.data, id: messageId }, chat);
  }

  /** A message's media file, base64-encoded in one answer (API.md §6.12); 404 until the server stored it. */
  async mediaBase64(instance: string, messageId: string): Promise<ApiMediaFile> {
    const body = await this.request(
      'get',
      `api/chat/base64/${enc(instance)}`,
      { searchParams: { messageId } },
      'interactive',
    );
    return parseMediaFile(body);
  }

  /**
   * Sets a favorite (idempotent, API.md §6.5) and returns what the answer says the server did; whether that
   * agrees with the request is the outbox's call (main/sync/favorite-outcome.ts).
   */
  async setFavorite(
    instance: string,
    target: FavoriteTarget,
    favorite: boolean,
    priority: Priority = 'background',
  ): Promise<FavoriteAnswer> {
    const json: Body =
      target.kind === 'message'
        ? { messageId: target.messageId, favorite }
        : { number: target.chatJid, favorite };
    const body = await this.request('post', `api/chat/favorite/${enc(instance)}`, { json }, priority);
    return parseFavoriteAnswer(body);
  }

  async websocketConfig(instance: string): Promise<WebsocketConfig> {
    try {
      const body = await this.request('get', `api/events/getWebsocket/${enc(instance)}`, {}, 'background');
      const ws = isObject(body.websocket) ? body.websocket : {};
      const events = Array.isArray(ws.events) ? ws.events.filter((e) => typeof e === 'string') : [];
      return { configured: true, enabled: ws.enabled === true, events };
    } catch (error) {
      // 404 "WebSocket not configured for this instance" is a state, not a failure (API.md §9.2).
      if (error instanceof ApiFailure && error.status === 404 && /websocket/i.test(error.serverMessage)) {
        return { configured: false, enabled: false, events: [] };
      }
      throw error;
    }
  }

  async enableWebsocket(instance: string, events: string[]): Promise<void> {
    await this.request(
      'post',
      `api/events/websocket/${enc(instance)}`,
      { json: { enabled: true, events, mediaBase64: false } },
      'background',
    );
  }

  /** The live socket's address, on the API's own origin; the token travels in a header, not in this URL. */
  websocketUrl(instance: string): string {
    const url = new URL(this.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/ws/${enc(instance)}`;
    return url.href;
  }

  get authHeaders(): Record<string, string> {
    return { token: this.token };
  }

  async spend(priority: Priority, signal?: AbortSignal): Promise<void> {
    await this.budget.acquire(priority, signal);
  }

  private async request(
    method: 'get' | 'post',
    path: string,
    options: { json?: Body; searchParams?: Record<string, string> },
    priority: Priority,
  ): Promise<Body> {
    const response = await this.send(method, path, options, priority);
    const body = await jsonOf(response);
    if (response.ok && isObject(body) && body.success !== false) return body;
    throw this.failure(response.status, response.ok, body);
  }

  /** The call made within the budget, its answer's headers read; a redirect or no answer fails here. */
  private async send(
    method: 'get' | 'post',
    path: string,
    options: { json?: Body; searchParams?: Record<string, string> },
    priority: Priority,
  ): Promise<Response> {
    let response: Response;
    for (let attempt = 1; ; attempt++) {
      await this.budget.acquire(priority);
      try {
        response = await this.http(path, { method, ...options });
        break;
      } catch (error) {
        // A kept-alive connection the server (or the network) dropped while idle fails the next request at
        // once; a read may go again on a fresh one. Writes never repeat here: their callers decide.
        if (method === 'get' && attempt === 1 && staleConnection(error)) continue;
        this.reachability?.reportUnreachable(this.baseUrl);
        throw networkFailure(error, this.token);
      }
    }
    this.reachability?.reportReachable();
    if (response.status === 429) this.budget.exhausted(response.headers);
    else this.budget.observe(response.headers);
    if (response.status >= 300 && response.status < 400) throw await redirectFailure(response);
    return response;
  }

  /** Why an answer is not a success: unreadable, a 2xx that says it failed, or RyzeAPI's own refusal. */
  private failure(status: number, ok: boolean, body: unknown): ApiFailure {
    if (!isObject(body)) return httpFailure('unreadableAnswer', status, '', false);
    const error = isObject(body.error) ? body.error : {};
    const message = redact(typeof error.message === 'string' ? error.message : String(body.message ?? ''), [
      this.token,
    ]);
    // A 2xx that says it failed contradicts itself: what the server did is as unknown as after a 5xx.
    if (ok) return httpFailure('unreadableAnswer', status, message, false);
    return classifyHttpError(status, message, isObject(body.error));
  }
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** The address in its normal form, or a badBaseUrl failure naming the problem (before any request). */
export function normalizeBaseUrl(url: string): string {
  const check = checkBaseUrl(url);
  if (!check.ok) throw fail('badBaseUrl', { problem: check.problem });
  return check.url;
}

/**
 * A 3xx is never followed: it is reported with the origin it pointed to (never its path or query, which
 * may carry anything) and keeps its status, so a favorite call answered this way counts as an unknown
 * outcome rather than a refusal.
 */
async function redirectFailure(response: Response): Promise<ApiFailure> {
  await response.body?.cancel();
  const location = response.headers.get('location');
  let origin = '';
  try {
    const pointed = location ? new URL(location, response.url).origin : 'null';
    if (pointed !== 'null') origin = pointed;
  } catch {
    // Not a URL: the window says only that it was a redirect.
  }
  return new ApiFailure(
    appError('redirected', { status: response.status, location: origin }),
    response.status,
  );
}

const enc = encodeURIComponent;

/** Whether the request died on a reused connection that the other side had already closed. */
function staleConnection(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return true;
  }
  return false;
}

/** Whether the cause chain says no connection was ever made (nothing was sent). */
function neverConnected(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code)
    ) {
      return true;
    }
  }
  return false;
}

/** No whole answer: timed out, never connected, or cut off. The system's words go to the log only. */
function networkFailure(error: unknown, token: string): ApiFailure {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  const detail = redact(cause || (error instanceof Error ? error.message : String(error)), [token]);
  const reachedServer = !neverConnected(error);
  const code =
    error instanceof Error && error.name === 'TimeoutError'
      ? 'timeout'
      : reachedServer
        ? 'connectionLost'
        : 'unreachable';
  return new ApiFailure(appError(code), 0, { reachedServer, detail });
}
