import { writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, storeFileName } from '../../main/store/database.ts';
import { migrations } from '../../main/store/migrations.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { appError } from '../../preload/contract.ts';
import { storeAsVersion } from '../support/old-store.ts';
import { serverError } from '../support/server-error.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('the local store', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('creates a fresh store at the latest schema, in WAL mode', () => {
    const { db } = openDatabase(dir.path);
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(
      migrations.length,
    );
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    db.close();
  });

  it('turns the failed changes an older version wrote as sentences into errors as data', () => {
    const errorsAsData = migrations.findIndex((sql) => sql.includes('failed_changes ADD COLUMN error'));
    const old = storeAsVersion(join(dir.path, storeFileName), errorsAsData);
    const failed = [
      ['M1', 'notFound', 'Message not found'],
      ['M2', 'invalidRequest', 'Invalid request body: unexpected EOF'],
      ['M3', 'invalidRequest', 'RyzeAPI answered HTTP 400'],
      ['M4', 'server', "RyzeAPI's answer did not match the change (asked message, favorite true; got …)."],
      ['M5', 'keychainUnavailable', 'The system keychain could not be used.'],
    ];
    for (const [id, kind, message] of failed) {
      old
        .prepare(
          `INSERT INTO favorites (account_id, target_key, kind, chat_jid, message_id, wanted, updated_at)
           VALUES ('a', ?, 'message', 'c@s.whatsapp.net', ?, 0, 1)`,
        )
        .run(`message:${id}`, id!);
      old
        .prepare(
          `INSERT INTO failed_changes (account_id, target_key, wanted, label, error_kind, error_message, at)
           VALUES ('a', ?, 1, 'a label', ?, ?, 1)`,
        )
        .run(`message:${id}`, kind!, message!);
    }
    old.close();

    const { db } = openDatabase(dir.path);
    const errors = new OutboxRepo(db)
      .failed('a')
      .sort((x, y) => x.id - y.id)
      .map((f) => f.error);
    db.close();
    expect(errors).toEqual([
      serverError('messageNotFound', 404, 'Message not found'),
      serverError('invalidRequest', 400, 'Invalid request body: unexpected EOF'),
      serverError('invalidRequest', 400),
      appError('answerDisagreed'),
      appError('internal'),
    ]);
  });

  it('runs each migration once: reopening changes nothing', () => {
    openDatabase(dir.path).db.close();
    const { db } = openDatabase(dir.path);
    expect(migrate(db)).toBe(migrations.length);
    db.close();
  });

  it('refuses a store written by a newer version instead of damaging it', () => {
    const raw = new DatabaseSync(join(dir.path, storeFileName));
    raw.exec(`PRAGMA user_version = ${migrations.length + 5}`);
    raw.close();
    expect(() => openDatabase(dir.path)).toThrow(expect.objectContaining({ code: 'storeTooNew' }));
  });

  it('moves a corrupt store aside, keeps it, and starts a new one', () => {
    writeFileSync(join(dir.path, storeFileName), 'this is not a database, it is garbage '.repeat(200));
    const { db, recoveredFrom } = openDatabase(dir.path);
    expect(recoveredFrom).toMatch(/corrupt-/);
    expect(readdirSync(dir.path).some((f) => f.includes('.corrupt-'))).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    db.close();
  });
});
