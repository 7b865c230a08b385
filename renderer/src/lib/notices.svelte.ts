/** The one error/info banner at the top of the window. Text is rendered at display time, so it follows the language. */
import type { AppError, AppNotice } from '../../../preload/contract.ts';
import { t, type MessageKey } from '../i18n/index.svelte.ts';

/**
 * An error of a request, a notice main reported (a warning: something happened that the user must know),
 * or a line of the window's own. `text` is called each time the banner renders, so a change of language
 * shows at once.
 */
export type Notice =
  /** `lead`: what did not happen, when the error alone would not say ("Nothing was imported from …"). */
  | { kind: 'error'; error: AppError; lead?: () => string }
  | { kind: 'notice'; notice: AppNotice }
  | { kind: 'info'; text: () => string };

class Notices {
  current = $state<Notice | null>(null);

  error(error: AppError, lead?: () => string): void {
    this.current = lead ? { kind: 'error', error, lead } : { kind: 'error', error };
  }

  notice(notice: AppNotice): void {
    this.current = { kind: 'notice', notice };
  }

  info(text: MessageKey | (() => string)): void {
    this.current = { kind: 'info', text: typeof text === 'function' ? text : () => t(text) };
  }

  dismiss(): void {
    this.current = null;
  }
}

export const notices = new Notices();
