import { appendFileSync, mkdirSync } from 'node:fs';
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { redact } from '../core/redact.ts';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogOptions {
  dir: string;
  fileName?: string;
  /** Rotate once the current file passes this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one (ryze.log.1 … ryze.log.N). */
  keep?: number;
  /** Secrets to strip from every line: the tokens main holds right now. */
  secrets: () => Iterable<string>;
  now?: () => number;
}

/**
 * The app's log file, in the user data folder, rotated by size. Every line passes through redact() when
 * it is written, with the tokens known at that moment, so a token never reaches the disk even when an
 * error message or a URL quotes one.
 *
 * Main never waits on the disk for it: a line is queued and written a moment later, with whatever else
 * was queued, by asynchronous file calls, one batch after another. flush() waits for what is queued
 * (the app awaits it when it closes); flushSync() writes it at once, for a process about to die.
 */
export class RotatingLog {
  readonly path: string;
  private readonly options: Required<Omit<LogOptions, 'fileName'>>;
  private queue: string[] = [];
  /** The current file's size; read once, by the first batch written. */
  private size: number | null = null;
  /** The batch being written, then the next: batches never overlap. */
  private writing: Promise<void> = Promise.resolve();
  /** Lines handed to an asynchronous write that has not finished yet. */
  private inFlight: string[] = [];
  private scheduled = false;

  constructor(options: LogOptions) {
    this.path = join(options.dir, options.fileName ?? 'ryze.log');
    this.options = { maxBytes: 1024 * 1024, keep: 3, now: Date.now, ...options };
  }

  info(message: string, detail?: unknown): void {
    this.write('info', message, detail);
  }

  warn(message: string, detail?: unknown): void {
    this.write('warn', message, detail);
  }

  error(message: string, detail?: unknown): void {
    this.write('error', message, detail);
  }

  write(level: LogLevel, message: string, detail?: unknown): void {
    const text = detail === undefined ? message : `${message} ${describe(detail)}`;
    this.queue.push(
      `${new Date(this.options.now()).toISOString()} ${level.toUpperCase()} ${redact(text, this.options.secrets())}\n`,
    );
    if (this.scheduled) return;
    this.scheduled = true;
    // A burst of lines (a failing sync, say) becomes one write.
    setImmediate(() => void this.flush());
  }

  /** Resolves once every line written so far is on disk (or could not be: the log never throws). */
  flush(): Promise<void> {
    this.scheduled = false;
    const lines = this.queue;
    this.queue = [];
    if (lines.length > 0) {
      this.writing = this.writing.then(async () => {
        this.inFlight = lines;
        await this.append(lines);
        this.inFlight = [];
      });
    }
    return this.writing;
  }

  /**
   * Writes what is queued now, synchronously: for a crash handler, when the process may not live to run
   * another callback. Lines of a write still in progress are written again: twice rather than never.
   */
  flushSync(): void {
    const lines = [...this.inFlight, ...this.queue];
    this.queue = [];
    this.inFlight = [];
    if (lines.length === 0) return;
    try {
      mkdirSync(this.options.dir, { recursive: true });
      const text = lines.join('');
      appendFileSync(this.path, text);
      if (this.size !== null) this.size += Buffer.byteLength(text);
    } catch {
      // Nothing more can be done for these lines.
    }
  }

  /** Appends `lines`, rotating first whenever the next one would take the file past maxBytes. */
  private async append(lines: string[]): Promise<void> {
    try {
      if (this.size === null) {
        await mkdir(this.options.dir, { recursive: true });
        this.size = await stat(this.path).then(
          (s) => s.size,
          () => 0,
        );
      }
      let chunk = '';
      let chunkBytes = 0;
      for (const line of lines) {
        const bytes = Buffer.byteLength(line);
        if (this.size + chunkBytes + bytes > this.options.maxBytes && this.size + chunkBytes > 0) {
          if (chunk) await appendFile(this.path, chunk);
          await this.rotate();
          chunk = '';
          chunkBytes = 0;
        }
        chunk += line;
        chunkBytes += bytes;
      }
      if (chunk) await appendFile(this.path, chunk);
      this.size += chunkBytes;
    } catch {
      // A full disk or a read-only folder must not take the app down with it.
      this.size = null;
    }
  }

  private async rotate(): Promise<void> {
    const { keep } = this.options;
    await rm(`${this.path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      await rename(`${this.path}.${i}`, `${this.path}.${i + 1}`).catch(() => undefined);
    }
    await rename(this.path, `${this.path}.1`);
    this.size = 0;
  }
}

function describe(detail: unknown): string {
  if (detail instanceof Error) return `${detail.name}: ${detail.message}\n${detail.stack ?? ''}`;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}
