/**
 * The driver's side of the services process (services-host.ts): requests and their answers. The page
 * talks to the services over its own bridge (bridge-server.ts), not through this process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { RequestArgs, RequestChannel, RequestResult, Result } from '../../preload/contract.ts';
import { trustedCaller } from '../support/app-harness.ts';
import type { HostReply, HostRequest } from './host-protocol.ts';

type Command = HostRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class ServicesProcess {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  readonly ready: Promise<void>;

  constructor() {
    // --expose-gc: the memory figures are read after a collection.
    this.child = fork(new URL('./services-host.ts', import.meta.url), [], {
      execArgv: ['--expose-gc'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let ready: () => void = () => {};
    this.ready = new Promise((resolve) => (ready = resolve));
    this.child.on('message', (message: HostReply) => {
      if ('ready' in message) return ready();
      const w = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if ('error' in message) w?.reject(new Error(`services process: ${message.error}`));
      else w?.resolve(message.value);
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`the services process exited (${code})`));
      this.waiting.clear();
    });
  }

  request<T = unknown>(command: Command): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...command, id });
    });
  }

  /** A call through the router, as this script's own (trusted) caller. */
  async call<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<Result<RequestResult<C>>> {
    return this.request<Result<RequestResult<C>>>({ cmd: 'call', channel, args, caller: trustedCaller });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}
