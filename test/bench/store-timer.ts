/**
 * Times every store call in this (the main-services) process: each method on the repo classes' (and the
 * search index's) prototypes
 * is wrapped once, so every repo createApp builds is measured. Calls are attributed to the current phase.
 */
import { MessageSearchIndex } from '../../main/search/message-search-index.ts';
import { AccountsRepo } from '../../main/store/accounts-repo.ts';
import { ChatsRepo } from '../../main/store/chats-repo.ts';
import { FavoritesRecordReader } from '../../main/store/favorites-record-reader.ts';
import { HistoryResume } from '../../main/store/history-resume.ts';
import { MessagesRepo } from '../../main/store/messages-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';

export interface CallStat {
  calls: number;
  maxMs: number;
  totalMs: number;
  /** The most CPU time (this thread's) one call used: wall time minus waiting (fsync, preemption). */
  maxCpuMs: number;
}

/** How many of the slowest calls are kept per phase (with their start, to match them with GC pauses). */
const topSize = 50;

export interface SlowCall {
  method: string;
  ms: number;
  cpuMs: number;
  phase: string;
  start: number;
}

export class StoreTimer {
  phase = 'setup';
  /** phase → "Repo.method" → stats */
  readonly stats = new Map<string, Map<string, CallStat>>();
  /** phase → its slowest calls, slowest first. */
  private readonly top = new Map<string, SlowCall[]>();
  private depth = 0;

  install(): void {
    const classes = {
      AccountsRepo,
      ChatsRepo,
      MessagesRepo,
      OutboxRepo,
      MessageSearchIndex,
      // The favorites backup's slices run in this process too.
      FavoritesRecordReader,
      HistoryResume,
    } as unknown as Record<string, { prototype: Record<string, unknown> }>;
    for (const [className, cls] of Object.entries(classes)) {
      const proto = cls.prototype;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, name);
        if (name === 'constructor' || typeof descriptor?.value !== 'function') continue;
        const original = descriptor.value as (...args: unknown[]) => unknown;
        const label = `${className}.${name}`;
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const timer = this;
        proto[name] = function (this: unknown, ...args: unknown[]): unknown {
          // Only the outermost call counts (a repo method calling another is one store call).
          if (timer.depth > 0) return original.apply(this, args);
          timer.depth++;
          const cpu = process.threadCpuUsage();
          const start = performance.now();
          try {
            return original.apply(this, args);
          } finally {
            const ms = performance.now() - start;
            const used = process.threadCpuUsage(cpu);
            timer.depth--;
            timer.record(label, start, ms, (used.user + used.system) / 1000);
          }
        };
      }
    }
  }

  private record(label: string, start: number, ms: number, cpuMs: number): void {
    let phase = this.stats.get(this.phase);
    if (!phase) this.stats.set(this.phase, (phase = new Map()));
    const s = phase.get(label) ?? { calls: 0, maxMs: 0, totalMs: 0, maxCpuMs: 0 };
    s.calls++;
    s.totalMs += ms;
    if (ms > s.maxMs) s.maxMs = ms;
    if (cpuMs > s.maxCpuMs) s.maxCpuMs = cpuMs;
    phase.set(label, s);
    let top = this.top.get(this.phase);
    if (!top) this.top.set(this.phase, (top = []));
    if (top.length < topSize || ms > (top[top.length - 1]?.ms ?? 0)) {
      top.push({ method: label, ms: round(ms), cpuMs: round(cpuMs), phase: this.phase, start });
      top.sort((a, b) => b.ms - a.ms);
      top.length = Math.min(top.length, topSize);
    }
  }

  /**
   * The slowest calls kept for the phases not excluded, slowest first, and the duration below which calls
   * may not have been kept (0 when every call of those phases was kept).
   */
  slowCalls(exclude: string[] = []): { calls: SlowCall[]; floorMs: number } {
    const calls: SlowCall[] = [];
    let floorMs = 0;
    for (const [phase, top] of this.top) {
      if (exclude.includes(phase)) continue;
      calls.push(...top);
      if (top.length === topSize) floorMs = Math.max(floorMs, top[top.length - 1]?.ms ?? 0);
    }
    return { calls: calls.sort((a, b) => b.ms - a.ms), floorMs };
  }

  /** The longest call over the given phases (all but the excluded ones when `phases` is omitted). */
  max(exclude: string[] = []): { ms: number; where: string; phase: string } {
    let best = { ms: 0, where: '', phase: '' };
    for (const [phase, methods] of this.stats) {
      if (exclude.includes(phase)) continue;
      for (const [label, s] of methods) if (s.maxMs > best.ms) best = { ms: s.maxMs, where: label, phase };
    }
    return best;
  }

  /** The most CPU time a single call used, over the phases not excluded. */
  maxCpu(exclude: string[] = []): { ms: number; where: string; phase: string } {
    let best = { ms: 0, where: '', phase: '' };
    for (const [phase, methods] of this.stats) {
      if (exclude.includes(phase)) continue;
      for (const [label, s] of methods)
        if (s.maxCpuMs > best.ms) best = { ms: s.maxCpuMs, where: label, phase };
    }
    return best;
  }

  /** Per phase: its longest call and what it was. */
  byPhase(): Record<string, { maxMs: number; where: string; calls: number }> {
    const out: Record<string, { maxMs: number; where: string; calls: number }> = {};
    for (const [phase, methods] of this.stats) {
      let maxMs = 0;
      let where = '';
      let calls = 0;
      for (const [label, s] of methods) {
        calls += s.calls;
        if (s.maxMs > maxMs) {
          maxMs = s.maxMs;
          where = label;
        }
      }
      out[phase] = { maxMs: round(maxMs), where, calls };
    }
    return out;
  }

  /** The slowest methods overall (outside the excluded phases), for the report. */
  slowest(n: number, exclude: string[] = []): Array<{ method: string; maxMs: number; calls: number }> {
    const merged = new Map<string, CallStat>();
    for (const [phase, methods] of this.stats) {
      if (exclude.includes(phase)) continue;
      for (const [label, s] of methods) {
        const m = merged.get(label) ?? { calls: 0, maxMs: 0, totalMs: 0, maxCpuMs: 0 };
        m.calls += s.calls;
        m.totalMs += s.totalMs;
        m.maxMs = Math.max(m.maxMs, s.maxMs);
        m.maxCpuMs = Math.max(m.maxCpuMs, s.maxCpuMs);
        merged.set(label, m);
      }
    }
    return [...merged]
      .sort((a, b) => b[1].maxMs - a[1].maxMs)
      .slice(0, n)
      .map(([method, s]) => ({ method, maxMs: round(s.maxMs), maxCpuMs: round(s.maxCpuMs), calls: s.calls }));
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
