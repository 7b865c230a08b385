import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.ts';
import { ChatsRepo } from '../../main/store/chats-repo.ts';
import { MessagesRepo } from '../../main/store/messages-repo.ts';
import { tempDir } from '../support/temp-dir.ts';

interface PlanStep {
  id: number;
  parent: number;
  detail: string;
}

/**
 * The query plans of every statement `read` runs, as SQLite chose them for the real arguments. Timing a page
 * here would be noise; the plan says whether a page reads its own rows or the whole list.
 */
function plansOf(db: DatabaseSync, read: () => void): PlanStep[][] {
  const prepare = db.prepare.bind(db);
  const plans: PlanStep[][] = [];
  const explain = (sql: string, params: SQLInputValue[]): void => {
    plans.push(prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as unknown as PlanStep[]);
  };
  db.prepare = (sql: string) => {
    const statement = prepare(sql);
    return new Proxy(statement, {
      get(target, name) {
        const value = Reflect.get(target, name) as unknown;
        if (typeof value !== 'function') return value;
        if (name !== 'all' && name !== 'get') return value.bind(target) as unknown;
        return (...params: SQLInputValue[]) => {
          explain(sql, params);
          return (value as (...p: SQLInputValue[]) => unknown).apply(target, params);
        };
      },
    });
  };
  try {
    read();
  } finally {
    db.prepare = prepare;
  }
  return plans;
}

/** The steps of a plan inside its page subquery (the co-routine that picks the page's keys). */
function subquery(plan: PlanStep[]): string[] {
  const root = plan.find((s) => s.detail.startsWith('CO-ROUTINE'));
  if (!root) return [];
  const inside = new Set([root.id]);
  for (const s of plan) if (inside.has(s.parent)) inside.add(s.id);
  return plan.filter((s) => s.parent !== 0 && inside.has(s.parent)).map((s) => s.detail);
}

/** Plan lines other than the read of the page's own keys ("SCAN p": the subquery's 100 results). */
function outsideThePage(details: string): string {
  return details
    .split('\n')
    .filter((line) => line !== 'SCAN p')
    .join('\n');
}

describe('list pages read their own rows', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: DatabaseSync;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(dir.path).db;
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('a chat-list page walks the list in index order and joins only its rows', () => {
    const plans = plansOf(db, () => new ChatsRepo(db).page('acc', 5_000, 100));
    const page = plans.find((p) => subquery(p).length > 0);
    expect(page, 'the page statement').toBeDefined();
    // No sort of the whole chat list: the subquery reads the index in the list's order.
    expect(subquery(page as PlanStep[]).join('\n')).not.toMatch(/TEMP B-TREE/);
    // The joins are driven by the page's 100 keys, each found by primary key, not by walking every chat.
    const details = (page as PlanStep[]).map((s) => s.detail).join('\n');
    expect(details).toMatch(/SEARCH c USING PRIMARY KEY \(account_id=\? AND jid=\?\)/);
    expect(outsideThePage(details)).not.toMatch(/AUTOMATIC|SCAN/);
  });

  it('a message page walks inside one block of the chat and joins only its rows', () => {
    const repo = new MessagesRepo(db);
    repo.save(
      'acc',
      Array.from({ length: 50 }, (_, i) => ({
        id: `m${i}`,
        chatJid: 'c@s',
        fromMe: false,
        senderJid: 'c@s',
        senderName: 'C',
        type: 'text',
        text: 'hi',
        timestamp: 1_000 + i,
      })),
    );
    const plans = plansOf(db, () => repo.page('acc', 'c@s', 10, 20));
    const page = plans.find((p) => subquery(p).length > 0);
    expect(page, 'the page statement').toBeDefined();
    // Entered at the block's first key, not walked from the chat's first message.
    expect(subquery(page as PlanStep[]).join('\n')).toMatch(
      /messages_by_chat \(account_id=\? AND chat_jid=\? AND \(ts,id\)/,
    );
    expect(subquery(page as PlanStep[]).join('\n')).not.toMatch(/TEMP B-TREE/);
    const details = (page as PlanStep[]).map((s) => s.detail).join('\n');
    expect(details).toMatch(/SEARCH m USING PRIMARY KEY \(account_id=\? AND id=\?\)/);
    expect(outsideThePage(details)).not.toMatch(/AUTOMATIC|SCAN/);
  });
});
