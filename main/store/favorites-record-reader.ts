import type { DatabaseSync } from 'node:sqlite';
import type { InstanceSummary } from '../../preload/contract.ts';
import {
  clip,
  limits,
  type RecordChat,
  type RecordFavorite,
  type ServerState,
} from '../backup/favorites-file.ts';

/**
 * Which favorites a record holds. A backup keeps every target the user sees starred or the server may
 * hold starred (confirmed starred, or unknown), so that a restore can put both back; an export keeps
 * the stars alone.
 */
export interface RecordScope {
  /** One account (an export), or all of them (a backup). */
  accountId?: string;
  starredOnly: boolean;
}

export interface RecordAccountHead {
  id: string;
  baseUrl: string;
  instance: InstanceSummary;
  current: boolean;
}

interface FavoriteRow {
  target_key: string;
  kind: 'chat' | 'message';
  chat_jid: string;
  message_id: string | null;
  wanted: number;
  confirmed: number | null;
  updated_at: number;
  m_id: string | null;
  ts: number | null;
  from_me: number | null;
  sender_jid: string | null;
  sender_name: string | null;
  type: string | null;
  text: string | null;
}

const serverStates: Record<string, ServerState> = { '1': 'starred', '0': 'unstarred', '-1': 'unknown' };

/**
 * Reads the favorites record out of the store, a slice at a time (keyset paging), so that whoever
 * writes it can yield between slices and a store of 10,000 stars never holds the thread for long. A
 * store-side module: it takes the connection, and moves with the store if the store moves to a worker.
 */
export class FavoritesRecordReader {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  accounts(scope: RecordScope): RecordAccountHead[] {
    const current = this.db.prepare(`SELECT value FROM meta WHERE key = 'current_account'`).get() as
      { value: string } | undefined;
    const rows = this.db
      .prepare(
        `SELECT id, base_url, instance_json FROM accounts WHERE ? IS NULL OR id = ? ORDER BY created_at, id`,
      )
      .all(scope.accountId ?? null, scope.accountId ?? null) as Array<{
      id: string;
      base_url: string;
      instance_json: string;
    }>;
    return rows.map((r) => {
      const instance = JSON.parse(r.instance_json) as InstanceSummary;
      return {
        id: r.id,
        baseUrl: r.base_url,
        instance: {
          name: instance.name,
          state: instance.state,
          displayStatus: clip(instance.displayStatus, limits.status),
          profileName: clip(instance.profileName, limits.name),
          numberJid: instance.numberJid === null ? null : clip(instance.numberJid, limits.id),
        },
        current: r.id === current?.value,
      };
    });
  }

  /** The stored rows of these chats (a chat the store no longer holds is left out). */
  chats(accountId: string, jids: readonly string[]): RecordChat[] {
    const get = this.db.prepare(
      `SELECT jid, display_name, number, in_address_book, last_activity, last_preview FROM chats
       WHERE account_id = ? AND jid = ?`,
    );
    return jids.flatMap((jid) => {
      const r = get.get(accountId, jid) as
        | {
            jid: string;
            display_name: string;
            number: string;
            in_address_book: number;
            last_activity: number;
            last_preview: string;
          }
        | undefined;
      return r
        ? [
            {
              jid: r.jid,
              name: clip(r.display_name, limits.name),
              number: clip(r.number, limits.number),
              inAddressBook: r.in_address_book === 1,
              lastActivity: r.last_activity,
              preview: clip(r.last_preview, limits.preview),
            },
          ]
        : [];
    });
  }

  /** Up to `limit` favorites in scope after `afterKey` (target key order), with their messages. */
  favorites(
    accountId: string,
    scope: RecordScope,
    afterKey: string,
    limit: number,
  ): Array<RecordFavorite & { key: string }> {
    const rows = this.db
      .prepare(
        `SELECT f.target_key, f.kind, f.chat_jid, f.message_id, f.wanted, f.confirmed, f.updated_at,
           m.id AS m_id, m.ts, m.from_me, m.sender_jid, m.sender_name, m.type, m.text
         FROM favorites f LEFT JOIN messages m ON m.account_id = f.account_id AND m.id = f.message_id
         WHERE f.account_id = ? AND f.target_key > ? AND ${inScope(scope, 'f')}
         ORDER BY f.target_key LIMIT ?`,
      )
      .all(accountId, afterKey, limit) as unknown as FavoriteRow[];
    // A message target always has its id (OutboxRepo writes it); a row without one could not be restored.
    return rows
      .filter((r) => r.kind === 'chat' || r.message_id)
      .map((r) => {
        const favorite: RecordFavorite & { key: string } = {
          key: r.target_key,
          kind: r.kind,
          chatJid: r.chat_jid,
          starred: r.wanted === 1,
          server: r.confirmed === null ? 'never' : (serverStates[String(r.confirmed)] ?? 'unknown'),
          changedAt: r.updated_at,
        };
        if (r.kind === 'message') {
          favorite.messageId = r.message_id ?? '';
          favorite.message =
            r.m_id === null
              ? null
              : {
                  id: r.m_id,
                  ts: r.ts ?? 0,
                  fromMe: r.from_me === 1,
                  senderJid: clip(r.sender_jid ?? '', limits.id),
                  senderName: clip(r.sender_name ?? '', limits.name),
                  type: clip(r.type ?? 'text', limits.type),
                  text: clip(r.text ?? '', limits.text),
                };
        }
        return favorite;
      });
  }
}

function inScope(scope: RecordScope, alias = ''): string {
  const p = alias ? `${alias}.` : '';
  return scope.starredOnly ? `${p}wanted = 1` : `(${p}wanted = 1 OR ${p}confirmed IN (1, -1))`;
}
