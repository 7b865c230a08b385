import { hash32 } from './prng.ts';
import type { StoredMessage } from './types.ts';

// Seeded messages are never stored: id, timestamp and text are derived from (instance, chat, index), so a
// 100,000-message chat costs nothing until a page of it is read. Messages added at run time live in `extras`.

export interface ChatHistorySpec {
  jid: string;
  index: number;
  kind: 'private' | 'group';
  count: number;
  /** Unix seconds of the r-th newest seeded message; must never increase as r grows. */
  tsAt(r: number): number;
  build(r: number): StoredMessage;
}

export interface HistoryQuery {
  fromMs: number | undefined;
  toMs: number | undefined;
  count: number;
}

export class ChatHistory {
  readonly jid: string;
  readonly index: number;
  readonly kind: 'private' | 'group';
  readonly generatedCount: number;
  private readonly tsAt: (r: number) => number;
  private readonly build: (r: number) => StoredMessage;
  /** Newest first, ordered like query results. */
  private readonly extras: StoredMessage[] = [];

  constructor(spec: ChatHistorySpec) {
    this.jid = spec.jid;
    this.index = spec.index;
    this.kind = spec.kind;
    this.generatedCount = spec.count;
    this.tsAt = spec.tsAt;
    this.build = spec.build;
  }

  generated(r: number): StoredMessage | undefined {
    if (!Number.isInteger(r) || r < 0 || r >= this.generatedCount) return undefined;
    return this.build(r);
  }

  add(msg: StoredMessage): void {
    const at = this.extras.findIndex((m) => isNewer(msg, m));
    if (at === -1) this.extras.push(msg);
    else this.extras.splice(at, 0, msg);
  }

  newestSec(): number {
    const fromExtras = this.extras[0]?.tsSec ?? -Infinity;
    const fromSeed = this.generatedCount > 0 ? this.tsAt(0) : -Infinity;
    return Math.max(fromExtras, fromSeed);
  }

  /** Newest first, both bounds inclusive, at most `count` items. */
  query(q: HistoryQuery): StoredMessage[] {
    const inRange = (sec: number): boolean =>
      (q.toMs === undefined || sec * 1000 <= q.toMs) && (q.fromMs === undefined || sec * 1000 >= q.fromMs);
    const n = this.generatedCount;
    // tsAt is non-increasing, so both bounds are binary searches over r.
    let r = q.toMs === undefined ? 0 : firstIndex(n, (i) => this.tsAt(i) * 1000 <= (q.toMs as number));
    const rEnd =
      q.fromMs === undefined ? n : firstIndex(n, (i) => this.tsAt(i) * 1000 < (q.fromMs as number));
    const extras = this.extras.filter((m) => inRange(m.tsSec));
    const out: StoredMessage[] = [];
    let e = 0;
    while (out.length < q.count) {
      const extra = extras[e];
      const hasGenerated = r < rEnd;
      if (extra === undefined && !hasGenerated) break;
      // Run-time messages win ties: they were stored after the seed, so they are the newer ones.
      if (extra !== undefined && (!hasGenerated || extra.tsSec >= this.tsAt(r))) {
        out.push(extra);
        e++;
      } else {
        out.push(this.build(r));
        r++;
      }
    }
    return out;
  }

  findExtra(id: string): StoredMessage | undefined {
    return this.extras.find((m) => m.id === id);
  }
}

function isNewer(a: StoredMessage, b: StoredMessage): boolean {
  return a.tsSec > b.tsSec || (a.tsSec === b.tsSec && a.seq > b.seq);
}

/** Smallest i in [0, n) with pred(i) true, or n; pred must be false…false true…true. */
function firstIndex(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Seeded ids look like WhatsApp Web ids (3EB0 + 16 hex) yet decode back to (instance, chat, index) with a
// checksum, so getMessage/favorite can find any of 100,000 messages without an index.
const ID_PREFIX = '3EB0';

export function encodeMessageId(seed: number, inst: number, chat: number, r: number): string {
  const check = hash32(seed, 0x1d, inst, chat, r) & 0xffff;
  // Masks keyed by the checksum and an odd multiplier on r make neighbouring ids look unrelated, as real ones do.
  const m1 = hash32(seed, 5, check);
  const m2 = hash32(seed, 6, check);
  const head = ((inst << 16) | chat) ^ (m1 & 0xffffff);
  const tail = (Math.imul(r, R_MUL) ^ m2) & 0xffffff;
  return `${ID_PREFIX}${hex(check, 4)}${hex(head, 6)}${hex(tail, 6)}`.toUpperCase();
}

export function decodeMessageId(seed: number, id: string): { inst: number; chat: number; r: number } | null {
  if (!/^3EB0[0-9A-F]{16}$/.test(id)) return null;
  const check = parseInt(id.slice(4, 8), 16);
  const head = (parseInt(id.slice(8, 14), 16) ^ hash32(seed, 5, check)) & 0xffffff;
  const r =
    Math.imul((parseInt(id.slice(14, 20), 16) ^ hash32(seed, 6, check)) & 0xffffff, R_MUL_INV) & 0xffffff;
  const inst = head >>> 16;
  const chat = head & 0xffff;
  if ((hash32(seed, 0x1d, inst, chat, r) & 0xffff) !== check) return null;
  return { inst, chat, r };
}

const R_MUL = 0x9e3779;
// Inverse of R_MUL modulo 2^32 (Newton's iteration), hence also modulo 2^24.
const R_MUL_INV = [0, 1, 2, 3, 4].reduce((x) => Math.imul(x, 2 - Math.imul(R_MUL, x)), R_MUL);

function hex(value: number, width: number): string {
  return (value >>> 0).toString(16).padStart(width, '0').slice(-width);
}
