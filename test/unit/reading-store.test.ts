import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiMessage } from '../../main/api/parse.ts';
import { removeAccountData } from '../../main/store/account-data.ts';
import { ChatsRepo } from '../../main/store/chats-repo.ts';
import { openDatabase } from '../../main/store/database.ts';
import { MessagesRepo } from '../../main/store/messages-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { serverError } from '../support/server-error.ts';
import { tempDir } from '../support/temp-dir.ts';

const chat = { jid: '5521999990001@s.whatsapp.net', displayName: 'Maria', number: '5521999990001' };

function message(id: string, ts: number, extra: Partial<ApiMessage> = {}): ApiMessage {
  return {
    id,
    chatJid: chat.jid,
    fromMe: true,
    senderJid: '',
    senderName: '',
    type: 'text',
    text: `text ${id}`,
    timestamp: ts,
    ...extra,
  };
}

describe('what a message row carries for reading', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: DatabaseSync;
  let messages: MessagesRepo;
  let chats: ChatsRepo;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(dir.path).db;
    messages = new MessagesRepo(db);
    chats = new ChatsRepo(db);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('keeps a message’s send status, following newer answers, and its media details', () => {
    const media = {
      mimeType: 'application/pdf',
      size: 12_345,
      durationSec: null,
      fileName: 'Nota.pdf',
      voice: false,
    };
    messages.save('acc', [
      message('a', 1, { status: 'sent' }),
      message('b', 2, { type: 'document', text: '', media }),
    ]);
    messages.save('acc', [message('a', 1, { status: 'read' })]);
    // A page that says nothing of the status (a live frame) does not undo what was known.
    messages.save('acc', [message('a', 1, { status: '' })]);
    const rows = messages.page('acc', chat.jid, 0, 10).rows;
    expect(rows.map((r) => [r.id, r.status, r.media])).toEqual([
      ['a', 'read', null],
      ['b', '', media],
    ]);
  });

  it('marks a refused star change on its message and its chat until it is retried', () => {
    messages.save('acc', [message('a', 1)]);
    chats.noteActivity('acc', chat, { at: 1, preview: 'hi', type: 'text' });
    const outbox = new OutboxRepo(db);
    const target = { kind: 'message', chatJid: chat.jid, messageId: 'a' } as const;
    outbox.setWanted('acc', target, true, 1);
    const [entry] = outbox.oldest('acc', 1);
    outbox.fail('acc', entry!, serverError('messageNotFound', 404, 'Message not found'), 2);
    outbox.setWanted('acc', { kind: 'chat', chatJid: chat.jid }, true, 3);
    const [chatEntry] = outbox.oldest('acc', 1);
    outbox.fail('acc', chatEntry!, serverError('invalidRequest', 400, 'Number is required'), 4);

    const [row] = messages.page('acc', chat.jid, 0, 1).rows;
    expect(row?.failed).toEqual({
      id: expect.any(Number),
      wanted: true,
      error: serverError('messageNotFound', 404, 'Message not found'),
    });
    expect(chats.get('acc', chat.jid)?.failed?.error).toEqual(
      serverError('invalidRequest', 400, 'Number is required'),
    );
    outbox.retryFailed('acc', row!.failed!.id, 5);
    expect(messages.page('acc', chat.jid, 0, 1).rows[0]?.failed).toBeNull();
    // Another account's refusals never show here.
    expect(chats.page('other', 0, 10).rows).toEqual([]);
  });

  it('counts unread messages per chat, remembers the newest message’s type, and clears on open', () => {
    chats.noteActivity('acc', chat, { at: 10, preview: '', type: 'image' }, 1);
    chats.noteActivity('acc', chat, { at: 5, preview: 'older', type: 'text' }, 1);
    let row = chats.get('acc', chat.jid);
    expect([row?.unread, row?.lastType, row?.lastMessagePreview, row?.lastActivity]).toEqual([
      2,
      'image',
      '',
      10,
    ]);
    chats.clearUnread('acc', chat.jid);
    row = chats.get('acc', chat.jid);
    expect(row?.unread).toBe(0);
    expect(chats.mostRecentlyActive('acc', 20)).toEqual([{ jid: chat.jid, lastActivity: 10 }]);
  });

  it('removes every trace of one account and leaves the others', () => {
    for (const account of ['acc', 'keep']) {
      messages.save(account, [message('a', 1), message('b', 2)]);
      chats.noteActivity(account, chat, { at: 2, preview: 'x', type: 'text' });
      new OutboxRepo(db).setWanted(account, { kind: 'chat', chatJid: chat.jid }, true, 1);
      messages.markReachedStart(account, chat.jid);
    }
    removeAccountData(db, 'acc');
    expect(messages.page('acc', chat.jid, 0, 10)).toEqual({ rows: [], total: 0, offset: 0 });
    expect(chats.page('acc', 0, 10).total).toBe(0);
    expect(new OutboxRepo(db).pendingCount('acc')).toBe(0);
    expect(messages.reachedStart('acc', chat.jid)).toBe(false);
    expect(messages.page('keep', chat.jid, 0, 10).total).toBe(2);
    expect(new OutboxRepo(db).pendingCount('keep')).toBe(1);
    // The search index lost the removed messages' text with them.
    expect(() =>
      db.exec("INSERT INTO message_fts (message_fts, rank) VALUES ('integrity-check', 1)"),
    ).not.toThrow();
  });
});
