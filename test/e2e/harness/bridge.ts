import type { Page } from '@playwright/test';
import type { RyzeApp } from '../../../main/app.ts';
import type { CallerInfo } from '../../../main/ipc/router.ts';
import type { EventSink } from '../../../main/core/event-sink.ts';
import { bridgeGlobalName, eventChannels, requestChannels } from '../../../preload/contract.ts';

/** Where the bridge's calls go and its events come from: the services in this process, or in another. */
export interface ServicesLink {
  /** The router's answer (or, with `json`, that answer as a JSON string). */
  invoke(channel: unknown, args: unknown, caller: CallerInfo): Promise<unknown>;
  subscribe(listener: EventSink): () => void;
}

/**
 * Gives the page the same `window.ryze` the preload exposes — one function per request channel and
 * `on()` for events, made from the same contract — but joined to main services running in the test
 * process. `target()` is read on every call, so the services can be rebuilt under a live page.
 */
export async function installBridge(
  page: Page,
  target: () => RyzeApp,
  options: { json?: boolean } = {},
): Promise<() => void> {
  // `json`: answers cross as a string parsed in the page. Playwright hands an object result over as a
  // script that rebuilds it, costing the page ~6 ms per 100-row page (measured), far more than Electron's
  // structured clone, so the benchmark uses strings to measure the app rather than Playwright.
  const json = options.json === true;
  return installBridgeTo(
    page,
    {
      invoke: async (channel, args, caller) => {
        const result = await target().router.handle(channel, args, caller);
        return json ? JSON.stringify(result) : result;
      },
      subscribe: (listener) => target().events.subscribe(listener),
    },
    { json },
  );
}

/** The same bridge, joined to services anywhere (the benchmark runs them in a process of their own). */
export async function installBridgeTo(
  page: Page,
  link: ServicesLink,
  options: { json?: boolean } = {},
): Promise<() => void> {
  const json = options.json === true;
  await page.exposeBinding('__ryzeHarnessInvoke', (source, channel: unknown, args: unknown) =>
    link.invoke(channel, args, {
      url: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
    }),
  );
  await page.addInitScript(
    ({ requests, events, globalName, json }) => {
      type Listener = (payload: unknown) => void;
      const w = window as unknown as Record<string, unknown>;
      const invoke = w.__ryzeHarnessInvoke as (channel: string, args: unknown) => Promise<unknown>;
      const listeners = new Map<string, Set<Listener>>();
      const bridge: Record<string, unknown> = {};
      for (const channel of requests) {
        bridge[channel] = json
          ? async (args: unknown) => JSON.parse((await invoke(channel, args)) as string) as unknown
          : (args: unknown) => invoke(channel, args);
      }
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
      json,
    },
  );
  return forwardEvents(page, link.subscribe);
}

/** Forwards the services' events to the page, as the shell's webContents.send does. */
export function subscribeEvents(page: Page, app: RyzeApp): () => void {
  return forwardEvents(page, (listener) => app.events.subscribe(listener));
}

function forwardEvents(page: Page, subscribe: ServicesLink['subscribe']): () => void {
  return subscribe((event, payload) => {
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
