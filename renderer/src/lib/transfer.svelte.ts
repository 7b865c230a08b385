/**
 * Exporting and importing favorites, from the Favorites view or the native menu. Main picks the file in
 * a native dialog and does the work; this says how it went, in the user's language.
 */
import type { ExportFormat, MenuCommand } from '../../../preload/contract.ts';
import { i18n, t, tn } from '../i18n/index.svelte.ts';
import { call, on } from './bridge.ts';
import { notices } from './notices.svelte.ts';

class Transfer {
  busy = $state<'export' | 'import' | null>(null);
  /** While an import asks RyzeAPI about what the file holds. */
  progress = $state<{ done: number; total: number } | null>(null);

  /** Follows the import's progress; returns the unsubscribe function. */
  start(): () => void {
    return on('favorites:importProgress', (p) => {
      if (this.busy === 'import') this.progress = p;
    });
  }

  run(command: MenuCommand): Promise<void> {
    return command === 'importFavorites'
      ? this.importFile()
      : this.exportAs(command === 'exportCsv' ? 'csv' : 'json');
  }

  async exportAs(format: ExportFormat): Promise<void> {
    if (this.busy) return;
    this.busy = 'export';
    const result = await call('favorites:export', { format, locale: i18n.locale });
    this.busy = null;
    if (!result.ok) return notices.error(result.error);
    const r = result.value;
    if (r.status === 'saved') {
      notices.info(() => tn('transfer.exported', r.chats + r.messages, { file: r.fileName }));
    } else if (r.status === 'failed') {
      notices.error(r.error, () => t('transfer.notExported', { file: r.fileName }));
    }
  }

  async importFile(): Promise<void> {
    if (this.busy) return;
    this.busy = 'import';
    this.progress = null;
    const result = await call('favorites:import', undefined);
    this.busy = null;
    this.progress = null;
    if (!result.ok) return notices.error(result.error);
    const r = result.value;
    if (r.status === 'imported') {
      notices.info(() => {
        const parts = [
          r.starred > 0
            ? tn('transfer.imported', r.starred, { file: r.fileName })
            : t('transfer.importedNone', { file: r.fileName }),
        ];
        if (r.alreadyStarred > 0) parts.push(tn('transfer.already', r.alreadyStarred));
        if (r.notOnServer > 0) parts.push(tn('transfer.gone', r.notOnServer));
        return parts.join(' ');
      });
    } else if (r.status === 'refused') {
      notices.error(r.error, () => t('transfer.notImported', { file: r.fileName }));
    }
  }
}

export const transfer = new Transfer();
