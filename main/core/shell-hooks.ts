import type { FavoriteTarget, TargetName, UiLocale } from '../../preload/contract.ts';

/** A favorite change the server refused for good, named as the failed-changes list names it. */
export interface RefusedChange {
  target: FavoriteTarget['kind'];
  name: TargetName;
  accountId: string;
}

type Unsubscribe = () => void;

/**
 * What the Electron shell needs from the services, and nothing more: the pending total for badges and
 * for "never restart while changes are being sent", refusals for system notifications, and the UI's
 * language for the native menu. The services feed it (the `report…` methods); the shell subscribes.
 */
export class ShellHooks {
  readonly pendingTotal: () => number;
  private readonly pendingListeners = new Set<() => void>();
  private readonly refusedListeners = new Set<(change: RefusedChange) => void>();
  private readonly localeListeners = new Set<(locale: UiLocale) => void>();
  private uiLocale: UiLocale | null = null;

  constructor(pendingTotal: () => number) {
    this.pendingTotal = pendingTotal;
  }

  /** Called when the pending total may have changed; listeners read `pendingTotal()` again. */
  onPendingChange(listener: () => void): Unsubscribe {
    return subscribe(this.pendingListeners, listener);
  }

  onChangeRefused(listener: (change: RefusedChange) => void): Unsubscribe {
    return subscribe(this.refusedListeners, listener);
  }

  /** The language the window last reported; null until it has. */
  get locale(): UiLocale | null {
    return this.uiLocale;
  }

  onLocaleChange(listener: (locale: UiLocale) => void): Unsubscribe {
    return subscribe(this.localeListeners, listener);
  }

  reportPendingChange(): void {
    for (const listener of this.pendingListeners) listener();
  }

  reportRefused(change: RefusedChange): void {
    for (const listener of this.refusedListeners) listener(change);
  }

  reportLocale(locale: UiLocale): void {
    if (locale === this.uiLocale) return;
    this.uiLocale = locale;
    for (const listener of this.localeListeners) listener(locale);
  }
}

function subscribe<T>(set: Set<T>, listener: T): Unsubscribe {
  set.add(listener);
  return () => void set.delete(listener);
}
