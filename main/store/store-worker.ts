/**
 * The store worker: a node:worker_threads thread that owns the app's one SQLite connection. It opens the
 * store (migrations, and moving a corrupt file aside, happen here, off main), then answers main's calls
 * one at a time, in the order they were sent, so a call main sent after another sees its effects. Every
 * commit, fsync, WAL checkpoint and search-index merge happens on this thread: main only waits for answers.
 * Started by StoreClient (store-client.ts); built as its own entry (electron.vite.config.ts).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from './database.ts';
import { encodeError, type EncodedError, type FromWorker, type ToWorker } from './protocol.ts';
import { storeContext, storeOperations, type StoreContext } from './store-operations.ts';

if (!parentPort) throw new Error('store-worker.ts runs as a worker thread; StoreClient starts it.');
const port: MessagePort = parentPort;
const send = (message: FromWorker) => port.postMessage(message);
const operations = storeOperations as unknown as Record<
  string,
  ((s: StoreContext, ...args: unknown[]) => unknown) | undefined
>;

let db: DatabaseSync | null = null;
let context: StoreContext | null = null;
/** Why the store could not be opened: every call is answered with it. */
let openFailure: EncodedError | null = null;

function open(dataDir: string): void {
  try {
    const opened = openDatabase(dataDir);
    db = opened.db;
    context = storeContext(db);
    send({ type: 'opened', recoveredFrom: opened.recoveredFrom });
  } catch (error) {
    openFailure = encodeError(error);
    send({ type: 'openFailed', error: openFailure });
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'open') return open(message.dataDir);
  if (message.type === 'close') return close();
  if (message.type === 'exit') return port.close();
  const start = performance.now();
  if (!context) {
    send({ type: 'answer', id: message.id, ok: false, error: openFailure ?? encodeError(null), ms: 0 });
    return;
  }
  try {
    const operation = Object.hasOwn(operations, message.op) ? operations[message.op] : undefined;
    if (!operation) throw new Error(`Unknown store operation: ${message.op}`);
    const value = operation(context, ...message.args);
    send({ type: 'answer', id: message.id, ok: true, value, ms: performance.now() - start });
  } catch (error) {
    const encoded = encodeError(error);
    send({ type: 'answer', id: message.id, ok: false, error: encoded, ms: performance.now() - start });
  }
});

/**
 * Moves what the WAL holds into the store file and closes the connection, so the next start reads one
 * file. Committed data is durable without this (every commit is fsync'd); it only keeps the WAL short.
 * The thread then waits to be told to open a store again, or to end.
 */
function close(): void {
  try {
    db?.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch {
    // A busy or failing checkpoint leaves the WAL for the next start, which reads it as usual.
  }
  try {
    db?.close();
  } finally {
    db = null;
    context = null;
    openFailure = null;
    send({ type: 'closed' });
  }
}
