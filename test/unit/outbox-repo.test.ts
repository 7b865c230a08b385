import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { appError, type FavoriteTarget } from '../../preload/contract.ts';
import { ChatsRepo } from '../../main/store/chats-repo.ts';
import { openDatabase } from '../../main/store/database.ts';
import { MessagesRepo } from '../../main/store/messages-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { serverError } from '../support/server-error.ts';
import { tempDir } from '../support/temp-dir.ts';

const account = 'acct-1';
const chat = (n: number): FavoriteTarget => ({ kind: 'chat', chatJid: `55119000000${n}@s.whatsapp.net` });
const message = (id: string): FavoriteTarget => ({
  kind: 'message',
  chatJid: '5511900000001@s.whatsapp.net',
  messageId: id,
});
const refused = serverError;

describe('favorite state and the outbox', () => {
  let dir: ReturnType<typeof tempDir>;
  let outbox: OutboxRepo;
  let close: () => void;
  let reopen: () => OutboxRepo;
  let db: DatabaseSync;

  /** The star the window is shown for a target, read from the row it reads (the row is made if missing). */
  function shownStar(target: FavoriteTarget, of = account): boolean {
    db.prepare(
      `INSERT OR IGNORE INTO chats (account_id, jid, display_name, search_key) VALUES (?, ?, 'Ana', 'ana')`,
    ).run(of, target.chatJid);
    if (target.kind === 'chat') return new ChatsRepo(db).get(of, target.chatJid)!.favorite;
    db.prepare(
      `INSERT OR IGNORE INTO messages (account_id, id, chat_jid, ts, from_me, text) VALUES (?, ?, ?, 1, 0, 'hello')`,
    ).run(of, target.messageId, target.chatJid);
    return new MessagesRepo(db).get(of, target.messageId)!.favorite;
  }

  beforeEach(() => {
    dir = tempDir();
    const open = () => {
      db = openDatabase(dir.path).db;
      close = () => db.close();
      return new OutboxRepo(db);
    };
    outbox = open();
    reopen = () => {
      close();
      return open();
    };
  });
  afterEach(() => {
    close();
    dir.remove();
  });

  it('keeps only the latest wanted state per target, however often it is toggled', () => {
    for (let i = 0; i < 7; i++) outbox.setWanted(account, chat(1), i % 2 === 0, i);
    const entries = outbox.oldest(account, 10);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.wanted).toBe(true);
  });

  it('drops a pending change that returns to the last confirmed state: no call is wasted', () => {
    outbox.setWanted(account, chat(1), true, 1);
    outbox.setWanted(account, chat(1), false, 2);
    expect(outbox.pendingCount(account)).toBe(0);

    outbox.setWanted(account, message('M1'), true, 3);
    outbox.confirm(account, 'message:M1', true, 4);
    expect(outbox.pendingCount(account)).toBe(0);
    outbox.setWanted(account, message('M1'), false, 5);
    outbox.setWanted(account, message('M1'), true, 6);
    expect(outbox.pendingCount(account)).toBe(0);
    expect(shownStar(message('M1'))).toBe(true);
  });

  it('queues as many changes as targets whose wanted state differs from the confirmed one', () => {
    for (let n = 0; n < 50; n++)
      for (let k = 0; k <= n % 4; k++) outbox.setWanted(account, chat(n), k % 2 === 0, k);
    // n % 4 = 0 or 2 → last toggle wanted=true (differs); 1 or 3 → back to false (no change).
    expect(outbox.pendingCount(account)).toBe(25);
  });

  it('keeps a change made while its previous version was in flight', () => {
    outbox.setWanted(account, chat(1), true, 1);
    const [sent] = outbox.oldest(account, 1);
    outbox.setWanted(account, chat(1), false, 2); // the user changes their mind mid-flight
    outbox.confirm(account, sent!.targetKey, true, 3);
    const [next] = outbox.oldest(account, 1);
    expect(next?.wanted).toBe(false);
  });

  it('a call cut off in flight leaves the server state unknown, so toggling back is still sent', () => {
    outbox.setWanted(account, chat(2), true, 1);
    const [sending] = outbox.oldest(account, 1);
    outbox.markSending(account, sending!.targetKey);
    // The app dies here: the server may have starred it. The user unstars after the restart.
    outbox = reopen();
    outbox.setWanted(account, chat(2), false, 2);
    expect(outbox.oldest(account, 1)).toEqual([
      expect.objectContaining({ targetKey: sending!.targetKey, wanted: false }),
    ]);
  });

  it('a call refused or never sent restores what was known, so toggling back costs nothing', () => {
    outbox.setWanted(account, chat(3), true, 1);
    const [entry] = outbox.oldest(account, 1);
    const before = outbox.markSending(account, entry!.targetKey);
    outbox.restoreConfirmed(account, entry!.targetKey, before, 2);
    outbox.setWanted(account, chat(3), false, 2);
    expect(outbox.pendingCount(account)).toBe(0);
  });

  it('a refused change after an unanswered call goes back to not starred', () => {
    outbox.setWanted(account, message('M7'), true, 1);
    const [entry] = outbox.oldest(account, 1);
    outbox.markSending(account, entry!.targetKey);
    outbox.fail(account, entry!, refused('messageNotFound', 404, 'Message not found'), 2);
    expect(shownStar(message('M7'))).toBe(false);
    expect(outbox.pendingCount(account)).toBe(0);
  });

  it('a refusal after an unanswered call keeps the server state unknown: the next toggle is sent', () => {
    outbox.setWanted(account, chat(4), true, 1);
    const [entry] = outbox.oldest(account, 1);
    outbox.markSending(account, entry!.targetKey); // answered with a reset: it may have been applied
    const before = outbox.markSending(account, entry!.targetKey); // the retry…
    outbox.restoreConfirmed(account, entry!.targetKey, before, 2); // …is refused: still unknown
    outbox.fail(account, entry!, refused('invalidRequest', 400, 'Invalid request body'), 3);
    expect(shownStar(chat(4))).toBe(false);
    expect(outbox.pendingCount(account)).toBe(0);
    // Starring and unstarring again ends where it started, but the server may hold the first star.
    outbox.setWanted(account, chat(4), true, 4);
    outbox.setWanted(account, chat(4), false, 5);
    expect(outbox.oldest(account, 1)).toEqual([expect.objectContaining({ wanted: false })]);
  });

  it('dismissing a failure whose server state is unknown sends the state the app shows', () => {
    outbox.setWanted(account, chat(5), true, 1);
    const [entry] = outbox.oldest(account, 1);
    outbox.markSending(account, entry!.targetKey);
    outbox.fail(account, entry!, appError('answerDisagreed'), 2);
    const [failed] = outbox.failed(account);
    expect(outbox.dismissFailed(account, failed!.id, 3)).toEqual(chat(5));
    expect(outbox.failed(account)).toHaveLength(0);
    expect(outbox.oldest(account, 1)).toEqual([expect.objectContaining({ wanted: false })]);
  });

  it('dismissing a failure whose server state is known costs nothing', () => {
    outbox.setWanted(account, chat(6), true, 1);
    const [entry] = outbox.oldest(account, 1);
    const before = outbox.markSending(account, entry!.targetKey);
    outbox.restoreConfirmed(account, entry!.targetKey, before, 2);
    outbox.fail(account, entry!, refused('invalidRequest', 400, 'Invalid request body'), 2);
    expect(outbox.dismissFailed(account, outbox.failed(account)[0]!.id, 3)).toBeNull();
    expect(outbox.pendingCount(account)).toBe(0);
  });

  it('a message the server no longer has holds no state to disagree with', () => {
    outbox.setWanted(account, message('GONE-2'), true, 1);
    const [entry] = outbox.oldest(account, 1);
    outbox.markSending(account, entry!.targetKey);
    outbox.fail(account, entry!, refused('messageNotFound', 404, 'Message not found'), 2, {
      targetGone: true,
    });
    expect(outbox.dismissFailed(account, outbox.failed(account)[0]!.id, 3)).toBeNull();
    expect(outbox.pendingCount(account)).toBe(0);
  });

  it('toggling a target again takes its earlier failure off the list', () => {
    outbox.setWanted(account, chat(7), true, 1);
    const [entry] = outbox.oldest(account, 1);
    outbox.fail(account, entry!, refused('invalidRequest', 400, 'Invalid request body'), 2);
    expect(outbox.failed(account)).toHaveLength(1);
    outbox.setWanted(account, chat(7), true, 3);
    expect(outbox.failed(account)).toHaveLength(0);
    expect(outbox.pendingCount(account)).toBe(1);
  });

  it('a refused call the user took back meanwhile leaves nothing to send', () => {
    outbox.setWanted(account, chat(8), true, 1);
    const [entry] = outbox.oldest(account, 1);
    const before = outbox.markSending(account, entry!.targetKey);
    outbox.setWanted(account, chat(8), false, 2); // while the call is in flight
    outbox.restoreConfirmed(account, entry!.targetKey, before, 3); // refused: the server never had it
    expect(outbox.pendingCount(account)).toBe(0);
  });

  it('survives a restart: what was committed is still queued', () => {
    outbox.setWanted(account, chat(1), true, 1);
    outbox.setWanted(account, message('M9'), true, 2);
    outbox = reopen();
    expect(outbox.oldest(account, 10).map((e) => e.targetKey)).toEqual([
      `chat:${chat(1).chatJid}`,
      'message:M9',
    ]);
  });

  it('a refused change puts the star back, is listed as failed with its error as data, and can be retried', () => {
    outbox.setWanted(account, message('GONE'), true, 1);
    expect(shownStar(message('GONE'))).toBe(true);
    const [entry] = outbox.oldest(account, 1);
    outbox.fail(account, entry!, refused('messageNotFound', 404, 'Message not found'), 2);
    expect(shownStar(message('GONE'))).toBe(false);
    expect(outbox.pendingCount(account)).toBe(0);
    const [failed] = outbox.failed(account);
    expect(failed).toMatchObject({
      name: { chat: 'Ana', message: 'hello' },
      wanted: true,
      error: refused('messageNotFound', 404, 'Message not found'),
    });

    expect(outbox.retryFailed(account, failed!.id, 3)).toEqual(message('GONE'));
    expect(shownStar(message('GONE'))).toBe(true);
    expect(outbox.pendingCount(account)).toBe(1);
    expect(outbox.failed(account)).toHaveLength(0);
  });

  it('keeps accounts apart', () => {
    outbox.setWanted(account, chat(1), true, 1);
    expect(outbox.pendingCount('someone-else')).toBe(0);
    expect(shownStar(chat(1), 'someone-else')).toBe(false);
  });

  it('chat rows show the star and the pending mark from the same store', () => {
    const { db } = openDatabase(dir.path);
    const chats = new ChatsRepo(db);
    chats.saveContacts(account, [{ jid: chat(1).chatJid, displayName: 'Ana', number: '5511900000001' }]);
    outbox.setWanted(account, chat(1), true, 1);
    expect(chats.get(account, chat(1).chatJid)).toMatchObject({ favorite: true, pending: true });
    outbox.confirm(account, `chat:${chat(1).chatJid}`, true, 2);
    expect(chats.get(account, chat(1).chatJid)).toMatchObject({ favorite: true, pending: false });
    db.close();
  });

  it('restored favorites have server state unknown: every shown state is queued once, whatever it is', () => {
    outbox.adoptRestored(
      account,
      [
        { target: chat(1), wanted: true, changedAt: 10 },
        { target: chat(2), wanted: false, changedAt: 11 }, // unstarred after the server had it starred
        { target: message('M1'), wanted: true, changedAt: 12 },
      ],
      20,
    );
    expect(shownStar(chat(1))).toBe(true);
    expect(outbox.oldest(account, 10).map((e) => [e.targetKey, e.wanted])).toEqual([
      [`chat:${chat(1).chatJid}`, true],
      [`chat:${chat(2).chatJid}`, false],
      ['message:M1', true],
    ]);
    // Unknown, so even a toggle back to the restored state is still sent.
    outbox.setWanted(account, chat(1), false, 21);
    outbox.setWanted(account, chat(1), true, 22);
    expect(outbox.pendingCount(account)).toBe(3);
    outbox.confirm(account, `chat:${chat(1).chatJid}`, true, 23);
    expect(outbox.pendingCount(account)).toBe(2);
  });

  it('an import stars what is new at one call each, and what is already starred at none', () => {
    outbox.setWanted(account, chat(1), true, 1);
    outbox.confirm(account, `chat:${chat(1).chatJid}`, true, 2); // starred and confirmed
    outbox.setWanted(account, chat(2), true, 1);
    outbox.setWanted(account, chat(2), false, 2); // known, never sent: confirmed as not starred
    const result = outbox.starImported(
      account,
      [chat(1), chat(2), message('M9')].map((target) => ({ target, changedAt: 5 })),
      10,
    );
    expect(result).toEqual({ starred: 2, alreadyStarred: 1 });
    expect(outbox.oldest(account, 10).map((e) => [e.targetKey, e.wanted])).toEqual([
      [`chat:${chat(2).chatJid}`, true],
      ['message:M9', true],
    ]);
    // M9 was unknown here: its server state is unknown, so unstarring it is sent too.
    outbox.setWanted(account, message('M9'), false, 11);
    expect(outbox.oldest(account, 10).map((e) => e.targetKey)).toContain('message:M9');
    // chat 2's server state was known: unstarring it again costs nothing.
    outbox.setWanted(account, chat(2), false, 12);
    expect(outbox.oldest(account, 10).map((e) => e.targetKey)).not.toContain(`chat:${chat(2).chatJid}`);
  });

  it('an import that fails while writing its rows leaves no star behind', () => {
    expect(() =>
      outbox.starImported(account, [{ target: chat(5), changedAt: 1 }], 2, () => {
        throw new Error('the disk is full');
      }),
    ).toThrow('the disk is full');
    expect(shownStar(chat(5))).toBe(false);
    expect(outbox.pendingCount(account)).toBe(0);
  });
});
