import { DatabaseSync } from 'node:sqlite';
import { migrations } from '../../main/store/migrations.ts';

/**
 * A store file as the version that had run `version` migrations left it (the first `version` of today's),
 * for tests of what an upgrade does to data written before it.
 */
export function storeAsVersion(file: string, version: number): DatabaseSync {
  if (version < 0 || version > migrations.length) throw new Error(`no store version ${version}`);
  const db = new DatabaseSync(file);
  for (const sql of migrations.slice(0, version)) db.exec(sql);
  db.exec(`PRAGMA user_version = ${version}`);
  return db;
}
