/**
 * The RyzeAPI emulator (createEmulator) on a worker thread of the bench process. In production the API is
 * another machine; run on the main thread, the emulator's own work (10,000 contacts serialised, history
 * pages built) would land in the same event loop as the main services and inflate their timings.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.ts';

type Op =
  | { op: 'start' }
  | { op: 'stop' }
  | { op: 'calls'; path?: string }
  | { op: 'favoriteCalls' }
  | { op: 'resetCounters' };

export interface EmulatorInfo {
  baseUrl: string;
  accountToken: string;
  bigChatJid: string;
  groupJids: string[];
}

/** The Emulator methods the bench needs, asynchronous because they cross a thread. */
export class EmulatorThread {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  info: EmulatorInfo = { baseUrl: '', accountToken: '', bigChatJid: '', groupJids: [] };

  constructor(options: EmulatorOptions) {
    this.worker = new Worker(new URL(import.meta.url), { workerData: options });
    this.worker.on('message', (m: { id: number; value?: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(m.error));
      else w?.resolve(m.value);
    });
    this.worker.on('error', (e) => {
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    });
  }

  private send<T>(op: Op): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, ...op });
    });
  }

  async start(): Promise<void> {
    this.info = await this.send<EmulatorInfo>({ op: 'start' });
  }
  stop(): Promise<void> {
    return this.send({ op: 'stop' });
  }
  calls(path?: string): Promise<number> {
    return this.send({ op: 'calls', ...(path === undefined ? {} : { path }) });
  }
  favoriteCalls(): Promise<Array<{ instance: string; body: unknown; status: number }>> {
    return this.send({ op: 'favoriteCalls' });
  }
  resetCounters(): Promise<void> {
    return this.send({ op: 'resetCounters' });
  }
  async terminate(): Promise<void> {
    await this.stop().catch(() => undefined);
    await this.worker.terminate();
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const emulator: Emulator = createEmulator(workerData as EmulatorOptions);
  port.on('message', (m: Op & { id: number }) => {
    void (async () => {
      switch (m.op) {
        case 'start':
          await emulator.start();
          return {
            baseUrl: emulator.baseUrl,
            accountToken: emulator.accountToken,
            bigChatJid: emulator.bigChatJid,
            groupJids: emulator.groupJids,
          };
        case 'stop':
          return emulator.stop();
        case 'calls':
          return emulator.calls(m.path);
        case 'favoriteCalls':
          return emulator.favoriteCalls();
        case 'resetCounters':
          return emulator.resetCounters();
      }
    })().then(
      (value) => port.postMessage({ id: m.id, value }),
      (e: unknown) => port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}
