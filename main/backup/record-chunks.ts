import type { FavoritesRecordReader, RecordScope } from '../store/favorites-record-reader.ts';
import { accountEnd, accountStart, chatsEnd } from './favorites-file.ts';

/** Favorites read from the store per slice: about a millisecond of store time each. */
const sliceSize = 500;

/** Gives the event loop a turn, so IPC calls waiting behind a long record are answered in between. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface RecordCounts {
  accounts: number;
  chats: number;
  messages: number;
}

/**
 * The `accounts` array of a favorites file, as JSON text in slices, read from the store a slice at a
 * time with a turn of the event loop between slices. `counts` is filled in as it goes (stars: favorites
 * in scope, by kind).
 */
export async function* accountsJson(
  reader: FavoritesRecordReader,
  scope: RecordScope,
  counts: RecordCounts = { accounts: 0, chats: 0, messages: 0 },
  pause: () => Promise<void> = nextTurn,
): AsyncGenerator<string> {
  const accounts = reader.accounts(scope);
  for (const [i, account] of accounts.entries()) {
    counts.accounts++;
    yield accountStart(account, i === 0);
    const jids = reader.chatJids(account.id, scope);
    let firstChat = true;
    for (let at = 0; at < jids.length; at += sliceSize) {
      const chats = reader.chats(account.id, jids.slice(at, at + sliceSize));
      if (chats.length === 0) continue;
      yield (firstChat ? '' : ',') + chats.map((c) => JSON.stringify(c)).join(',');
      firstChat = false;
      await pause();
    }
    yield chatsEnd;
    let after = '';
    let first = true;
    for (;;) {
      const page = reader.favorites(account.id, scope, after, sliceSize);
      if (page.length === 0) break;
      after = page.at(-1)!.key;
      yield (
        (first ? '' : ',') +
        page
          .map(({ key: _key, ...favorite }) => {
            if (favorite.starred) counts[favorite.kind === 'chat' ? 'chats' : 'messages']++;
            return JSON.stringify(favorite);
          })
          .join(',')
      );
      first = false;
      if (page.length < sliceSize) break;
      await pause();
    }
    yield accountEnd;
  }
}
