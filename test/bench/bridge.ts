import type { Page } from 'playwright';
import type { RyzeApp } from '../../main/app.ts';
import { bridgeGlobalName, eventChannels, requestChannels } from '../../preload/contract.ts';
import { subscribeEvents } from '../e2e/harness/bridge.ts';

/**
 * The E2E harness's bridge (test/e2e/harness/bridge.ts) with one change: answers cross into the page as a
 * JSON string and are parsed there. Playwright hands a binding's object result to the page as a script that
 * rebuilds it, which costs the renderer's main thread ~6 ms per 100-row page (measured); Electron's IPC
 * (structured clone) and this string cost well under 1 ms. With the E2E bridge, the bench would mostly
 * measure Playwright's serialiser. Same contract, same channels, same router and caller check; events are
 * forwarded by the E2E harness's own subscribeEvents. BENCH_BRIDGE=e2e runs the bench on the E2E bridge.
 */
export async function installBenchBridge(page: Page, target: () => RyzeApp): Promise<() => void> {
  await page.exposeBinding('__ryzeBenchInvoke', async (source, channel: unknown, args: unknown) =>
    JSON.stringify(
      await target().router.handle(channel, args, {
        url: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame(),
      }),
    ),
  );
  await page.addInitScript(
    ({ requests, events, globalName }) => {
      type Listener = (payload: unknown) => void;
      const w = window as unknown as Record<string, unknown>;
      const invoke = w.__ryzeBenchInvoke as (channel: string, args: unknown) => Promise<string>;
      const listeners = new Map<string, Set<Listener>>();
      const bridge: Record<string, unknown> = {};
      for (const channel of requests) {
        bridge[channel] = async (args: unknown) => JSON.parse(await invoke(channel, args)) as unknown;
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
    },
  );
  return subscribeEvents(page, target());
}
