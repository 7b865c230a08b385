import { basename } from 'node:path';
import {
  appError,
  type AppError,
  type ExportFormat,
  type ExportResult,
  type UiLocale,
} from '../../preload/contract.ts';
import { writeFileAtomically } from '../backup/atomic-file.ts';
import { fileEnd, fileStart, type RecordChat, type RecordFavorite } from '../backup/favorites-file.ts';
import {
  accountRecord,
  accountsJson,
  type RecordCounts,
  type RecordSource,
} from '../backup/record-chunks.ts';
import type { Clock } from '../core/clock.ts';
import type { RotatingLog } from '../log/rotating-log.ts';
import type { SessionService } from '../session/session-service.ts';
import type { RecordScope } from '../store/favorites-record-reader.ts';
import { byteOrderMark, csvRow } from './csv.ts';
import { csvLabels, messageCell, spreadsheetTime } from './csv-labels.ts';
import type { ChooseFile } from './file-request.ts';

export interface FavoritesExportDeps {
  session: SessionService;
  reader: RecordSource;
  chooseFile: ChooseFile;
  clock: Clock;
  log: Pick<RotatingLog, 'info' | 'warn'>;
}

/**
 * Writes the shown account's stars to a file the user picks: CSV for people (one row per star: chat,
 * number, message, when it was sent, when it was starred; starred chats first, then messages, newest
 * star first, as the Favorites view lists them) or JSON for importing (the favorites file format).
 */
export class FavoritesExport {
  private readonly deps: FavoritesExportDeps;
  constructor(deps: FavoritesExportDeps) {
    this.deps = deps;
  }

  async run(format: ExportFormat, locale: UiLocale): Promise<ExportResult> {
    const ctx = this.deps.session.requireContext();
    const day = new Date(this.deps.clock.now()).toISOString().slice(0, 10);
    const instance = ctx.instance.name.replace(/[^\p{L}\p{N}_-]+/gu, '-');
    const path = await this.deps.chooseFile({
      purpose: 'export',
      format,
      suggestedName: `ryze-favorites-${instance}-${day}.${format}`,
    });
    if (!path) return { status: 'cancelled' };
    const scope: RecordScope = { accountId: ctx.accountId, starredOnly: true };
    const counts: RecordCounts = { accounts: 0, chats: 0, messages: 0 };
    try {
      if (format === 'json') {
        const now = this.deps.clock.now();
        await writeFileAtomically(path, jsonFile(accountsJson(this.deps.reader, scope, counts), now));
      } else {
        await writeFileAtomically(path, await this.csv(scope, locale, counts));
      }
    } catch (error) {
      this.deps.log.warn(`An export could not be written: ${(error as Error).message}`);
      return { status: 'failed', fileName: basename(path), error: writeFailure(error) };
    }
    this.deps.log.info(`Exported ${counts.chats} chats and ${counts.messages} messages as ${format}`);
    return { status: 'saved', fileName: basename(path), chats: counts.chats, messages: counts.messages };
  }

  private async csv(scope: RecordScope, locale: UiLocale, counts: RecordCounts): Promise<string[]> {
    const { reader } = this.deps;
    const words = csvLabels(locale);
    const chats = new Map<string, RecordChat>();
    const stars: RecordFavorite[] = [];
    for (const account of await reader.accounts(scope)) {
      for await (const slice of accountRecord(reader, account.id, scope)) {
        if ('favorites' in slice) stars.push(...slice.favorites);
        else for (const chat of slice.chats) chats.set(chat.jid, chat);
      }
    }
    const byKindThenNewest = (a: RecordFavorite, b: RecordFavorite) =>
      a.kind === b.kind ? b.changedAt - a.changedAt : a.kind === 'chat' ? -1 : 1;
    const lines = [byteOrderMark + csvRow(words.columns, words.delimiter)];
    for (const star of stars.sort(byKindThenNewest)) {
      const chat = chats.get(star.chatJid);
      const name = chat?.name ?? star.chatJid;
      const number = chat?.number ?? '';
      const starredAt = spreadsheetTime(star.changedAt);
      if (star.kind === 'chat') {
        counts.chats++;
        lines.push(csvRow([name, number, '', '', starredAt], words.delimiter));
      } else {
        counts.messages++;
        const message = star.message;
        lines.push(
          csvRow(
            [
              name,
              number,
              message ? messageCell(words, message) : '',
              spreadsheetTime(message?.ts ?? 0),
              starredAt,
            ],
            words.delimiter,
          ),
        );
      }
    }
    return [lines.join('')];
  }
}

/**
 * What the window is told when the file could not be written: the cause the user can act on, by the
 * system's error code (the system's own words are in the log).
 */
export function writeFailure(error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return appError('exportNoSpace');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return appError('exportNotAllowed');
  return appError('exportFailed');
}

async function* jsonFile(accounts: AsyncIterable<string>, createdAt: number): AsyncGenerator<string> {
  yield fileStart('export', createdAt);
  yield* accounts;
  yield fileEnd;
}
