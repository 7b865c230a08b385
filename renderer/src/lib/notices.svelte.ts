/** The one error/info banner at the top of the window. Text is rendered at display time, so it follows the language. */
import type { AppError } from '../../../preload/contract.ts';
import { t, type MessageKey } from '../i18n/index.svelte.ts';

/** `text` is called each time the banner renders, so a change of language shows at once. */
export type Notice =
  | { kind: 'error'; error: AppError }
  | { kind: 'info'; text: () => string }
  /** Something the user asked for did not happen (a refused import): shown as an alert. */
  | { kind: 'problem'; text: () => string };

class Notices {
  current = $state<Notice | null>(null);

  error(error: AppError): void {
    this.current = { kind: 'error', error };
  }

  info(text: MessageKey | (() => string)): void {
    this.current = { kind: 'info', text: typeof text === 'function' ? text : () => t(text) };
  }

  problem(text: () => string): void {
    this.current = { kind: 'problem', text };
  }

  dismiss(): void {
    this.current = null;
  }
}

export const notices = new Notices();
