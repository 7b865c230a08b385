/**
 * Row heights of a long list whose rows differ in height: every row counts as `estimate` until it is
 * measured. Offsets are prefix sums over the measured differences, kept in a Fenwick tree, so finding the
 * row at a scroll position or the position of a row costs O(log² n), not a walk over 100,000 rows.
 */
export class HeightIndex {
  readonly estimate: number;
  #count = 0;
  /** measured height − estimate per row (0 while unmeasured). */
  #delta = new Float64Array(0);
  #tree = new Float64Array(1);

  constructor(estimate: number) {
    this.estimate = estimate;
  }

  get count(): number {
    return this.#count;
  }

  /** Rows added or removed at the end; heights of the rows kept stay. */
  resize(count: number): void {
    if (count === this.#count) return;
    const next = new Float64Array(count);
    next.set(this.#delta.subarray(0, Math.min(count, this.#count)));
    this.#rebuild(next);
  }

  /** `k` rows inserted before the first (older messages): the known heights move down with their rows. */
  prepend(k: number): void {
    if (k <= 0) return;
    const next = new Float64Array(this.#count + k);
    next.set(this.#delta, k);
    this.#rebuild(next);
  }

  height(i: number): number {
    return this.estimate + (this.#delta[i] ?? 0);
  }

  /** Records a measured height; returns how much it changed. */
  set(i: number, height: number): number {
    if (i < 0 || i >= this.#count) return 0;
    const change = height - this.height(i);
    if (change === 0) return 0;
    this.#delta[i] = height - this.estimate;
    for (let k = i + 1; k <= this.#count; k += k & -k) this.#tree[k] = (this.#tree[k] ?? 0) + change;
    return change;
  }

  /** Top of row `i` (i = count: the total height). */
  offset(i: number): number {
    let sum = 0;
    for (let k = Math.min(i, this.#count); k > 0; k -= k & -k) sum += this.#tree[k] ?? 0;
    return i * this.estimate + sum;
  }

  get total(): number {
    return this.offset(this.#count);
  }

  /** The row covering position `y` (clamped to the list). */
  indexAt(y: number): number {
    let lo = 0;
    let hi = this.#count - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.offset(mid) <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  #rebuild(delta: Float64Array<ArrayBuffer>): void {
    this.#count = delta.length;
    this.#delta = delta;
    const tree = new Float64Array(delta.length + 1);
    for (let i = 1; i <= delta.length; i++) {
      tree[i] = (tree[i] ?? 0) + (delta[i - 1] ?? 0);
      const parent = i + (i & -i);
      if (parent <= delta.length) tree[parent] = (tree[parent] ?? 0) + (tree[i] ?? 0);
    }
    this.#tree = tree;
  }
}
