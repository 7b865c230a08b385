import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../main/store/database.ts';
import type { Store } from '../../main/store/store-client.ts';
import { storeContext, storeOperations, type StoreContext } from '../../main/store/store-operations.ts';

/**
 * The store operations run on the test's own thread, for unit tests that drive a service step by step
 * with a manual clock (a worker's answers would arrive on real time, not on the test's). Arguments and
 * results are structured-cloned as they would be between threads, and each answer comes a microtask
 * later, so the service still meets an asynchronous store. Everything else uses the real worker.
 */
export function inlineStore(dataDir: string): { store: Store; repos: StoreContext; db: DatabaseSync } {
  const { db } = openDatabase(dataDir);
  const repos = storeContext(db);
  const operations = storeOperations as unknown as Record<
    string,
    (s: StoreContext, ...a: unknown[]) => unknown
  >;
  const store = {
    call: async (op: string, ...args: unknown[]) => {
      await Promise.resolve();
      return structuredClone(operations[op]!(repos, ...structuredClone(args)));
    },
  } as Store;
  return { store, repos, db };
}
