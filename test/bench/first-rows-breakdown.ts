/**
 * Where the chat list's first-rows time goes, from the page's navigation start: the document, the entry's
 * early calls (the session and the first chat page, asked before the app's chunk is loaded), the chat page's
 * round trip (the services' own time and the rest), the app's chunk loaded, run and mounted, and from there
 * the first build and the painted frame.
 */
import type { Page } from 'playwright';
import type { BridgeCallTiming } from './socket-bridge.ts';
import { median, round } from './stats.ts';

export interface FirstRowsBreakdown {
  /** The document's last byte arrived. */
  documentMs: number;
  /** The entry's first call left the page. */
  firstCallMs: number;
  /** The chat page's answer reached the page. */
  chatsAnsweredMs: number;
  /** Of that round trip, the services' own time, and the rest (the socket both ways, waiting in the page). */
  chatsServicesMs: number;
  chatsTransitMs: number;
  /** The app's chunk was fetched, compiled and run, and the app mounted (the `ryze:app-mounted` mark). */
  appMountedMs: number;
  /** From the later of the mount and the chat page's answer to the painted frame. */
  renderMs: number;
  /** Calls answered before the paint. */
  callsBeforePaint: number;
}

export async function firstRowsBreakdown(page: Page, paintedAt: number): Promise<FirstRowsBreakdown> {
  const { documentMs, appMountedMs, calls } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const mounted = performance.getEntriesByName('ryze:app-mounted')[0];
    const log = (window as unknown as { __benchBridgeCalls?: BridgeCallTiming[] }).__benchBridgeCalls ?? [];
    return { documentMs: nav?.responseEnd ?? 0, appMountedMs: mounted?.startTime ?? 0, calls: log.slice() };
  });
  const chats = calls.find((c) => c.channel === 'chats:page');
  return {
    documentMs,
    firstCallMs: Math.min(...calls.map((c) => c.sent)),
    chatsAnsweredMs: chats?.answered ?? 0,
    chatsServicesMs: chats?.servicesMs ?? 0,
    chatsTransitMs: chats ? chats.answered - chats.sent - chats.servicesMs : 0,
    appMountedMs,
    renderMs: paintedAt - Math.max(appMountedMs, chats?.answered ?? 0),
    callsBeforePaint: calls.filter((c) => c.answered <= paintedAt).length,
  };
}

/** Each field's median over the samples. */
export function medianBreakdown(samples: FirstRowsBreakdown[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(samples[0] ?? {}) as Array<keyof FirstRowsBreakdown>)
    out[key] = round(median(samples.map((s) => s[key])), 1);
  return out;
}
