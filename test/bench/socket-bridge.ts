/**
 * The page's side of bridge-server.ts: the same `window.ryze` the preload exposes (one function per
 * request channel and `on()` for events, made from the same contract), over a WebSocket opened as the
 * document starts. Every call is logged with when the page asked, when the answer arrived and how long the
 * services took, so the bench can say where a first paint's time went.
 */
import type { Page } from 'playwright';
import { bridgeGlobalName, eventChannels, requestChannels } from '../../preload/contract.ts';

export interface BridgeCallTiming {
  channel: string;
  sent: number;
  answered: number;
  servicesMs: number;
}

/**
 * Installs the bridge in `page`. The renderer's Content-Security-Policy allows no connection at all
 * (connect-src 'none'), so the page's context must be made with `bypassCSP: true`.
 */
export async function installSocketBridge(page: Page, url: string): Promise<void> {
  await page.addInitScript(
    ({ url, requests, events, globalName }) => {
      type Listener = (payload: unknown) => void;
      type Message = { id: number; value: unknown; servicesMs: number } | { event: string; payload: unknown };
      const socket = new WebSocket(url);
      const open = new Promise<void>((resolve) => socket.addEventListener('open', () => resolve()));
      const waiting = new Map<number, { resolve: (v: unknown) => void; channel: string; sent: number }>();
      const listeners = new Map<string, Set<Listener>>();
      const log: Array<{ channel: string; sent: number; answered: number; servicesMs: number }> = [];
      let nextId = 1;
      socket.addEventListener('message', (e: MessageEvent<string>) => {
        const message = JSON.parse(e.data) as Message;
        if ('event' in message) {
          listeners.get(message.event)?.forEach((l) => l(message.payload));
          return;
        }
        const call = waiting.get(message.id);
        if (!call) return;
        waiting.delete(message.id);
        log.push({
          channel: call.channel,
          sent: call.sent,
          answered: performance.now(),
          servicesMs: message.servicesMs,
        });
        call.resolve(message.value);
      });
      const invoke = async (channel: string, args: unknown): Promise<unknown> => {
        const sent = performance.now();
        await open;
        const id = nextId++;
        const caller = { url: location.href, isMainFrame: window === window.top };
        return new Promise((resolve) => {
          waiting.set(id, { resolve, channel, sent });
          socket.send(JSON.stringify({ id, channel, args, caller }));
        });
      };
      const bridge: Record<string, unknown> = {};
      for (const channel of requests) bridge[channel] = (args: unknown) => invoke(channel, args);
      bridge.on = (event: string, listener: Listener) => {
        if (!events.includes(event)) throw new Error(`Unknown event: ${event}`);
        const set = listeners.get(event) ?? new Set<Listener>();
        listeners.set(event, set);
        set.add(listener);
        return () => set.delete(listener);
      };
      Object.defineProperty(window, '__benchBridgeCalls', { value: log });
      (window as unknown as Record<string, unknown>)[globalName] = Object.freeze(bridge);
    },
    {
      url,
      requests: requestChannels as string[],
      events: eventChannels as string[],
      globalName: bridgeGlobalName,
    },
  );
}
