/** The one error/info banner at the top of the window. Text is rendered at display time, so it follows the language. */
import type { AppError, AppNotice } from '../../../preload/contract.ts';
import type { MessageKey } from '../i18n/index.svelte.ts';

/** An error of a request, a notice main reported (a warning: something happened that the user must know), or a line of the window's own. */
export type Notice =
  | { kind: 'error'; error: AppError }
  | { kind: 'notice'; notice: AppNotice }
  | { kind: 'info'; key: MessageKey };

class Notices {
  current = $state<Notice | null>(null);

  error(error: AppError): void {
    this.current = { kind: 'error', error };
  }

  notice(notice: AppNotice): void {
    this.current = { kind: 'notice', notice };
  }

  info(key: MessageKey): void {
    this.current = { kind: 'info', key };
  }

  dismiss(): void {
    this.current = null;
  }
}

export const notices = new Notices();
