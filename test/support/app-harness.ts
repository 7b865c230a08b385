import keytar from 'keytar';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createApp, type AppOptions, type RyzeApp } from '../../main/app.ts';
import { KeytarSecretStore } from '../../main/secrets/keytar-store.ts';
import { defaultStoreWorkerFile } from '../../main/store/store-client.ts';
import type { RequestArgs, RequestChannel, RequestResult, Result } from '../../preload/contract.ts';

// Every app the tests build starts a store worker, which loads the store's TypeScript sources; Node strips
// their types again in each new thread (~60 ms a worker here). Its compile cache, read by each worker as it
// starts, keeps the stripped code between threads and runs. It caches compiled code only: what runs is the same.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'ryze-desktop-test-compile-cache');

/**
 * Store worker threads kept between the apps a test process builds: starting one takes 40-90 ms of a
 * busy 2-core machine, which the model test would pay a few hundred times per thousand runs. An app's
 * store closes as it always does (checkpoint, connection closed); its thread then waits here, and the
 * next app built opens its store in it. Waiting threads are unreferenced, so they never keep a test
 * process alive. A thread that crashed or was ended is never handed back.
 */
const idleWorkers: Worker[] = [];
function takeStoreWorker(): Worker {
  const worker = idleWorkers.pop() ?? new Worker(defaultStoreWorkerFile(), { name: 'ryze-store' });
  worker.ref();
  return worker;
}
function releaseStoreWorker(worker: Worker): void {
  worker.unref();
  idleWorkers.push(worker);
}

/** A keychain service name of the tests' own, so they never touch a real user's entry. */
export const testKeychainService = 'Ryze Desktop (tests)';

export const trustedCaller = { url: 'http://ryze.test/index.html', isMainFrame: true };

/**
 * The main services exactly as the shell builds them, over the real OS keychain and a store in
 * `dataDir`, plus a typed `call` that goes through the IPC router like a renderer call does.
 */
export function buildApp(dataDir: string, options: Partial<AppOptions> = {}) {
  const app = createApp({
    dataDir,
    secretStore: new KeytarSecretStore(testKeychainService),
    isTrustedCaller: (caller) => caller.url === trustedCaller.url && caller.isMainFrame,
    random: () => 0.2,
    startStoreWorker: takeStoreWorker,
    releaseStoreWorker,
    ...options,
  });
  return Object.assign(app, {
    call: <C extends RequestChannel>(channel: C, args: RequestArgs<C>) =>
      app.router.handle(channel, args, trustedCaller) as Promise<Result<RequestResult<C>>>,
  });
}
export type TestApp = ReturnType<typeof buildApp>;

/** Unwraps a Result, failing the test with the app's own error text otherwise. */
export function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Signs in with `token` and picks `instance`, as a user would in the sign-in view. */
export async function signIn(app: TestApp, baseUrl: string, token: string, instance: string): Promise<void> {
  ok(await app.call('session:beginSignIn', { baseUrl, token }));
  ok(await app.call('session:chooseInstance', { instance }));
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export type { RyzeApp };

/** Removes every keychain entry the tests made, so one test's sign-in never leaks into the next. */
export async function forgetTestTokens(service = testKeychainService): Promise<void> {
  for (const c of await keytar.findCredentials(service)) {
    await keytar.deletePassword(service, c.account);
  }
}
