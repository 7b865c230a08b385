/** The one error/info banner at the top of the window. Text is rendered at display time, so it follows the language. */
import type { AppError } from '../../../preload/contract.ts';
import type { MessageKey } from '../i18n/index.svelte.ts';

export type Notice = { kind: 'error'; error: AppError } | { kind: 'info'; key: MessageKey };

class Notices {
  current = $state<Notice | null>(null);

  error(error: AppError): void {
    this.current = { kind: 'error', error };
  }

  info(key: MessageKey): void {
    this.current = { kind: 'info', key };
  }

  dismiss(): void {
    this.current = null;
  }
}

export const notices = new Notices();
