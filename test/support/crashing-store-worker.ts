/**
 * The real store worker, plus one message of the tests' own that makes the thread die the way a bug
 * would: an uncaught exception. With `inTransaction`, it first takes the store's write lock on a second
 * connection and leaves it open, so a test can check that a dead thread's lock does not outlive it.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { storeFileName } from '../../main/store/database.ts';
import '../../main/store/store-worker.ts';

let dataDir = '';
parentPort?.on('message', (message: { type: string; dataDir?: string; inTransaction?: boolean }) => {
  if (message.type === 'open') dataDir = message.dataDir ?? '';
  if (message.type !== 'crash') return;
  if (message.inTransaction) {
    const db = new DatabaseSync(join(dataDir, storeFileName));
    db.exec(`BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('half-done', 'never committed')`);
  }
  throw new Error('store worker bug (test)');
});
