import type { TestApp } from './app-harness.ts';
import { ok } from './app-harness.ts';

/** Every target the app shows as starred, keyed like the emulator's record ('chat:<jid>', 'message:<id>'). */
export async function starredInApp(app: TestApp): Promise<string[]> {
  const chats = ok(await app.call('favorites:chats', { offset: 0, limit: 500 }));
  const messages = ok(await app.call('favorites:messages', { offset: 0, limit: 500 }));
  return [...chats.rows.map((c) => `chat:${c.jid}`), ...messages.rows.map((m) => `message:${m.id}`)].sort();
}

/** Every target the emulator's record says is a favorite. */
export function starredOnServer(record: Map<string, boolean>): string[] {
  return [...record]
    .filter(([, on]) => on)
    .map(([key]) => key)
    .sort();
}
