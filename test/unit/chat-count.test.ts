import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContact } from '../../main/api/parse.ts';
import { removeAccountData } from '../../main/store/account-data.ts';
import { ChatsRepo } from '../../main/store/chats-repo.ts';
import { migrate, openDatabase, storeFileName } from '../../main/store/database.ts';
import { migrations } from '../../main/store/migrations.ts';
import { storeAsVersion } from '../support/old-store.ts';
import { tempDir } from '../support/temp-dir.ts';

const contact = (i: number, name = `Contact ${i}`): ApiContact => ({
  jid: `55119${String(i).padStart(8, '0')}@s.whatsapp.net`,
  displayName: name,
  number: `55119${String(i).padStart(8, '0')}`,
});

describe("the chat list's length", () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  /** What the list says, against a count of the rows themselves. */
  const lengths = (db: DatabaseSync, chats: ChatsRepo, accountId: string) => ({
    said: chats.page(accountId, 0, 1).total,
    rows: (db.prepare('SELECT count(*) AS n FROM chats WHERE account_id = ?').get(accountId) as { n: number })
      .n,
  });

  it('stays exact through address books, new chats, renames and removed accounts', () => {
    const { db } = openDatabase(dir.path);
    const chats = new ChatsRepo(db);
    expect(lengths(db, chats, 'a')).toEqual({ said: 0, rows: 0 });
    chats.saveContacts('a', [contact(1), contact(2), contact(3)]);
    chats.saveContacts('b', [contact(1)]);
    // The same book again, and one with a renamed contact and a new one: upserts that update are not new chats.
    chats.saveContacts('a', [contact(1), contact(2), contact(3)]);
    chats.saveContacts('a', [contact(1, 'Renamed'), contact(4)]);
    expect(lengths(db, chats, 'a')).toEqual({ said: 4, rows: 4 });
    // A message from someone not in the address book adds a chat; one from a known chat does not.
    const stranger = {
      jid: '5521999990001@s.whatsapp.net',
      displayName: '5521999990001',
      number: '5521999990001',
    };
    chats.noteActivity('a', stranger, { at: 1_000, preview: 'oi', type: 'text' });
    chats.noteActivity('a', stranger, { at: 2_000, preview: 'de novo', type: 'text' });
    chats.noteActivity('a', { ...contact(2) }, { at: 3_000, preview: 'olá', type: 'text' });
    expect(lengths(db, chats, 'a')).toEqual({ said: 5, rows: 5 });
    expect(lengths(db, chats, 'b')).toEqual({ said: 1, rows: 1 });
    removeAccountData(db, 'a');
    expect(lengths(db, chats, 'a')).toEqual({ said: 0, rows: 0 });
    expect(lengths(db, chats, 'b')).toEqual({ said: 1, rows: 1 });
    chats.saveContacts('a', [contact(9)]);
    expect(lengths(db, chats, 'a')).toEqual({ said: 1, rows: 1 });
    // A search still counts what it found.
    expect(chats.page('b', 0, 10, 'contact').total).toBe(1);
    expect(chats.page('b', 0, 10, 'nobody').total).toBe(0);
    db.close();
  });

  it('is counted once for a store from before it was kept', () => {
    const kept = migrations.findIndex((sql) => sql.includes('CREATE TABLE chat_counts'));
    const old = storeAsVersion(join(dir.path, storeFileName), kept);
    new ChatsRepo(old).saveContacts('a', [contact(1), contact(2)]);
    expect(migrate(old)).toBe(migrations.length);
    const chats = new ChatsRepo(old);
    expect(lengths(old, chats, 'a')).toEqual({ said: 2, rows: 2 });
    chats.saveContacts('a', [contact(3)]);
    expect(lengths(old, chats, 'a')).toEqual({ said: 3, rows: 3 });
    old.close();
  });
});
