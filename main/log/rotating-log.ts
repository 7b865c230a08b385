import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
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
 * The app's log file, in the user data folder, rotated by size. Every line passes through redact(), so a
 * token never reaches the disk even when an error message or a URL quotes one.
 */
export class RotatingLog {
  readonly path: string;
  private readonly options: Required<Omit<LogOptions, 'fileName'>>;
  private size: number;

  constructor(options: LogOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.path = join(options.dir, options.fileName ?? 'ryze.log');
    this.options = { maxBytes: 1024 * 1024, keep: 3, now: Date.now, ...options };
    this.size = existsSync(this.path) ? statSync(this.path).size : 0;
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
    const line = `${new Date(this.options.now()).toISOString()} ${level.toUpperCase()} ${redact(text, this.options.secrets())}\n`;
    try {
      if (this.size + line.length > this.options.maxBytes && this.size > 0) this.rotate();
      appendFileSync(this.path, line);
      this.size += Buffer.byteLength(line);
    } catch {
      // A full disk or a read-only folder must not take the app down with it.
    }
  }

  private rotate(): void {
    const { keep } = this.options;
    rmSync(`${this.path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (existsSync(`${this.path}.${i}`)) renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    }
    renameSync(this.path, `${this.path}.1`);
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
