/**
 * The window's first questions to main, asked by the entry module as soon as the document runs it: before
 * the app's own code is fetched, compiled and mounted, which is most of a window's start on a slow machine.
 * Main reads the session and the chat list's first page meanwhile, so the app's first frame can show rows.
 * Only types are imported besides `hasBridge`, so this stays in the small entry chunk.
 */
import type { ChatRow, Page, RequestResult, Result, Session } from '../../../preload/contract.ts';
import { hasBridge } from './has-bridge.ts';

/** Rows per page of the chat list. */
export const CHAT_PAGE = 100;

export interface EarlyCalls {
  /** The bridge's own promises: they may reject; bridge.ts's `settle` turns them into results. */
  session: Promise<Result<RequestResult<'session:get'>>>;
  chats: Promise<Result<Page<ChatRow>>>;
  /** The newest `session:changed` heard since they were asked: it wins over the session's answer. */
  changed: Session | null;
}

let early: EarlyCalls | null = null;
let stopListening = (): void => {};

export function askEarly(): void {
  if (!hasBridge()) return;
  const { ryze } = window;
  // A bridge that throws at once still yields a promise here, rejected, like one that fails later.
  const ask = <T>(question: () => Promise<T>): Promise<T> => {
    const answer = new Promise<T>((resolve) => resolve(question()));
    answer.catch(() => undefined); // taken and reported by the app; not an unhandled rejection meanwhile
    return answer;
  };
  const asked: EarlyCalls = {
    session: ask(() => ryze['session:get'](undefined)),
    chats: ask(() => ryze['chats:page']({ offset: 0, limit: CHAT_PAGE })),
    changed: null,
  };
  try {
    stopListening = ryze.on('session:changed', (session) => (asked.changed = session));
  } catch {
    // No events from this bridge: the app subscribes again itself, and will say what failed.
  }
  early = asked;
}

/** The early calls, handed out once: the listener stops here, and the taker subscribes in the same task. */
export function takeEarly(): EarlyCalls | null {
  const taken = early;
  early = null;
  stopListening();
  stopListening = () => {};
  return taken;
}
