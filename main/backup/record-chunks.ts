import type { RecordAccountHead, RecordScope } from '../store/favorites-record-reader.ts';
import type { Store } from '../store/store-client.ts';
import type { RecordChat, RecordFavorite } from './favorites-file.ts';
import { accountEnd, accountStart, favoritesEnd } from './favorites-file.ts';

/**
 * Rows read from the store per slice: a few milliseconds of store time each (measured: 200 favorites with
 * their messages, 2.5–6.5 ms on a busy 2-core machine), so the worker answers other calls in between.
 */
const sliceSize = 200;

/**
 * Where a record is read from: the store worker (storeRecordSource), or, in tests, a
 * FavoritesRecordReader over a connection of their own.
 */
export interface RecordSource {
  accounts(scope: RecordScope): Promise<RecordAccountHead[]> | RecordAccountHead[];
  chats(accountId: string, jids: string[]): Promise<RecordChat[]> | RecordChat[];
  favorites(
    accountId: string,
    scope: RecordScope,
    afterKey: string,
    limit: number,
  ): Promise<Array<RecordFavorite & { key: string }>> | Array<RecordFavorite & { key: string }>;
}

/** The favorites record as the store worker reads it, one store call per slice. */
export function storeRecordSource(store: Store): RecordSource {
  return {
    accounts: (scope) => store.call('record.accounts', scope),
    chats: (accountId, jids) => store.call('record.chats', accountId, jids),
    favorites: (accountId, scope, afterKey, limit) =>
      store.call('record.favorites', accountId, scope, afterKey, limit),
  };
}

export interface RecordCounts {
  accounts: number;
  /** Starred chats and starred messages written. */
  chats: number;
  messages: number;
}

/**
 * One account's favorites in scope, then the chats they refer to, read from the store a slice (one store
 * call) at a time, so calls from the window are answered in between.
 */
export async function* accountRecord(
  reader: RecordSource,
  accountId: string,
  scope: RecordScope,
): AsyncGenerator<{ favorites: RecordFavorite[] } | { chats: RecordChat[] }> {
  const jids = new Set<string>();
  for (let after = ''; ;) {
    const page = await reader.favorites(accountId, scope, after, sliceSize);
    if (page.length === 0) break;
    for (const f of page) jids.add(f.chatJid);
    yield { favorites: page.map(({ key: _key, ...favorite }) => favorite) };
    if (page.length < sliceSize) break;
    after = page.at(-1)!.key;
  }
  const chats = [...jids].sort();
  for (let at = 0; at < chats.length; at += sliceSize) {
    yield { chats: await reader.chats(accountId, chats.slice(at, at + sliceSize)) };
  }
}

/**
 * The `accounts` array of a favorites file, as JSON text in slices (see accountRecord). `counts` is filled
 * in as it goes.
 */
export async function* accountsJson(
  reader: RecordSource,
  scope: RecordScope,
  counts: RecordCounts = { accounts: 0, chats: 0, messages: 0 },
): AsyncGenerator<string> {
  for (const [i, account] of (await reader.accounts(scope)).entries()) {
    counts.accounts++;
    yield accountStart(account, i === 0);
    let section: 'favorites' | 'chats' = 'favorites';
    let first = true;
    for await (const slice of accountRecord(reader, account.id, scope)) {
      const rows: object[] = 'favorites' in slice ? slice.favorites : slice.chats;
      if ('chats' in slice && section === 'favorites') {
        yield favoritesEnd;
        section = 'chats';
        first = true;
      }
      if ('favorites' in slice) {
        for (const f of slice.favorites) if (f.starred) counts[f.kind === 'chat' ? 'chats' : 'messages']++;
      }
      if (rows.length === 0) continue;
      yield (first ? '' : ',') + rows.map((row) => JSON.stringify(row)).join(',');
      first = false;
    }
    if (section === 'favorites') yield favoritesEnd;
    yield accountEnd;
  }
}
