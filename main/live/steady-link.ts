import type { LiveState } from '../../preload/contract.ts';
import type { Clock } from '../core/clock.ts';

/**
 * How long the link must stay down before the user is told. A dropped socket normally reopens within
 * 1–2 s and a lone failed call is followed by a /health probe within 1.5 s; neither is worth a banner.
 */
export const linkGraceMs = 5000;

export interface SteadyLinkDeps {
  clock: Clock;
  /** What is shown changed (not what the socket or a call just did). */
  onChange: () => void;
  graceMs?: number;
}

/**
 * The connection state the user is shown, decided once in main so the banner, the status bar and every
 * window agree. The raw inputs (does RyzeAPI answer, is the live socket open) change on every retry while
 * offline; shown as they come, the banner came and went on each attempt and moved the lists under the
 * pointer. So: bad news only once it has held for `graceMs`, good news at once, and once shown as down
 * it stays down through any number of retries until the link really is back.
 */
export class SteadyLink {
  private readonly deps: SteadyLinkDeps;
  private readonly graceMs: number;
  private rawOnline = true;
  private rawLive: LiveState = 'closed';
  private shownOnline = true;
  private shownLive: LiveState = 'closed';
  /** When RyzeAPI stopped answering, while that is not shown yet. */
  private offlineSince: number | null = null;
  /** When the socket went down while RyzeAPI answers; offline time does not count (offline explains it). */
  private liveDownSince: number | null = null;
  private timer: { at: number; controller: AbortController } | null = null;

  constructor(deps: SteadyLinkDeps) {
    this.deps = deps;
    this.graceMs = deps.graceMs ?? linkGraceMs;
  }

  get online(): boolean {
    return this.shownOnline;
  }

  get live(): LiveState {
    return this.shownLive;
  }

  /** Whether RyzeAPI answers (Connectivity). */
  setOnline(online: boolean): void {
    if (online === this.rawOnline) return;
    this.rawOnline = online;
    const now = this.deps.clock.now();
    let changed = false;
    if (online) {
      this.offlineSince = null;
      if (!this.shownOnline) {
        this.shownOnline = true;
        // The socket was down because RyzeAPI was: give it a fresh grace to reopen rather than swap the
        // offline banner for a "live updates unavailable" one for the second it takes.
        if (this.shownLive === 'unavailable') this.shownLive = 'connecting';
        changed = true;
      }
      if (this.rawLive === 'connecting') this.liveDownSince = now;
    } else {
      this.offlineSince = now;
      this.liveDownSince = null;
    }
    this.settle(changed);
  }

  /** The socket's own state: 'connecting' means not open and trying again; never 'unavailable'. */
  setLive(state: LiveState): void {
    if (state === this.rawLive) return;
    this.rawLive = state;
    let changed = false;
    if (state === 'connecting') {
      if (!this.shownOnline && this.shownLive === 'open') {
        // The user already sees the link as down; the socket joining it is no news worth a wait.
        this.shownLive = 'unavailable';
        changed = true;
      } else if (this.rawOnline) this.liveDownSince ??= this.deps.clock.now();
    } else {
      // Open (really back) or closed (signed out) is shown at once.
      this.liveDownSince = null;
      changed = this.shownLive !== state;
      this.shownLive = state;
    }
    this.settle(changed);
  }

  /** Another account or instance: what the last socket did says nothing about the next one. */
  restart(): void {
    this.rawLive = 'connecting';
    this.liveDownSince = this.rawOnline ? this.deps.clock.now() : null;
    const changed = this.shownLive !== 'connecting';
    this.shownLive = 'connecting';
    this.settle(changed);
  }

  /** No socket any more (signed out, app closing): closed, and no timer left behind. */
  stop(): void {
    this.rawLive = 'closed';
    this.liveDownSince = null;
    const changed = this.shownLive !== 'closed';
    this.shownLive = 'closed';
    this.schedule(null);
    if (changed) this.deps.onChange();
  }

  /** Shows whatever bad news has now held for the grace, and wakes up when the next may have. */
  private settle(changed: boolean): void {
    const now = this.deps.clock.now();
    const due = (since: number | null) => since !== null && now - since >= this.graceMs;
    if (this.shownOnline && due(this.offlineSince)) {
      this.shownOnline = false;
      this.offlineSince = null;
      if (this.rawLive !== 'open' && this.shownLive !== 'closed') this.shownLive = 'unavailable';
      changed = true;
    }
    if (this.shownLive !== 'unavailable' && this.shownLive !== 'closed' && due(this.liveDownSince)) {
      this.shownLive = 'unavailable';
      changed = true;
    }
    if (this.shownLive === 'unavailable') this.liveDownSince = null;
    const pending = [this.offlineSince, this.liveDownSince].filter((t) => t !== null);
    this.schedule(pending.length > 0 ? Math.min(...pending) + this.graceMs : null);
    if (changed) this.deps.onChange();
  }

  private schedule(at: number | null): void {
    if (this.timer?.at === at) return;
    this.timer?.controller.abort();
    this.timer = null;
    if (at === null) return;
    const controller = new AbortController();
    this.timer = { at, controller };
    void this.deps.clock.sleep(at - this.deps.clock.now(), controller.signal).then(() => {
      if (controller.signal.aborted) return;
      this.timer = null;
      this.settle(false);
    });
  }
}
