import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  appError,
  type AppError,
  type ErrorCode,
  type FavoriteTarget,
  type ImportResult,
} from '../../preload/contract.ts';
import { checkBaseUrl } from '../../preload/base-url.ts';
import { ApiFailure } from '../api/api-failure.ts';
import type { ApiContact, ApiMessage } from '../api/parse.ts';
import {
  readFavoritesFile,
  targetOf,
  type FileProblem,
  type RecordAccount,
  type RecordFavorite,
} from '../backup/favorites-file.ts';
import { fail, toAppError } from '../core/app-error.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { RotatingLog } from '../log/rotating-log.ts';
import type { AccountContext } from '../session/account-context.ts';
import { targetKey as key } from '../favorites/target-key.ts';
import type { SessionService } from '../session/session-service.ts';
import type { ImportedRows } from '../store/imported-rows.ts';
import type { Store } from '../store/store-client.ts';
import type { OutboxService } from '../sync/outbox-service.ts';
import type { ChooseFile } from './file-request.ts';

/**
 * The largest file an import reads: room for some 60,000 stars (an export of 10,000 takes about 3 MB),
 * and far from what would strain the main process to parse.
 */
export const maxImportBytes = 20 * 1024 * 1024;

/** Stars looked up in the store per store call. */
const lookupSlice = 200;

/** What the window is told for each way a file is not a favorites file this version can read. */
const problemCodes = {
  empty: 'importEmpty',
  notUtf8: 'importNotUtf8',
  damaged: 'importDamaged',
  notAnExport: 'importNotAnExport',
  newerVersion: 'importNewerVersion',
} as const satisfies Record<FileProblem, ErrorCode>;

export interface FavoritesImportDeps {
  session: SessionService;
  outbox: OutboxService;
  store: Store;
  chooseFile: ChooseFile;
  emit: EventSink;
  log: Pick<RotatingLog, 'info' | 'warn'>;
}

type Refused = Extract<ImportResult, { status: 'refused' }>;

/** What RyzeAPI said about the targets the store did not hold. */
interface Fetched {
  messages: ApiMessage[];
  /** Each starred message's chat, as the store holds it or RyzeAPI answered. */
  chatOfMessage: Map<string, string>;
  /** Chats looked up by number; `found`: in the address book. */
  chats: Array<ApiContact & { found: boolean }>;
  /** Target keys RyzeAPI no longer has. */
  gone: Set<string>;
}

/**
 * Stars what a JSON export holds, for the account on screen only (the same server and instance). The
 * file is read and checked in full before anything is written; targets this computer does not hold are
 * asked of RyzeAPI (getMessage for messages, a contact lookup for chats), within the token's shared rate
 * budget and at background priority, so the user's own clicks still go first; then everything is written
 * in one transaction (the store worker's, see imported-rows.ts) and the stars are sent like any other change, one call at most each. Any refusal,
 * or RyzeAPI failing to answer, leaves everything as it was.
 */
export class FavoritesImport {
  private readonly deps: FavoritesImportDeps;
  private running = false;

  constructor(deps: FavoritesImportDeps) {
    this.deps = deps;
  }

  async run(): Promise<ImportResult> {
    const ctx = this.deps.session.requireContext();
    if (this.running) throw fail('importRunning');
    this.running = true;
    try {
      const path = await this.deps.chooseFile({ purpose: 'import' });
      if (!path) return { status: 'cancelled' };
      return await this.importFrom(ctx, path);
    } finally {
      this.running = false;
    }
  }

  private async importFrom(ctx: AccountContext, path: string): Promise<ImportResult> {
    const fileName = basename(path);
    const refuse = (error: AppError, why: string = error.code): Refused => {
      this.deps.log.warn(`An import was refused: ${why}`);
      return { status: 'refused', fileName, error };
    };
    const tooLarge = (size: number) => refuse(appError('importTooLarge', { size, limit: maxImportBytes }));
    let bytes: Buffer;
    try {
      // Checked before reading: a 50 MB file is never loaded to be refused.
      const { size } = await stat(path);
      if (size > maxImportBytes) return tooLarge(size);
      bytes = await readFile(path);
    } catch (error) {
      return refuse(appError('importUnreadable'), `importUnreadable (${(error as Error).message})`);
    }
    if (bytes.length > maxImportBytes) return tooLarge(bytes.length);
    const reading = readFavoritesFile(bytes);
    if (!reading.ok) return refuse(appError(problemCodes[reading.problem]));
    const { accounts } = reading.file;
    if (accounts.length === 0) return refuse(appError('importEmpty'));
    // An address the app would not sign in to (not https, say) is no account's here: '' never matches.
    const addressOf = (baseUrl: string) => {
      const check = checkBaseUrl(baseUrl);
      return check.ok ? check.url : '';
    };
    const account = accounts.find(
      (a) => addressOf(a.baseUrl) === ctx.baseUrl && a.instance.name === ctx.instance.name,
    );
    if (!account) {
      const other = accounts[0]!;
      return refuse(
        appError('importOtherInstance', { instance: other.instance.name, server: addressOf(other.baseUrl) }),
      );
    }

    const stars = uniqueStars(account);
    let fetched: Fetched;
    try {
      fetched = await this.fetchUnknown(ctx, stars);
    } catch (error) {
      // RyzeAPI could not be asked (the instance offline, no connection): its error says why.
      return refuse(
        toAppError(error),
        `RyzeAPI could not be asked about the file (${(error as Error).message})`,
      );
    }
    const targets = stars.flatMap((star): Array<{ target: FavoriteTarget; changedAt: number }> => {
      const target = targetOf(star);
      if (fetched.gone.has(key(target))) return [];
      if (target.kind === 'chat') return [{ target, changedAt: star.changedAt }];
      // The chat a message is in, as this store or RyzeAPI says: the star is filed under it.
      const chatJid = fetched.chatOfMessage.get(target.messageId) ?? target.chatJid;
      return [{ target: { ...target, chatJid }, changedAt: star.changedAt }];
    });
    const rows: ImportedRows = {
      chats: fetched.chats,
      messages: fetched.messages,
      names: new Map(account.chats.map((c) => [c.jid, c.name])),
    };
    const { starred, alreadyStarred } = await this.deps.outbox.importStars(ctx.accountId, targets, rows);
    this.deps.log.info(
      `Imported ${starred} stars (${alreadyStarred} already starred, ${fetched.gone.size} no longer on the server)`,
    );
    return { status: 'imported', fileName, starred, alreadyStarred, notOnServer: fetched.gone.size };
  }

  /**
   * Asks RyzeAPI about every target the store does not hold, one call each, reporting progress. The
   * store is asked which it holds a slice of stars per store call.
   */
  private async fetchUnknown(ctx: AccountContext, stars: RecordFavorite[]): Promise<Fetched> {
    const { store, emit } = this.deps;
    const instance = ctx.instance.name;
    const fetched: Fetched = { messages: [], chatOfMessage: new Map(), chats: [], gone: new Set() };
    const unknown: FavoriteTarget[] = [];
    for (let at = 0; at < stars.length; at += lookupSlice) {
      const targets = stars.slice(at, at + lookupSlice).map(targetOf);
      const held = await store.call('favorites.held', ctx.accountId, targets);
      for (const [i, target] of targets.entries()) {
        const { held: isHeld, chatJid } = held[i]!;
        if (!isHeld) unknown.push(target);
        else if (target.kind === 'message' && chatJid) fetched.chatOfMessage.set(target.messageId, chatJid);
      }
    }
    for (const [done, target] of unknown.entries()) {
      emit('favorites:importProgress', { done, total: unknown.length });
      if (target.kind === 'message') {
        const message = await gracefully(() =>
          ctx.client.getMessage(instance, target.messageId, 'background'),
        );
        if (!message) {
          fetched.gone.add(key(target));
          continue;
        }
        const chatJid = message.chatJid || target.chatJid;
        fetched.messages.push({ ...message, chatJid });
        fetched.chatOfMessage.set(target.messageId, chatJid);
      } else {
        const contact = await gracefully(() => ctx.client.contact(instance, target.chatJid, 'background'));
        if (contact === undefined) fetched.gone.add(key(target));
        // An answer without a contact: the chat is still a chat, named as the file or its number has it.
        else
          fetched.chats.push(contact ?? { jid: target.chatJid, displayName: '', number: '', found: false });
      }
    }
    emit('favorites:importProgress', { done: unknown.length, total: unknown.length });
    return fetched;
  }
}

/**
 * The answer, or undefined when RyzeAPI says the target is not there (404 Message not found, or a
 * number it refuses as invalid). Anything else (no connection, the instance offline, a refused token)
 * ends the import with nothing changed.
 */
async function gracefully<T>(call: () => Promise<T | null>): Promise<T | null | undefined> {
  try {
    const answer = await call();
    return answer;
  } catch (error) {
    if (error instanceof ApiFailure) {
      if (error.status === 404 && /message not found/i.test(error.serverMessage)) return undefined;
      if (error.status === 400 && /number/i.test(error.serverMessage)) return undefined;
    }
    throw error;
  }
}

/** The file's stars, each target once (the last entry wins, as a later change would). */
function uniqueStars(account: RecordAccount): RecordFavorite[] {
  const byTarget = new Map<string, RecordFavorite>();
  for (const f of account.favorites) byTarget.set(key(targetOf(f)), f);
  return [...byTarget.values()].filter((f) => f.starred);
}
