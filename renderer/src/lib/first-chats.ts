/**
 * The chat list's first page, asked for as the window starts, beside the session (early-calls.ts): the main
 * view is built, and the list asks for its rows, only once the session is known; by then this answer is on
 * its way or here. It is handed out once, to exactly that read (the first page, no search); any other read
 * asks main, and a change of session drops it (it belongs to the account that was signed in when it was asked).
 * A change to the chats in between is not lost: the list refreshes and re-reads as soon as it shows.
 */
import type { ChatRow, Page, Result } from '../../../preload/contract.ts';
import { settle } from './bridge.ts';
import { CHAT_PAGE } from './early-calls.ts';

export { CHAT_PAGE };

let early: Promise<Result<Page<ChatRow>>> | null = null;

/** Keeps the first page the entry asked for, for the chat list's first read. */
export function keepFirstChats(asked: Promise<Result<Page<ChatRow>>>): void {
  early = settle('chats:page', asked);
}

export function dropFirstChats(): void {
  early = null;
}

/** The early answer if this read is the one it was asked for, else null; it is handed out at most once. */
export function takeFirstChats(
  offset: number,
  limit: number,
  query: string | undefined,
): Promise<Result<Page<ChatRow>>> | null {
  const answer = early;
  early = null;
  return answer && offset === 0 && limit === CHAT_PAGE && !query ? answer : null;
}
