import { join } from 'node:path';
import type { Session } from '../preload/contract.ts';
import { backupFolderName } from './backup/backup-folder.ts';
import { FavoritesBackup } from './backup/favorites-backup.ts';
import { restoreNewestBackup } from './backup/restore-at-start.ts';
import { ChatService } from './chats/chat-service.ts';
import { fail } from './core/app-error.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { EventHub } from './core/event-sink.ts';
import { FavoritesService } from './favorites/favorites-service.ts';
import { IpcRouter, type CallerInfo, type Handlers } from './ipc/router.ts';
import { RotatingLog } from './log/rotating-log.ts';
import { ShellHooks } from './core/shell-hooks.ts';
import { LiveService } from './live/live-service.ts';
import { MediaCache } from './media/media-cache.ts';
import { MediaService } from './media/media-service.ts';
import { CatchUp } from './messages/catch-up.ts';
import { MessageService } from './messages/message-service.ts';
import { SearchService } from './search/search-service.ts';
import type { SecretStore } from './secrets/secret-store.ts';
import { TokenVault } from './secrets/token-vault.ts';
import { SessionService } from './session/session-service.ts';
import { storeRecordSource } from './backup/record-chunks.ts';
import { StoreClient, type StoreClientOptions } from './store/store-client.ts';
import { Connectivity } from './sync/connectivity.ts';
import { OutboxService } from './sync/outbox-service.ts';
import { FavoritesExport } from './transfer/favorites-export.ts';
import { FavoritesImport } from './transfer/favorites-import.ts';
import type { ChooseFile } from './transfer/file-request.ts';

export interface AppOptions {
  /** Where the store lives (Electron's userData, or a temporary folder in tests). */
  dataDir: string;
  secretStore: SecretStore;
  /** Which renderer may call: the shell checks the window's origin, tests their page's. */
  isTrustedCaller: (caller: CallerInfo) => boolean;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Jitter source for retry backoff; tests pass a fixed one. */
  random?: () => number;
  /** The store worker's script, where the shell's build puts it (defaults to the one beside the store client). */
  storeWorkerFile?: string;
  /** Told of every store answer with its time in the worker (the benchmark listens). */
  onStoreAnswer?: StoreClientOptions['onAnswer'];
  /** Starts the store worker's thread, and takes it back once the store is closed (tests reuse threads). */
  startStoreWorker?: StoreClientOptions['startWorker'];
  releaseStoreWorker?: StoreClientOptions['releaseWorker'];
  /**
   * Asks the user for a file to export to or import from: the shell answers with a native dialog, tests
   * and the E2E harness with a path of their own. Without it, export and import are refused.
   */
  chooseFile?: ChooseFile;
  /** When favorites backups are written (tests shorten the waits). */
  backup?: { settleMs?: number; minIntervalMs?: number };
}

const noFileDialog: ChooseFile = () => Promise.reject(fail('noFileDialog'));

export type RyzeApp = ReturnType<typeof createApp>;

/**
 * The composition root: builds every main-process service from plain inputs. The Electron shell, the
 * tests and the E2E harness all call this, so what they exercise is what ships.
 *
 * It returns at once: the store opens in its worker thread meanwhile (migrations and recovery included),
 * and calls made before it is open wait for it there. `start()` restores the last session once the store
 * is open; `session:get` answers only after that, so the window shows "opening" rather than sign-in.
 */
export function createApp(options: AppOptions) {
  const clock = options.clock ?? systemClock;
  const events = new EventHub();
  const emit = events.emit;
  // The session is built below; the log reads its secrets lazily, on each line.
  let session: SessionService | null = null;
  const log = new RotatingLog({
    dir: join(options.dataDir, 'logs'),
    secrets: () => session?.secrets() ?? [],
  });
  const store = new StoreClient({
    dataDir: options.dataDir,
    ...(options.storeWorkerFile ? { workerFile: options.storeWorkerFile } : {}),
    ...(options.onStoreAnswer ? { onAnswer: options.onStoreAnswer } : {}),
    ...(options.startStoreWorker ? { startWorker: options.startStoreWorker } : {}),
    ...(options.releaseStoreWorker ? { releaseWorker: options.releaseStoreWorker } : {}),
    onCrash: (error, restarting) =>
      log.error(
        restarting
          ? 'The store worker stopped unexpectedly; it starts again with the next call'
          : 'The store worker keeps stopping; it is not started again until the app restarts',
        error,
      ),
  });
  const backupFolder = join(options.dataDir, backupFolderName);
  const records = storeRecordSource(store);
  const backups = new FavoritesBackup({
    reader: records,
    folder: backupFolder,
    clock,
    log,
    ...options.backup,
  });
  const vault = new TokenVault(options.secretStore, clock);
  const connectivity = new Connectivity(clock, options.fetch);
  /** Media files opened before: 512 MB at most, least recently opened dropped first. */
  const mediaCache = new MediaCache(join(options.dataDir, 'media'), 512 * 1024 * 1024);

  // Built before the session because the session starts and stops its senders as accounts come and go.
  let favorites: FavoritesService | null = null;
  const outbox = new OutboxService({
    store,
    clock,
    connectivity,
    emit,
    log,
    shownAccount: () => session?.context?.accountId ?? null,
    canUndo: (accountId) => favorites?.canUndo(accountId) ?? false,
    ...(options.random ? { random: options.random } : {}),
  });
  // For the Electron shell (badge, notifications, updater): the total over every signed-in account.
  const shellHooks = new ShellHooks(() => outbox.pendingTotal());
  outbox.onProgress(() => shellHooks.reportPendingChange());
  outbox.onRefused(({ accountId, change }) =>
    shellHooks.reportRefused({ target: change.target.kind, name: change.name, accountId }),
  );
  // Every change to the favorites goes through the outbox, so its progress is when a backup may be due.
  outbox.onProgress(() => backups.changed());
  let live: LiveService | null = null;
  let catchUp: CatchUp | null = null;

  session = new SessionService({
    store,
    vault,
    clock,
    emit,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    reachability: connectivity,
    onKeychainFailure: (error) => log.warn('The system keychain could not be used', error),
    onAccountsChange: (shown, signedIn) => {
      log.info(
        shown ? `Showing instance ${shown.instance.name} at ${shown.baseUrl}` : 'No account signed in',
      );
      connectivity.reset();
      outbox.follow(signedIn);
      if (shown) {
        live?.start(shown);
        void catchUp?.run(shown);
      } else live?.stop();
    },
    removeLocalData: async (accountId) => {
      // Nothing of the account may be sending or writing while its rows go.
      await outbox.stopAccount(accountId);
      if (session?.context?.accountId === accountId) live?.stop();
      await store.call('accounts.removeData', accountId);
      await mediaCache.forget(accountId);
      log.info('Removed an account’s chats, messages and pending changes from this computer');
    },
    onSignedIn: (accountId) => outbox.signedIn(accountId),
  });
  const chats = new ChatService({ session, store, emit });
  const messages = new MessageService({ session, store, emit });
  const search = new SearchService({ session, store });
  const media = new MediaService({ session, store, cache: mediaCache });
  catchUp = new CatchUp({
    store,
    clock,
    emit,
    isViewing: (accountId, chatJid) => chats.isViewing(accountId, chatJid),
    onError: (error) => log.warn(`Catching up on recent chats stopped: ${(error as Error).message}`),
  });
  const recent = catchUp;
  favorites = new FavoritesService({ session, outbox, store });
  live = new LiveService({
    session,
    store,
    clock,
    emit,
    connectivity,
    ...(options.random ? { random: options.random } : {}),
    onInstanceConnected: (accountId) => outbox.instanceConnected(accountId),
    onStoreFailure: (error) => log.error('Live data could not be stored', error),
    isViewing: (accountId, chatJid) => chats.isViewing(accountId, chatJid),
    onOpened: (ctx) => void recent.run(ctx),
  });
  const fav = favorites;
  const liveService = live;
  const chooseFile = options.chooseFile ?? noFileDialog;
  const exporter = new FavoritesExport({ session, reader: records, chooseFile, clock, log });
  const importer = new FavoritesImport({
    session,
    outbox,
    store,
    chooseFile,
    emit,
    log,
  });

  /**
   * Opens the store (in the worker), says what happened to it, then restores the last session. Never
   * rejects: a store that cannot be opened or read is what the window is told, with what to do.
   */
  const startUp = async (): Promise<Session> => {
    try {
      const { recoveredFrom } = await store.opened;
      if (recoveredFrom) {
        log.warn(`The store could not be read; it was moved aside to ${recoveredFrom}`);
        const restored = await restoreNewestBackup(store, backupFolder, clock.now(), log);
        session.setStoreNotice(
          restored
            ? { code: 'storeRestored', params: { backupAt: restored.backupAt, stars: restored.stars } }
            : { code: 'storeRecovered', params: { movedTo: recoveredFrom } },
        );
      }
      backups.start();
      return await session.restore();
    } catch (error) {
      log.error('The store could not be opened or read', error);
      session.setStoreNotice({ code: 'storeNotOpened', params: {} });
      return session.snapshot();
    }
  };
  let startup: Promise<Session> | null = null;

  const handlers: Handlers = {
    // Once the app is starting, the window learns the session only when the start is done.
    'session:get': async () => {
      await startup?.catch(() => undefined);
      return session.snapshot();
    },
    'session:beginSignIn': ({ baseUrl, token }) => session.beginSignIn(baseUrl, token),
    'session:chooseInstance': ({ instance }) => session.chooseInstance(instance),
    'session:cancelSignIn': () => {
      session.cancelSignIn();
      return null;
    },
    'session:retryKeychain': () => session.retryKeychain(),
    'session:signOut': (args) => session.signOut(args?.removeLocalData === true),
    'accounts:list': () => session.list((accountIds) => outbox.pendingCounts(accountIds)),
    'accounts:switch': ({ accountId }) => session.switchTo(accountId),
    'accounts:instances': () => session.instances(),
    'accounts:openInstance': ({ instance }) => session.openInstance(instance),
    'chats:page': ({ offset, limit, query }) => chats.page(offset, limit, query),
    'chats:refresh': () => chats.refresh(),
    'chats:viewing': ({ chatJid }) => chats.viewing(chatJid),
    'messages:page': ({ chatJid, offset, limit }) => messages.page(chatJid, offset, limit),
    'messages:locate': ({ chatJid, messageId }) => messages.locate(chatJid, messageId),
    'media:open': ({ chatJid, messageId }) => media.open(chatJid, messageId),
    'messages:loadOlder': ({ chatJid }) => messages.loadOlder(chatJid),
    'favorites:set': ({ target, favorite }) => fav.set(target, favorite),
    'favorites:undo': () => fav.undo(),
    'favorites:chats': ({ offset, limit }) => fav.chats(offset, limit),
    'favorites:messages': ({ offset, limit }) => fav.messages(offset, limit),
    'search:messages': ({ query, offset, limit }) => search.messages(query, offset, limit),
    'outbox:status': () => outbox.status(session.requireContext().accountId),
    'outbox:resume': () => outbox.resume(session.requireContext().accountId),
    'outbox:retry': ({ id }) => outbox.retry(session.requireContext().accountId, id),
    'outbox:dismiss': ({ id }) => outbox.dismiss(session.requireContext().accountId, id),
    'connection:status': () => liveService.status(),
    'favorites:export': ({ format, locale }) => exporter.run(format, locale),
    'favorites:import': () => importer.run(),
    'app:setLocale': ({ locale }) => {
      shellHooks.reportLocale(locale);
      return null;
    },
  };
  const router = new IpcRouter(handlers, {
    isTrustedCaller: options.isTrustedCaller,
    onUnexpected: (channel, error) => log.error(`Unexpected error in ${channel}`, error),
    onRejected: (channel, reason) => log.warn(`Rejected call to ${channel}: ${reason}`),
  });

  return {
    router,
    events,
    log,
    services: {
      session,
      chats,
      messages,
      favorites: fav,
      outbox,
      live: liveService,
      connectivity,
      backups,
      store,
    },
    /** What the Electron shell reads and follows: pending total, refusals, the UI's language. */
    shellHooks,
    /**
     * Opens the store, restores the last session (no prompt when the keychain still has its token) and
     * starts backups.
     */
    start: (): Promise<Session> => (startup ??= startUp()),
    /**
     * Stops everything, waiting for a favorite call in flight to be answered and recorded and for a backup
     * being written, then closes the store (its worker checkpoints and closes the file) and writes the
     * log's last lines.
     */
    async close(): Promise<void> {
      session.stop();
      liveService.stop();
      connectivity.stop();
      await outbox.stopAll();
      await backups.close();
      await store.close();
      await log.flush();
    },
  };
}
