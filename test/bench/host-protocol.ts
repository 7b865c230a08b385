/** What the benchmark's driver (run.ts) and its services process (services-host.ts) say to each other. */
import type { CallerInfo } from '../../main/ipc/router.ts';

type Request =
  /** Builds the services over `dataDir` and starts them (the app launched). */
  | { cmd: 'build'; dataDir: string; rendererOrigin: string }
  /** The same, timed from building the services to the first chat page answered. */
  | { cmd: 'coldStart'; dataDir: string; rendererOrigin: string }
  /** A call through the router, answered with its Result. */
  | { cmd: 'call'; channel: unknown; args: unknown; caller: CallerInfo }
  /** The page's bridge to the services (bridge-server.ts): answered with its ws:// URL. */
  | { cmd: 'bridge' }
  | { cmd: 'close' }
  /** What the bench does from now on, for the per-phase figures. */
  | { cmd: 'phase'; name: string }
  | { cmd: 'live'; on: boolean }
  | { cmd: 'enqueue'; commits: number }
  | { cmd: 'resetFavoriteLog' }
  /** Figures so far; store calls of the `exclude`d phases are left out of the store figures. */
  | { cmd: 'stats'; exclude: string[] }
  /** The process's memory with and without the store worker (closes the services). */
  | { cmd: 'memory' };

export type HostRequest = Request & { id: number };

export type HostReply = { ready: true } | { id: number; value: unknown } | { id: number; error: string };

/** A favorite request the services sent: when (epoch ms, sub-millisecond), and what the server answered. */
export interface FavoriteCall {
  sentAt: number;
  status: number;
  resetSec: number;
}

export interface PhaseFigures {
  p99Ms: number;
  maxMs: number;
  samples: number;
}
