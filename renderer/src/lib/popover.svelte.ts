/**
 * A button's popover, open or closed: a pointer press outside `root` closes it, and Escape closes it and
 * gives the focus back to `button`. Make one while the component initialises (it owns an effect), then
 * `bind:this` the wrapper to `root` and the button to `button`, and put `onkeydown` on the wrapper.
 */
export class Popover {
  open = $state(false);
  root: HTMLElement | undefined = $state();
  button: HTMLButtonElement | undefined = $state();

  /** `onopen` runs each time it opens, inside the effect: state it reads (a field bound later) runs it again. */
  constructor(onopen?: () => void) {
    $effect(() => {
      if (!this.open) return;
      onopen?.();
      const onPointer = (e: PointerEvent) => {
        if (this.root && !this.root.contains(e.target as Node)) this.open = false;
      };
      window.addEventListener('pointerdown', onPointer);
      return () => window.removeEventListener('pointerdown', onPointer);
    });
  }

  toggle = (): void => {
    this.open = !this.open;
  };

  onkeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      e.stopPropagation();
      this.open = false;
      this.button?.focus();
    }
  };
}
