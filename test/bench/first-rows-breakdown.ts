/**
 * Where the chat list's first-rows time goes, from the page's navigation start: the document, the bundle
 * up to the app's first call, the chat page's call (the services' own time and the rest of its round
 * trip), and the render after the last answer the page waited for.
 */
import type { Page } from 'playwright';
import type { BridgeCallTiming } from './socket-bridge.ts';
import { median, round } from './stats.ts';

export interface FirstRowsBreakdown {
  /** The document's last byte arrived. */
  documentMs: number;
  /** The app's first call left the page: the bundle loaded, ran and mounted. */
  firstCallMs: number;
  /** The chat page was asked for, and its answer reached the page. */
  chatsAskedMs: number;
  chatsAnsweredMs: number;
  /** Of that round trip, the services' own time, and the rest (the socket both ways, waiting in the page). */
  chatsServicesMs: number;
  chatsTransitMs: number;
  /** From the last answer before the paint to the painted frame. */
  renderMs: number;
  /** Calls answered before the paint. */
  callsBeforePaint: number;
}

export async function firstRowsBreakdown(page: Page, paintedAt: number): Promise<FirstRowsBreakdown> {
  const { documentMs, calls } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const log = (window as unknown as { __benchBridgeCalls?: BridgeCallTiming[] }).__benchBridgeCalls ?? [];
    return { documentMs: nav?.responseEnd ?? 0, calls: log.slice() };
  });
  const before = calls.filter((c) => c.answered <= paintedAt);
  const chats = calls.find((c) => c.channel === 'chats:page');
  return {
    documentMs,
    firstCallMs: Math.min(...calls.map((c) => c.sent)),
    chatsAskedMs: chats?.sent ?? 0,
    chatsAnsweredMs: chats?.answered ?? 0,
    chatsServicesMs: chats?.servicesMs ?? 0,
    chatsTransitMs: chats ? chats.answered - chats.sent - chats.servicesMs : 0,
    renderMs: paintedAt - Math.max(0, ...before.map((c) => c.answered)),
    callsBeforePaint: before.length,
  };
}

/** Each field's median over the samples. */
export function medianBreakdown(samples: FirstRowsBreakdown[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(samples[0] ?? {}) as Array<keyof FirstRowsBreakdown>)
    out[key] = round(median(samples.map((s) => s[key])), 1);
  return out;
}
