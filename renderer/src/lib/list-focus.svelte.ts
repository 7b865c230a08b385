import { flushSync } from 'svelte';

/** What a virtualized list (VirtualList, VariableList) offers for keyboard focus. */
interface RowList {
  reveal(index: number): void;
  rowElement(index: number): HTMLElement | null;
}

/**
 * Keyboard focus over a virtualized list, one row in the tab order at a time: the current row while it is
 * on screen, else the visible row the list is entered at (`entry`: the first, or the last, as a chat's
 * newest message is). Rows carry `data-index` and the control that takes the focus `data-row-focus`;
 * `bind:this` the element around the list to `body`, give it `trackFocus` as `onfocusin`, and report
 * the list's visible range to `range`.
 */
export class ListFocus {
  /** The current row; -1 until one is chosen (the entry row stands in). */
  index = $state(-1);
  range = $state<[number, number]>([0, 0]);
  body: HTMLElement | undefined = $state();
  readonly #list: () => RowList | undefined;
  readonly #total: () => number;
  readonly #entry: 'first' | 'last';

  constructor(options: { list: () => RowList | undefined; total: () => number; entry: 'first' | 'last' }) {
    this.#list = options.list;
    this.#total = options.total;
    this.#entry = options.entry;
  }

  #visible(index: number): boolean {
    return index >= this.range[0] && index < this.range[1];
  }

  #entryRow(): number {
    return this.#entry === 'first' ? this.range[0] : Math.max(0, this.range[1] - 1);
  }

  /** The row in the tab order. */
  readonly tabbable = $derived.by(() => (this.#visible(this.index) ? this.index : this.#entryRow()));

  /** Moves the focus `delta` rows; the first key press from outside the list lands on the entry row. */
  move(delta: number): void {
    const total = this.#total();
    if (total === 0) return;
    if (!this.body?.contains(document.activeElement)) {
      if (!this.#visible(this.index)) this.index = this.#entryRow();
    } else {
      this.index = Math.max(0, Math.min(total - 1, this.index + delta));
    }
    this.focus();
  }

  /** Scrolls the current row (or the entry row, when none is) into view and focuses it. */
  focus(): void {
    if (this.index < 0) this.index = this.#entryRow();
    this.#list()?.reveal(this.index);
    this.focusShown();
  }

  /** Focuses the current row where it is, without scrolling. */
  focusShown(): void {
    flushSync();
    this.#list()
      ?.rowElement(this.index)
      ?.querySelector<HTMLElement>('[data-row-focus]')
      ?.focus({ preventScroll: true });
  }

  trackFocus = (e: FocusEvent): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (row) this.index = Number(row.dataset.index);
  };
}
