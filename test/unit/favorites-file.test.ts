import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fileEnd,
  fileStart,
  readFavoritesFile,
  type FavoritesFile,
} from '../../main/backup/favorites-file.ts';
import { accountsJson } from '../../main/backup/record-chunks.ts';
import { ChatsRepo } from '../../main/store/chats-repo.ts';
import { openDatabase } from '../../main/store/database.ts';
import { FavoritesRecordReader, type RecordScope } from '../../main/store/favorites-record-reader.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { seedStarredAccount, type SeededAccount } from '../support/seed-store.ts';
import { tempDir } from '../support/temp-dir.ts';

const baseUrl = 'https://ryzeapi.cloud';
const now = Date.UTC(2026, 0, 15, 12);

async function record(db: DatabaseSync, scope: RecordScope, kind: 'backup' | 'export' = 'backup') {
  let text = fileStart(kind, now);
  for await (const chunk of accountsJson(new FavoritesRecordReader(db), scope)) text += chunk;
  return text + fileEnd;
}

function read(text: string | Uint8Array): FavoritesFile {
  const reading = readFavoritesFile(typeof text === 'string' ? new TextEncoder().encode(text) : text);
  if (!reading.ok) throw new Error(`unreadable: ${reading.problem}`);
  return reading.file;
}

describe('the favorites file', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: DatabaseSync;
  let seeded: SeededAccount;

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(dir.path).db;
    seeded = seedStarredAccount(db, { baseUrl, instance: 'support', chats: 3, messages: 4, now });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('holds each account with its starred chats and messages, their names, numbers, texts and times', async () => {
    const file = read(await record(db, { starredOnly: false }));
    expect(file).toMatchObject({ format: 'ryze-desktop-favorites', version: 1, kind: 'backup' });
    expect(file.createdAt).toBe(new Date(now).toISOString());
    const [account] = file.accounts;
    expect(account?.baseUrl).toBe(baseUrl);
    expect(account?.instance.name).toBe('support');
    expect(account?.chats.map((c) => [c.jid, c.name, c.number])).toEqual(
      seeded.chatJids.map((jid, i) => [jid, `Contact ${i}`, jid.split('@')[0]]),
    );
    const message = account?.favorites.find((f) => f.messageId === seeded.messageIds[1]);
    expect(message).toMatchObject({
      kind: 'message',
      chatJid: seeded.chatJids[1],
      starred: true,
      server: 'starred',
      changedAt: now - 1,
      message: { text: 'Message 1', ts: now - 3 * 60_000, senderName: 'Contact 1', fromMe: false },
    });
    expect(account?.favorites).toHaveLength(7);
  });

  it('a backup keeps what the server may still hold starred; an export keeps the stars alone', async () => {
    const outbox = new OutboxRepo(db);
    const [a, b, c] = seeded.chatJids.map((chatJid) => ({ kind: 'chat' as const, chatJid }));
    outbox.setWanted(seeded.accountId, a!, false, now); // unstarred, not yet sent: the server holds it starred
    outbox.setWanted(seeded.accountId, b!, false, now);
    outbox.confirm(seeded.accountId, `chat:${b!.chatJid}`, false, now); // unstarred on both sides
    outbox.markSending(seeded.accountId, `chat:${c!.chatJid}`); // a call whose answer was lost

    const backup = read(await record(db, { starredOnly: false })).accounts[0]!.favorites;
    const byChat = (jid: string) => backup.find((f) => f.kind === 'chat' && f.chatJid === jid);
    expect(byChat(a!.chatJid)).toMatchObject({ starred: false, server: 'starred' });
    expect(byChat(b!.chatJid)).toBeUndefined();
    expect(byChat(c!.chatJid)).toMatchObject({ starred: true, server: 'unknown' });

    const exported = read(await record(db, { accountId: seeded.accountId, starredOnly: true }, 'export'));
    expect(exported.kind).toBe('export');
    expect(exported.accounts[0]!.favorites.every((f) => f.starred)).toBe(true);
    const starredChats = exported.accounts[0]!.favorites.filter((f) => f.kind === 'chat').map(
      (f) => f.chatJid,
    );
    expect(starredChats).toEqual([c!.chatJid]);
  });

  it('an export names one account; a backup every account on this computer, and which was on screen', async () => {
    const other = seedStarredAccount(db, { baseUrl, instance: 'sales', chats: 1, messages: 1, now });
    db.prepare(`INSERT INTO meta (key, value) VALUES ('current_account', ?)`).run(other.accountId);
    const backup = read(await record(db, { starredOnly: false }));
    expect(backup.accounts.map((a) => [a.instance.name, a.current])).toEqual([
      ['support', false],
      ['sales', true],
    ]);
    const exported = read(await record(db, { accountId: seeded.accountId, starredOnly: true }, 'export'));
    expect(exported.accounts.map((a) => a.instance.name)).toEqual(['support']);
  });

  it('clips what the store holds past the format’s limits, so the app never writes a file it cannot read', async () => {
    new ChatsRepo(db).saveContacts(seeded.accountId, [
      { jid: seeded.chatJids[0]!, displayName: 'N'.repeat(5000), number: seeded.chatJids[0]!.split('@')[0]! },
    ]);
    db.prepare('UPDATE messages SET text = ? WHERE id = ?').run('é'.repeat(100_000), seeded.messageIds[0]!);
    const file = read(await record(db, { starredOnly: false }));
    expect(file.accounts[0]!.chats[0]!.name).toHaveLength(1000);
    expect(
      file.accounts[0]!.favorites.find((f) => f.messageId === seeded.messageIds[0])?.message?.text,
    ).toHaveLength(70_000);
  });

  it('reads with a byte-order mark, as an editor may save it', async () => {
    const text = await record(db, { starredOnly: false });
    expect(read(`\uFEFF${text}`).accounts).toHaveLength(1);
  });

  it('refuses, by name, what it cannot read, without using any of it', async () => {
    const good = await record(db, { starredOnly: false });
    const problem = (bytes: string | Uint8Array) => {
      const reading = readFavoritesFile(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
      return reading.ok ? 'ok' : reading.problem;
    };
    expect(problem('')).toBe('empty');
    expect(problem(' \r\n\t')).toBe('empty');
    expect(problem(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toBe('notUtf8');
    expect(problem('\uFEFF"Chat","Number"\r\n"Ana","55"\r\n')).toBe('notAnExport');
    expect(problem('{"some":"other json"}')).toBe('notAnExport');
    expect(problem(good.slice(0, good.length / 2))).toBe('damaged');
    expect(problem(good.replace('"version":1', '"version":2'))).toBe('newerVersion');
    expect(problem(good.replace('"version":1', '"version":"1"'))).toBe('damaged');
    expect(problem(good.replace(`"messageId":"${seeded.messageIds[0]}",`, ''))).toBe('damaged');
    expect(problem(good.replace('"starred":true', '"starred":"yes"'))).toBe('damaged');
    expect(problem(good)).toBe('ok');
  });
});
