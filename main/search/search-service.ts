import type { SearchPage } from '../../preload/contract.ts';
import type { SessionService } from '../session/session-service.ts';
import type { Store } from '../store/store-client.ts';
import { toFtsQuery } from './fts-query.ts';

/**
 * Message search for the signed-in account, over what the store holds: it works offline and costs no
 * API call (RyzeAPI has no search endpoint), so it finds only messages the app has already seen. The
 * query is made safe here; the index (message-search-index.ts) is read in the store worker.
 */
export class SearchService {
  private readonly session: SessionService;
  private readonly store: Store;

  constructor(deps: { session: SessionService; store: Store }) {
    this.session = deps.session;
    this.store = deps.store;
  }

  async messages(query: string, offset: number, limit: number): Promise<SearchPage> {
    const { accountId } = this.session.requireContext();
    const match = toFtsQuery(query);
    if (match === null) return { rows: [], total: 0, offset, atLeast: false };
    return this.store.call('search.messages', accountId, match, offset, limit);
  }
}
