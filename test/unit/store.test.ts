import { writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, storeFileName } from '../../main/store/database.ts';
import { migrations } from '../../main/store/migrations.ts';
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
