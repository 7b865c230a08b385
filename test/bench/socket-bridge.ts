/**
 * The page's side of bridge-server.ts: the same `window.ryze` the E2E tests give the page (one function per
 * request channel and `on()` for events, made from the contract), over a WebSocket opened as the document
 * starts. Every call is logged with when the page asked, when the answer arrived and how long the services
 * took, so the bench can say where a first paint's time went.
 */
import type { Page } from 'playwright';
import { installWindowRyze } from '../e2e/harness/bridge.ts';
import type { BridgeCall, BridgeMessage } from './bridge-server.ts';

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
  await page.addInitScript((url) => {
    const socket = new WebSocket(url);
    const open = new Promise<void>((resolve) => socket.addEventListener('open', () => resolve()));
    const waiting = new Map<number, { resolve: (v: unknown) => void; channel: string; sent: number }>();
    const log: BridgeCallTiming[] = [];
    let nextId = 1;
    socket.addEventListener('message', (e: MessageEvent<string>) => {
      const message = JSON.parse(e.data) as BridgeMessage;
      if ('event' in message) {
        const emit = (window as unknown as { __ryzeHarnessEmit?: (e: string, p: unknown) => void })
          .__ryzeHarnessEmit;
        emit?.(message.event, message.payload);
        return;
      }
      const call = waiting.get(message.id);
      if (!call) return;
      waiting.delete(message.id);
      const { channel, sent } = call;
      log.push({ channel, sent, answered: performance.now(), servicesMs: message.servicesMs });
      call.resolve(message.value);
    });
    const invoke = async (channel: string, args: unknown): Promise<unknown> => {
      const sent = performance.now();
      await open;
      const id = nextId++;
      const caller = { url: location.href, isMainFrame: window === window.top };
      return new Promise((resolve) => {
        waiting.set(id, { resolve, channel, sent });
        socket.send(JSON.stringify({ id, channel, args, caller } satisfies BridgeCall));
      });
    };
    Object.defineProperty(window, '__ryzeHarnessInvoke', { value: invoke });
    Object.defineProperty(window, '__benchBridgeCalls', { value: log });
  }, url);
  await installWindowRyze(page);
}
