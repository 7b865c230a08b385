import { flushSync } from 'svelte';

/**
 * Keyboard focus over the rows of a plain (not virtualized) list, one row in the tab order at a time. Each
 * row's element carries its place in `attr` (e.g. `data-fav-index`), and the control inside it that takes
 * the focus `data-row-focus`. `bind:this` the list's element to `container` and give it `trackFocus` as
 * `onfocusin`, so a row focused by mouse or Tab becomes the current one.
 */
export class RovingFocus {
  /** The row last focused or moved to; it may be past the end after the list got shorter. */
  index = $state(0);
  container: HTMLElement | undefined = $state();
  readonly #attr: string;
  readonly #count: () => number;

  /** The row in the tab order: `index`, kept within the list. */
  readonly current = $derived.by(() => Math.min(this.index, Math.max(0, this.#count() - 1)));

  constructor(attr: string, count: () => number) {
    this.#attr = attr;
    this.#count = count;
  }

  /** Moves the focus `delta` rows; the first key press from outside the list lands on the current row. */
  move(delta: number): void {
    const count = this.#count();
    if (count === 0) return;
    if (this.container?.contains(document.activeElement)) {
      this.index = Math.max(0, Math.min(count - 1, this.current + delta));
    } else {
      this.index = this.current;
    }
    this.focus();
  }

  /** Focuses the row at `index`, once the page shows it. */
  focus(): void {
    flushSync();
    this.container?.querySelector<HTMLElement>(`[${this.#attr}="${this.index}"] [data-row-focus]`)?.focus();
  }

  trackFocus = (e: FocusEvent): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>(`[${this.#attr}]`);
    if (row) this.index = Number(row.getAttribute(this.#attr));
  };
}
