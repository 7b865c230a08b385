import WebSocket from 'ws';
import type { ConnectionStatus } from '../../preload/contract.ts';
import { isObject, numberOf, parseConnectionState, parseExchangeEvent } from '../api/parse.ts';
import type { Clock } from '../core/clock.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { AccountContext } from '../session/account-context.ts';
import type { SessionService } from '../session/session-service.ts';
import type { Store } from '../store/store-client.ts';
import { fullJitterBackoff } from '../sync/backoff.ts';
import type { Connectivity } from '../sync/connectivity.ts';
import { WakeSignal } from '../sync/wake-signal.ts';
import { SteadyLink } from './steady-link.ts';

const wantedEvents = ['message.exchange', 'instance.state'];
/** Public clients ping every 25 s and give up after 90 s of silence (API.md §9.3); we do the same. */
const pingEveryMs = 25_000;
const silenceLimitMs = 90_000;

export interface LiveServiceDeps {
  session: SessionService;
  store: Store;
  clock: Clock;
  emit: EventSink;
  /** Whether RyzeAPI answers: part of what the user is shown, and the cue to retry at once. */
  connectivity: Pick<Connectivity, 'isOnline' | 'onChange'>;
  /** Jitter source for reconnect backoff; tests pass a fixed one. */
  random?: () => number;
  /** The instance connected to WhatsApp again: held favorite changes may go. */
  onInstanceConnected: (accountId: string) => void;
  /** A live message could not be stored (for the log). */
  onStoreFailure?: (error: unknown) => void;
  /** Whether the chat is on screen: its live messages are read as they arrive, not counted unread. */
  isViewing?: (accountId: string, chatJid: string) => boolean;
  /** The socket opened (at start or after a drop): what it missed can be caught up. */
  onOpened?: (ctx: AccountContext) => void;
}

/**
 * The live event socket (/ws/:instance). Turns it on when the instance has it off, keeps it open with
 * jittered reconnects, and writes what arrives into the store. When it cannot open, everything still
 * works from history on demand; the status says live updates are off.
 */
export class LiveService {
  private readonly deps: LiveServiceDeps;
  private socket: WebSocket | null = null;
  private stopController = new AbortController();
  /** Cuts a reconnect wait short when RyzeAPI answers again. */
  private readonly retryNow = new WakeSignal();
  /**
   * What the user is shown. The loop below reports every attempt; the link decides what is news, so a
   * retry while offline changes nothing on screen.
   */
  private readonly link: SteadyLink;

  constructor(deps: LiveServiceDeps) {
    this.deps = deps;
    this.link = new SteadyLink({
      clock: deps.clock,
      onChange: () => deps.emit('connection:changed', this.status()),
    });
    this.link.setOnline(deps.connectivity.isOnline);
    deps.connectivity.onChange((online) => {
      this.link.setOnline(online);
      // Backoff may have grown to a minute while offline; the socket should follow the API back now.
      if (online) this.retryNow.wake();
    });
  }

  status(): ConnectionStatus {
    return {
      instanceState: this.deps.session.context?.instance.state ?? 'unknown',
      live: this.link.live,
      online: this.link.online,
    };
  }

  start(ctx: AccountContext): void {
    // Not stop(): passing through 'closed' would flash "live updates are off" on every account switch.
    this.halt();
    this.link.restart();
    this.stopController = new AbortController();
    void this.run(ctx, this.stopController.signal);
  }

  stop(): void {
    this.halt();
    this.link.stop();
  }

  private halt(): void {
    this.stopController.abort();
    this.socket?.terminate();
    this.socket = null;
  }

  private async run(ctx: AccountContext, stop: AbortSignal): Promise<void> {
    const random = this.deps.random ? { random: this.deps.random } : {};
    for (let attempt = 0; !stop.aborted;) {
      const opened = await this.connectOnce(ctx, stop).catch(() => false);
      if (stop.aborted) return;
      attempt = opened ? 0 : attempt + 1;
      // Only the raw fact "not open, trying again"; how long that has lasted is the link's business.
      this.link.setLive('connecting');
      const wait = 1000 + fullJitterBackoff(attempt, { baseMs: 1000, capMs: 60_000, ...random });
      await this.deps.clock.sleep(wait, AbortSignal.any([stop, this.retryNow.signal]));
    }
  }

  /** One connection's life. Resolves when it closes: true if it had opened. */
  private async connectOnce(ctx: AccountContext, stop: AbortSignal): Promise<boolean> {
    const config = await ctx.client.websocketConfig(ctx.instance.name);
    const missing = wantedEvents.filter((e) => config.events.length > 0 && !config.events.includes(e));
    if (!config.enabled || missing.length > 0) {
      await ctx.client.enableWebsocket(ctx.instance.name, [...new Set([...config.events, ...wantedEvents])]);
    }
    await ctx.client.spend('background', stop);
    if (stop.aborted) return false;
    return new Promise<boolean>((resolve) => {
      const socket = new WebSocket(ctx.client.websocketUrl(ctx.instance.name), {
        headers: ctx.client.authHeaders,
        // A redirected upgrade would carry the token header to wherever it points: it fails instead.
        followRedirects: false,
      });
      this.socket = socket;
      let opened = false;
      let lastHeard = this.deps.clock.now();
      const pinger = setInterval(() => {
        if (this.deps.clock.now() - lastHeard > silenceLimitMs) socket.terminate();
        else if (socket.readyState === WebSocket.OPEN) socket.ping();
      }, pingEveryMs);
      socket.on('open', () => {
        opened = true;
        this.link.setLive('open');
        this.deps.onOpened?.(ctx);
      });
      socket.on('pong', () => (lastHeard = this.deps.clock.now()));
      socket.on('message', (data) => {
        lastHeard = this.deps.clock.now();
        this.handleFrame(ctx, String(data));
      });
      socket.on('error', () => {
        // 'close' follows; the reason is not shown because it can quote the request.
      });
      socket.on('close', () => {
        clearInterval(pinger);
        if (this.socket === socket) this.socket = null;
        resolve(opened);
      });
      stop.addEventListener('abort', () => socket.terminate(), { once: true });
    });
  }

  private handleFrame(ctx: AccountContext, text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (!isObject(frame) || !isObject(frame.data)) return;
    if (frame.event === 'message.exchange') this.onMessage(ctx, frame.data);
    if (frame.event === 'instance.state') this.onInstanceState(ctx, frame.data);
  }

  private onMessage(ctx: AccountContext, data: Record<string, unknown>): void {
    this.storeMessage(ctx, data).catch((error: unknown) => {
      // A socket handler has no caller to report to: a store failure (a full disk, say) would otherwise be
      // an unhandled rejection in main. It is logged, and the socket keeps going.
      this.deps.onStoreFailure?.(error);
    });
  }

  /** Frames are stored in the order they came: the store answers calls in the order they were sent. */
  private async storeMessage(ctx: AccountContext, data: Record<string, unknown>): Promise<void> {
    const message = parseExchangeEvent(data);
    if (!message) return;
    const number = numberOf(message.chatJid);
    // The name for a chat the store does not know yet (the store keeps the one it knows).
    const name = message.chatName || (!message.fromMe ? message.senderName : '') || number || message.chatJid;
    // Counted unread unless it is the user's own or its chat is on screen (and only if it is new).
    const countUnread = !message.fromMe && !this.deps.isViewing?.(ctx.accountId, message.chatJid);
    await this.deps.store.call('messages.saveLive', ctx.accountId, message, name, countUnread);
    // A frame without text (trimmed by the server) or a media frame without the file's details: the stored
    // snapshot has them.
    const media = message.type !== 'text';
    if (!message.text || (media && message.media?.size == null))
      void this.rehydrate(ctx, message.id, message.chatJid);
    this.deps.emit('messages:changed', { chatJid: message.chatJid });
    this.deps.emit('chats:changed', null);
  }

  /** Fills in a message from GET /api/chat/getMessage (API.md §6.4); failing that, it stays as it came. */
  private async rehydrate(ctx: AccountContext, id: string, chatJid: string): Promise<void> {
    try {
      const full = await ctx.client.getMessage(ctx.instance.name, id);
      if (!full) return;
      await this.deps.store.call('messages.fill', ctx.accountId, { ...full, id }, chatJid);
      this.deps.emit('messages:changed', { chatJid });
      this.deps.emit('chats:changed', null);
    } catch {
      // Offline or not stored yet: the row shows what the event said.
    }
  }

  private onInstanceState(ctx: AccountContext, data: Record<string, unknown>): void {
    const state = parseConnectionState(data.state);
    const current = this.deps.session.context;
    if (!current || current.accountId !== ctx.accountId) return;
    this.deps.session
      .updateInstance(ctx.accountId, { ...current.instance, state })
      .catch((error: unknown) => this.deps.onStoreFailure?.(error));
    this.deps.emit('connection:changed', this.status());
    if (state === 'connected') this.deps.onInstanceConnected(ctx.accountId);
  }
}
