import type { Page } from '@playwright/test';
import type { RyzeApp } from '../../../main/app.ts';
import { bridgeGlobalName, eventChannels, requestChannels } from '../../../preload/contract.ts';

/**
 * Gives the page the same `window.ryze` the preload exposes — one function per request channel and
 * `on()` for events, made from the same contract — but joined to main services running in the test
 * process. `target()` is read on every call, so the services can be rebuilt under a live page.
 */
export async function installBridge(page: Page, target: () => RyzeApp): Promise<() => void> {
  await page.exposeBinding('__ryzeHarnessInvoke', (source, channel: unknown, args: unknown) =>
    target().router.handle(channel, args, {
      url: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
    }),
  );
  await installWindowRyze(page);
  return subscribeEvents(page, target());
}

/**
 * Builds `window.ryze` in every document of `page` from the contract, over a transport set up before it:
 * calls go to `window.__ryzeHarnessInvoke(channel, args)`, and events arrive through
 * `window.__ryzeHarnessEmit(event, payload)`, which this defines.
 */
export async function installWindowRyze(page: Page): Promise<void> {
  await page.addInitScript(
    ({ requests, events, globalName }) => {
      type Listener = (payload: unknown) => void;
      const w = window as unknown as Record<string, unknown>;
      const invoke = w.__ryzeHarnessInvoke as (channel: string, args: unknown) => Promise<unknown>;
      const listeners = new Map<string, Set<Listener>>();
      const bridge: Record<string, unknown> = {};
      for (const channel of requests) bridge[channel] = (args: unknown) => invoke(channel, args);
      bridge.on = (event: string, listener: Listener) => {
        if (!events.includes(event)) throw new Error(`Unknown event: ${event}`);
        const set = listeners.get(event) ?? new Set<Listener>();
        listeners.set(event, set);
        set.add(listener);
        return () => set.delete(listener);
      };
      Object.defineProperty(window, '__ryzeHarnessEmit', {
        value: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
      });
      w[globalName] = Object.freeze(bridge);
    },
    {
      requests: requestChannels as string[],
      events: eventChannels as string[],
      globalName: bridgeGlobalName,
    },
  );
}

/** Forwards the services' events to the page, as the shell's webContents.send does. */
export function subscribeEvents(page: Page, app: RyzeApp): () => void {
  return app.events.subscribe((event, payload) => {
    if (page.isClosed()) return;
    page
      .evaluate(
        ([e, p]) =>
          (window as unknown as { __ryzeHarnessEmit?: (e: string, p: unknown) => void }).__ryzeHarnessEmit?.(
            e,
            p,
          ),
        [event, payload] as const,
      )
      .catch(() => {
        // The page may be navigating; it re-reads state when it loads.
      });
  });
}
