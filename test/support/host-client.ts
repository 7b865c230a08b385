import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { AppOptions } from '../../main/app.ts';
import type { RequestArgs, RequestChannel, RequestResult, Result } from '../../preload/contract.ts';

/** Drives test/support/host-process.ts: the main services in a child process that can be killed. */
export class HostClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private nextId = 1;
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;

  constructor(dataDir: string, options: Pick<AppOptions, 'backup'> = {}) {
    this.child = spawn(process.execPath, ['test/support/host-process.ts', dataDir, JSON.stringify(options)], {
      stdio: 'pipe',
    });
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: boolean; id?: number; result?: unknown };
      if (message.ready) markReady();
      if (message.id !== undefined) {
        this.waiting.get(message.id)?.(message.result);
        this.waiting.delete(message.id);
      }
    });
  }

  /** Resolves with the router's answer, or never, if the process dies first (as a killed app would). */
  call<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<Result<RequestResult<C>>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (r: unknown) => void);
      this.child.stdin.write(`${JSON.stringify({ id, channel, args })}\n`);
    });
  }

  kill(): Promise<void> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  async close(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }
}
