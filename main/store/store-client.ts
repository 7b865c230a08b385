/**
 * Main's side of the store: starts the store worker (store-worker.ts) and turns each call of an operation
 * in store-operations.ts into one message to it and a promise of its answer. Main never touches the disk
 * for the store; it waits for answers, so a slow fsync, a WAL checkpoint or a long query delays only the
 * calls that need it, never a window's input or IPC.
 *
 * The worker answers calls in the order they were sent. A call resolves only once the worker has done it
 * (for a write: committed, fsync'd), which is what lets `favorites:set` answer "queued" only after the
 * star and its outbox entry are on disk.
 */
import { Worker } from 'node:worker_threads';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../core/app-error.ts';
import { decodeError, type FromWorker, type ToWorker } from './protocol.ts';
import type { StoreArgs, StoreOperation, StoreResult } from './store-operations.ts';

/** What services need of the store: one typed call per operation. */
export interface Store {
  call<O extends StoreOperation>(op: O, ...args: StoreArgs<O>): Promise<StoreResult<O>>;
}

export interface StoreOpened {
  /** Where an unreadable store file was moved, when it had to be. */
  recoveredFrom: string | null;
}

export interface StoreClientOptions {
  dataDir: string;
  /** The worker's script; by default the one beside this file (store-worker.ts here, .js when built). */
  workerFile?: string;
  /**
   * Starts the worker thread (by default `new Worker(workerFile)`). A thread takes tens of milliseconds to
   * start; tests that build hundreds of apps hand over one they started ahead (test/support/app-harness.ts).
   */
  startWorker?: () => Worker;
  /** Takes the thread once its store is closed, instead of it ending (tests reuse threads the same way). */
  releaseWorker?: (worker: Worker) => void;
  /** The worker stopped without being asked (a bug or a resource limit in it); it is started again on the next call. */
  onCrash?: (error: Error, restarting: boolean) => void;
  /** Each answer, with the time the operation took in the worker (the benchmark listens). */
  onAnswer?: (op: StoreOperation, workerMs: number) => void;
}

/** Started again at most this many times within `crashWindowMs`; after that every call fails with what to do. */
const maxRestarts = 3;
const crashWindowMs = 60_000;
/** How long close() waits for the worker to checkpoint and close before ending the thread. */
const closeTimeoutMs = 10_000;

/** The worker's script beside this module: main/store/store-worker.ts from source, out/main/store/store-worker.js built. */
export function defaultStoreWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), `store-worker${extname(here)}`);
}

interface Waiting {
  op: StoreOperation;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class StoreClient implements Store {
  private readonly options: StoreClientOptions;
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private crashes: number[] = [];
  private closing: Promise<void> | null = null;
  /** Removes this client's listeners from the current worker (before handing it back). */
  private detach: () => void = () => undefined;
  /** Settles once the first worker has opened the store (migrations and recovery included), or failed to. */
  readonly opened: Promise<StoreOpened>;

  constructor(options: StoreClientOptions) {
    this.options = options;
    this.opened = this.spawn();
    // Read by whoever cares (app start); a failure to open is also every call's answer.
    this.opened.catch(() => undefined);
  }

  call<O extends StoreOperation>(op: O, ...args: StoreArgs<O>): Promise<StoreResult<O>> {
    if (this.closing) return Promise.reject(fail('storeClosed'));
    if (!this.worker) {
      if (!this.mayRestart()) return Promise.reject(fail('storeKeepsStopping'));
      this.spawn().catch(() => undefined);
    }
    const id = this.nextId++;
    return new Promise<StoreResult<O>>((resolve, reject) => {
      this.waiting.set(id, { op, resolve: resolve as (value: unknown) => void, reject });
      // Byte buffers in the arguments (an API answer for the worker to read, whole or in parts) move to the
      // worker instead of being copied: they are not the caller's any more once sent.
      const buffers = args
        .flatMap((a) => (Array.isArray(a) ? a : [a]))
        .filter((a) => a instanceof ArrayBuffer);
      this.post({ type: 'call', id, op, args }, buffers);
    });
  }

  /** Lets the worker finish what was sent, checkpoint and close the store, then ends the thread. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const closed = new Promise<boolean>((resolve) => {
      const onMessage = (message: FromWorker) => message.type === 'closed' && done(true);
      const onExit = () => done(false);
      const done = (tidy: boolean) => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(tidy);
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
    });
    this.post({ type: 'close' });
    // A worker stuck in an operation is ended: what it had committed is on disk, the rest rolls back.
    const timer = setTimeout(() => void worker.terminate(), closeTimeoutMs);
    const tidy = await closed;
    clearTimeout(timer);
    this.worker = null;
    this.detach();
    if (!tidy) return;
    if (this.options.releaseWorker) return this.options.releaseWorker(worker);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'exit' } satisfies ToWorker);
    await exited;
  }

  private spawn(): Promise<StoreOpened> {
    const worker =
      this.options.startWorker?.() ??
      new Worker(this.options.workerFile ?? defaultStoreWorkerFile(), { name: 'ryze-store' });
    this.worker = worker;
    this.post({ type: 'open', dataDir: this.options.dataDir });
    return new Promise<StoreOpened>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === 'opened') resolve({ recoveredFrom: message.recoveredFrom });
        else if (message.type === 'openFailed') reject(decodeError('open', message.error));
        else if (message.type === 'answer') this.answer(message);
      };
      const onError = (error: Error) => {
        reject(error);
        this.crashed(worker, error);
      };
      const onExit = (code: number) => {
        reject(new Error(`The store worker exited (code ${code}) before opening the store.`));
        if (!this.closing)
          this.crashed(worker, new Error(`The store worker exited unexpectedly (code ${code}).`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // Only this client's listeners: a Worker keeps listeners of its own on itself.
      this.detach = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
    });
  }

  private answer(message: Extract<FromWorker, { type: 'answer' }>): void {
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    this.options.onAnswer?.(waiting.op, message.ms);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(decodeError(waiting.op, message.error));
  }

  /**
   * The worker is gone without being asked to close. The calls it had not answered fail (a write among
   * them was rolled back with its transaction, so nothing half-done stays), and the next call starts a
   * new worker over the same store.
   */
  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.crashes.push(Date.now());
    for (const [id, waiting] of this.waiting) {
      this.waiting.delete(id);
      waiting.reject(fail('storeStopped'));
    }
    this.options.onCrash?.(error, this.mayRestart());
  }

  private mayRestart(): boolean {
    const since = Date.now() - crashWindowMs;
    this.crashes = this.crashes.filter((at) => at > since);
    return this.crashes.length <= maxRestarts;
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker?.postMessage(message, transfer);
  }
}
