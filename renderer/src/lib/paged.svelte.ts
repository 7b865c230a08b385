/**
 * A sparse, page-aligned window onto a list that lives in main (chats or messages).
 *
 * The list view says which rows are on screen (`ensure`); the cache asks main only for the pages around them,
 * keeps `total` for the scroll height, and forgets pages far from the viewport. Every read is stamped with a
 * sequence number so a slow, older answer never overwrites a newer one.
 */
/* eslint-disable svelte/prefer-svelte-reactivity --
   The page map is immutable-by-convention: each change builds a new Map and assigns it to a $state.raw field,
   which is what makes it reactive. The in-flight sets are bookkeeping that must NOT trigger renders. */
import type { AppError, Page, Result } from '../../../preload/contract.ts';
import { nextSeq } from './seq.ts';

export type Fetcher<T> = (offset: number, limit: number) => Promise<Result<Page<T>>>;

interface Loaded<T> {
  rows: T[];
  seq: number;
}

/**
 * Rows are copied on arrival: a bridge that hands back the same (mutated) objects, as an in-page test double
 * may, must still produce a visible change.
 */
function fresh<T extends object>(rows: T[], seq: number): Loaded<T> {
  return { rows: rows.map((r) => ({ ...r })), seq };
}

/**
 * A re-read page with every row that did not change replaced by the object already held for it, so the row's
 * component sees the same object and has nothing to redo (a star toggle re-reads whole pages for one row).
 * The page keeps its new `seq`: when it was read is what star overrides are judged against.
 */
function keepUnchanged<T extends object>(loaded: Loaded<T>, held: Loaded<T> | undefined): Loaded<T> {
  if (!held) return loaded;
  const rows = loaded.rows.map((row, i) => {
    const old = held.rows[i];
    return old !== undefined && sameFields(old, row) ? old : row;
  });
  return { rows, seq: loaded.seq };
}

function sameFields(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  }
  return true;
}

export class PagedCache<T extends object> {
  readonly pageSize: number;
  /** Rows main holds for the current query: drives the scroll height. */
  total = $state(0);
  /** True once main has answered at least once since the last reset. */
  ready = $state(false);
  error = $state<AppError | null>(null);

  #pages = $state.raw(new Map<number, Loaded<T>>());
  #fetcher: Fetcher<T>;
  /** How many pages beyond the ones needed are kept on each side. */
  #keep: number;
  #gen = 0;
  #inflight = new Set<number>();
  #range: [number, number] = [0, 0];
  #reloading: Promise<void> | null = null;
  #reloadAgain = false;

  constructor(fetcher: Fetcher<T>, pageSize = 100, keep = 1) {
    this.#fetcher = fetcher;
    this.pageSize = pageSize;
    this.#keep = keep;
  }

  row(index: number): T | undefined {
    return this.#pages.get(Math.floor(index / this.pageSize))?.rows[index % this.pageSize];
  }

  /** When the row at `index` was read (0 when it is not held). */
  seqOf(index: number): number {
    return this.#pages.get(Math.floor(index / this.pageSize))?.seq ?? 0;
  }

  /** Index of the first held row matching, or -1. */
  find(match: (row: T) => boolean): number {
    for (const [page, loaded] of this.#pages) {
      const k = loaded.rows.findIndex(match);
      if (k >= 0) return page * this.pageSize + k;
    }
    return -1;
  }

  /** Number of pages held (for tests and debugging). */
  get heldPages(): number {
    return this.#pages.size;
  }

  /** Page numbers covering [start, end) plus half a page of margin on each side. */
  #pagesFor(start: number, end: number, clip = true): number[] {
    const margin = Math.floor(this.pageSize / 2);
    const lo = Math.max(0, start - margin);
    let hi = Math.max(lo + 1, end + margin);
    if (clip && this.ready) hi = Math.min(hi, Math.max(1, this.total));
    const first = Math.floor(lo / this.pageSize);
    const last = Math.max(first, Math.floor((hi - 1) / this.pageSize));
    const pages: number[] = [];
    for (let p = first; p <= last; p++) pages.push(p);
    return pages;
  }

  /** The rows [start, end) are (about to be) on screen: fetch what is missing, drop what is far away. */
  ensure(start: number, end: number): void {
    this.#range = [start, end];
    const wanted = this.#pagesFor(start, end);
    const first = wanted[0] ?? 0;
    const last = wanted[wanted.length - 1] ?? 0;
    const far = [...this.#pages.keys()].filter((p) => p < first - this.#keep || p > last + this.#keep);
    if (far.length > 0) {
      const next = new Map(this.#pages);
      for (const p of far) next.delete(p);
      this.#pages = next;
    }
    for (const p of wanted) {
      if (!this.#pages.has(p) && !this.#inflight.has(p)) void this.#load(p);
    }
  }

  async #load(page: number): Promise<void> {
    const gen = this.#gen;
    const inflight = this.#inflight;
    inflight.add(page);
    const seq = nextSeq();
    const result = await this.#fetcher(page * this.pageSize, this.pageSize);
    inflight.delete(page);
    if (gen !== this.#gen) return;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.#apply(new Map([[page, fresh(result.value.rows, seq)]]), result.value.total, false);
  }

  #apply(got: Map<number, Loaded<T>>, total: number, replace: boolean): void {
    const before = this.#pages;
    const next = replace ? new Map<number, Loaded<T>>() : new Map(before);
    for (const [p, loaded] of got) {
      const held = next.get(p);
      if (!held || held.seq < loaded.seq) next.set(p, keepUnchanged(loaded, before.get(p)));
    }
    for (const p of next.keys()) if (p * this.pageSize >= total) next.delete(p);
    this.#pages = next;
    this.total = total;
    this.ready = true;
    this.error = null;
  }

  /** Re-read every held page (after a change event). Calls during a reload coalesce into one more reload. */
  reload(): Promise<void> {
    if (this.#reloading) {
      this.#reloadAgain = true;
      return this.#reloading;
    }
    this.#reloading = (async () => {
      do {
        this.#reloadAgain = false;
        await this.#reloadOnce();
      } while (this.#reloadAgain);
      this.#reloading = null;
    })();
    return this.#reloading;
  }

  async #reloadOnce(): Promise<void> {
    const gen = this.#gen;
    const pages = new Set([...this.#pages.keys(), ...this.#pagesFor(...this.#range)]);
    const seq = nextSeq();
    const results = await Promise.all(
      [...pages].map(async (p) => [p, await this.#fetcher(p * this.pageSize, this.pageSize)] as const),
    );
    if (gen !== this.#gen) return;
    const got = new Map<number, Loaded<T>>();
    let total = -1;
    for (const [p, result] of results) {
      if (!result.ok) {
        this.error = result.error;
        continue;
      }
      got.set(p, fresh(result.value.rows, seq));
      total = Math.max(total, result.value.total);
    }
    if (total >= 0) this.#apply(got, total, false);
  }

  /**
   * Replace everything held with fresh pages covering [start, end), all at once. Used when rows shift
   * (older messages prepended) so the view never shows a mix of before and after. Resolves false on failure
   * or when a newer reset/replace overtook it.
   */
  async replaceRange(start: number, end: number): Promise<boolean> {
    const gen = ++this.#gen;
    this.#inflight = new Set();
    const seq = nextSeq();
    const pages = this.#pagesFor(Math.max(0, start), Math.max(0, end), false);
    const results = await Promise.all(pages.map((p) => this.#fetcher(p * this.pageSize, this.pageSize)));
    if (gen !== this.#gen) return false;
    const got = new Map<number, Loaded<T>>();
    let total = -1;
    for (const [k, result] of results.entries()) {
      if (!result.ok) {
        this.error = result.error;
        return false;
      }
      got.set(pages[k] ?? 0, fresh(result.value.rows, seq));
      total = Math.max(total, result.value.total);
    }
    this.#apply(got, Math.max(0, total), true);
    return true;
  }

  /** Forget everything (new query, new chat). Answers to earlier requests are ignored. */
  reset(): void {
    this.#gen++;
    this.#inflight = new Set();
    this.#pages = new Map();
    this.total = 0;
    this.ready = false;
    this.error = null;
  }
}
