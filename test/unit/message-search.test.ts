import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiMessage } from '../../main/api/parse.ts';
import { toFtsQuery } from '../../main/search/fts-query.ts';
import { MessageSearchIndex } from '../../main/search/message-search-index.ts';
import { ChatsRepo } from '../../main/store/chats-repo.ts';
import { migrate, openDatabase, storeFileName } from '../../main/store/database.ts';
import { MessagesRepo } from '../../main/store/messages-repo.ts';
import { migrations } from '../../main/store/migrations.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { storeAsVersion } from '../support/old-store.ts';
import { tempDir } from '../support/temp-dir.ts';

const account = 'acct-1';
const other = 'acct-2';
const chatJid = '5521999990001@s.whatsapp.net';

function message(id: string, text: string, timestamp: number, chat = chatJid): ApiMessage {
  return {
    id,
    chatJid: chat,
    fromMe: false,
    senderJid: chat,
    senderName: 'Ana',
    type: 'text',
    text,
    timestamp,
  };
}

describe('message search in the store (FTS5, migrations 2 and 4)', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: DatabaseSync;
  let messages: MessagesRepo;
  let index: MessageSearchIndex;
  const search = (query: string, accountId = account, offset = 0, limit = 50) =>
    index.search(accountId, toFtsQuery(query) ?? '""', offset, limit);
  const ids = (query: string, accountId = account) => search(query, accountId).rows.map((r) => r.id);

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(dir.path).db;
    messages = new MessagesRepo(db);
    index = new MessageSearchIndex(db);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('finds stored messages by any word, ignoring accents and case, newest first', () => {
    messages.save(account, [
      message('A', 'A ação foi confirmada', 1000),
      message('B', 'Sem acao por aqui? ACAO!', 3000),
      message('C', 'nada a ver', 2000),
    ]);
    expect(ids('acao')).toEqual(['B', 'A']);
    expect(ids('AÇÃO confirmada')).toEqual(['A']);
    expect(ids('nada')).toEqual(['C']);
  });

  it('keeps the index in step: new messages, edited text and deleted messages', () => {
    messages.save(account, [message('A', 'boleto atrasado', 1000)]);
    expect(ids('boleto')).toEqual(['A']);

    db.prepare("UPDATE messages SET text = 'pix enviado' WHERE id = 'A'").run();
    expect(ids('boleto')).toEqual([]);
    expect(ids('pix')).toEqual(['A']);

    db.prepare("DELETE FROM messages WHERE id = 'A'").run();
    expect(ids('pix')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM message_fts_keys').get()).toEqual({ n: 0 });
    // The index agrees with its content exactly (FTS5's own consistency check).
    expect(() =>
      db.exec("INSERT INTO message_fts (message_fts, rank) VALUES ('integrity-check', 1)"),
    ).not.toThrow();
  });

  it('a message saved twice (history pages overlap) is indexed once', () => {
    messages.save(account, [message('A', 'frete grátis', 1000)]);
    messages.save(account, [message('A', 'frete grátis', 1000)]);
    expect(search('frete').total).toBe(1);
  });

  it('only searches the signed-in account', () => {
    messages.save(account, [message('A', 'segredo do suporte', 1000)]);
    messages.save(other, [message('B', 'segredo de vendas', 2000)]);
    expect(ids('segredo')).toEqual(['A']);
    expect(ids('segredo', other)).toEqual(['B']);
  });

  it('pages through many matches with a total, newest first', () => {
    messages.save(
      account,
      Array.from({ length: 120 }, (_, i) =>
        message(`M${String(i).padStart(3, '0')}`, `pedido ${i}`, i * 1000),
      ),
    );
    const first = search('pedido', account, 0, 50);
    const last = search('pedido', account, 100, 50);
    expect(first.total).toBe(120);
    expect(first.rows[0]?.id).toBe('M119');
    expect(last.rows.map((r) => r.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `M${String(19 - i).padStart(3, '0')}`),
    );
    expect(search('pedido', account, 500, 50)).toEqual({ rows: [], total: 120, offset: 500, atLeast: false });
  });

  it("pages of one account join up exactly while another account's matches lie between them", () => {
    const texts = (prefix: string, from: number) =>
      Array.from({ length: 60 }, (_, i) =>
        message(`${prefix}${String(i).padStart(2, '0')}`, `boleto ${i}`, from + i * 10),
      );
    messages.save(account, texts('A', 0));
    messages.save(other, texts('B', 5));
    const whole = search('boleto', account, 0, 500).rows.map((r) => r.id);
    expect(whole).toHaveLength(60);
    const paged: string[] = [];
    for (let offset = 0; offset < 70; offset += 7)
      paged.push(...search('boleto', account, offset, 7).rows.map((r) => r.id));
    expect(paged).toEqual(whole);
    expect(whole.every((id) => id.startsWith('A'))).toBe(true);
  });

  it('lists newest first however the messages arrived: history going back, late ones, shared milliseconds', () => {
    messages.save(account, [message('new1', 'frete', 50_000), message('new2', 'frete', 60_000)]);
    // Older history arrives after newer messages; two messages share a millisecond.
    messages.save(account, [message('old1', 'frete', 10_000), message('old2', 'frete', 20_000)]);
    messages.save(account, [message('mid', 'frete', 30_000), message('mid-twin', 'frete', 30_000)]);
    expect(ids('frete')).toEqual(['new2', 'new1', 'mid-twin', 'mid', 'old2', 'old1']);
    // A time the store cannot key (far future, before 1970) is still stored and found.
    messages.save(account, [message('future', 'frete', 8e15), message('negative', 'frete', -5)]);
    // A fractional time (stored by an older version) is keyed too.
    messages.save(account, [message('fraction', 'frete', 40_000.5)]);
    expect(ids('frete')).toEqual([
      'future',
      'new2',
      'new1',
      'fraction',
      'mid-twin',
      'mid',
      'old2',
      'old1',
      'negative',
    ]);
  });

  it('never refuses a message when every search key of its millisecond is taken', () => {
    // Fill the 1,024 keys of two milliseconds directly (no FTS rows needed for this): 7000 and 0, the one
    // every message of unknown time shares.
    for (const ms of [7000, 0]) {
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1023)
               INSERT INTO message_fts_keys (key, account_id, message_id)
               SELECT ${ms} * 1024 + i, 'filler', 'f${ms}-' || i FROM n`);
    }
    messages.save(account, [message('crowded', 'boleto', 7000), message('unknown', 'boleto', 0)]);
    // Messages in milliseconds with free keys still get theirs, whatever the overflow took.
    messages.save(account, [message('later', 'boleto', 8000), message('early', 'boleto', 6999)]);
    expect(messages.page(account, chatJid, 0, 10).total).toBe(4);
    // The overflow is listed as the oldest, never refused.
    expect(ids('boleto')).toEqual(['later', 'early', 'crowded', 'unknown']);
  });

  it('counts a common word only so far ahead of the page, and says there are more', () => {
    messages.save(
      account,
      Array.from({ length: 1_200 }, (_, i) => message(`P${i}`, `pedido ${i}`, 1_000 + i)),
    );
    const first = search('pedido', account, 0, 50);
    expect(first).toMatchObject({ total: 1_050, atLeast: true });
    expect(first.rows[0]?.id).toBe('P1199');
    // Further on, the count reaches the real end.
    const deep = search('pedido', account, 1_150, 50);
    expect(deep).toMatchObject({ total: 1_200, atLeast: false });
    expect(deep.rows.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `P${49 - i}`));
  });

  it("returns each hit with its chat's name, star state and a highlighted excerpt", () => {
    const chats = new ChatsRepo(db);
    chats.noteActivity(
      account,
      { jid: chatJid, displayName: 'Maria Souza', number: '5521999990001' },
      { at: 1, preview: 'x', type: 'text' },
    );
    const long = `${'palavra '.repeat(40)}O código de rastreio chegou ${'fim '.repeat(40)}`;
    messages.save(account, [message('A', long, 1000), message('B', 'rastreio', 2000, '120363@g.us')]);
    new OutboxRepo(db).setWanted(account, { kind: 'message', chatJid, messageId: 'A' }, true, 5);

    expect(ids('codigo rastr')).toEqual(['A']);
    const [b, a] = search('rastr').rows;
    expect(b?.chatName).toBe('120363@g.us'); // unknown chat: its id
    expect(a).toMatchObject({ id: 'A', chatName: 'Maria Souza', favorite: true, pending: true, text: long });
    const excerpt = a?.excerpt ?? [];
    expect(excerpt.filter((r) => r.match).map((r) => r.text)).toEqual(['rastreio']);
    expect(excerpt[0]?.text.startsWith('…')).toBe(true);
    expect(excerpt.map((r) => r.text).join('').length).toBeLessThan(long.length);
  });

  it('indexes messages stored before migration 2 (backfill)', () => {
    db.close();
    // A store as version 1 left it: schema 1 only, messages already held.
    const old = storeAsVersion(join(dir.path, `old-${storeFileName}`), 1);
    old
      .prepare(
        `INSERT INTO messages (account_id, id, chat_jid, ts, from_me, text) VALUES (?, 'OLD', ?, 1, 0, 'Feijão e café')`,
      )
      .run(account, chatJid);
    expect(migrate(old)).toBe(migrations.length);
    db = old;
    index = new MessageSearchIndex(db);
    messages = new MessagesRepo(db);
    expect(ids('feijao cafe')).toEqual(['OLD']);
  });
});
