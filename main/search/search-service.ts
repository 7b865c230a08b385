import type { DatabaseSync } from 'node:sqlite';
import type { SearchPage } from '../../preload/contract.ts';
import type { SessionService } from '../session/session-service.ts';
import { toFtsQuery } from './fts-query.ts';
import { MessageSearchIndex } from './message-search-index.ts';

/**
 * Message search for the signed-in account, over what the store holds: it works offline and costs no
 * API call (RyzeAPI has no search endpoint), so it finds only messages the app has already seen.
 */
export class SearchService {
  private readonly session: SessionService;
  private readonly index: MessageSearchIndex;

  constructor(deps: { session: SessionService; db: DatabaseSync }) {
    this.session = deps.session;
    this.index = new MessageSearchIndex(deps.db);
  }

  messages(query: string, offset: number, limit: number): SearchPage {
    const { accountId } = this.session.requireContext();
    const match = toFtsQuery(query);
    if (match === null) return { rows: [], total: 0, offset, atLeast: false };
    return this.index.search(accountId, match, offset, limit);
  }
}
