import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { KeytarSecretStore } from '../../main/secrets/keytar-store.ts';
import { storeFileName } from '../../main/store/database.ts';
import { accountIdOf } from '../../main/session/account-context.ts';
import type { FavoriteTarget, OutboxStatus } from '../../preload/contract.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import type { FavoriteBehaviour } from '../emulator/favorite-behaviours.ts';
import { buildApp, forgetTestTokens, ok, type TestApp } from '../support/app-harness.ts';
import { ScaledClock } from '../support/scaled-clock.ts';
import { CallLedger } from './call-ledger.ts';

/** The two accounts a run can use: the same server, two instances. */
export const accountNames = ['support', 'sales'] as const;
export type AccountName = (typeof accountNames)[number];
export type TokenKind = 'account' | 'instance';

export interface ModelTarget {
  target: FavoriteTarget;
  /** Keyed like the emulator's record: 'chat:<jid>' or 'message:<id>'. */
  key: string;
}

/**
 * Run folders go to memory where the system has it (/dev/shm on Linux): the store is the same SQLite with
 * the same transactions, but a run does not wait on the disk for each fsync. Durability across a power
 * cut or a kill is what test/integration/crash-safety.test.ts proves; this test is about what is sent.
 */
const runsRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

const chatsPerAccount = 8;
const messagesPerAccount = 8;
/** Messages the server deleted (on the phone) after the app loaded them: starring them is refused. */
const deletedPerAccount = 2;

/**
 * The real system under test, shared by every run of one process: one emulator on loopback (a server whose
 * every favorite call can be given any outcome), and per run a fresh data dir, seeded from a template store
 * that already holds both accounts' chats and messages, with the app built by createApp on the real OS
 * keychain and a clock 1,000× faster than real time (backoff, holds and rate-limit waits in milliseconds).
 */
export class ModelSystem {
  readonly emulator: Emulator;
  readonly clock: ScaledClock;
  readonly ledger = new CallLedger();
  readonly targets: Record<AccountName, ModelTarget[]>;
  /** Keys ('<instance>/<target key>') of messages deleted on the server. */
  readonly deleted: ReadonlySet<string>;
  private readonly templateDir: string;
  private readonly keychainService: string;
  private dataDir = '';
  app: TestApp | null = null;
  private online = true;

  private constructor(
    emulator: Emulator,
    clock: ScaledClock,
    templateDir: string,
    targets: Record<AccountName, ModelTarget[]>,
    deleted: Set<string>,
    keychainService: string,
  ) {
    this.keychainService = keychainService;
    this.emulator = emulator;
    this.clock = clock;
    this.templateDir = templateDir;
    this.targets = targets;
    this.deleted = deleted;
  }

  /** `keychainService`: a keychain entry name of its own, so parallel shards never touch each other's. */
  static async create(keychainService: string): Promise<ModelSystem> {
    const clock = new ScaledClock(1000);
    const emulator = createEmulator({
      contacts: 12,
      bigChatMessages: 12,
      messagesPerChat: 8,
      // The budget is tested through the `rateLimited` behaviour; runs must not meet the real window.
      rateLimit: 1e9,
      now: () => clock.now(),
    });
    await emulator.start();
    emulator.setInstanceState('sales', 'connected');
    const templateDir = mkdtempSync(join(runsRoot, 'ryze-model-template-'));
    const secretStore = new KeytarSecretStore(keychainService);
    const app = buildApp(templateDir, { clock, secretStore });
    const targets = {} as Record<AccountName, ModelTarget[]>;
    const deleted = new Set<string>();
    ok(await app.call('session:beginSignIn', { baseUrl: emulator.baseUrl, token: emulator.accountToken }));
    for (const name of accountNames) {
      if (name === 'support') ok(await app.call('session:chooseInstance', { instance: name }));
      else ok(await app.call('accounts:openInstance', { instance: name }));
      ok(await app.call('chats:refresh', undefined));
      const chats = ok(await app.call('chats:page', { offset: 0, limit: 200 })).rows;
      const messages: ModelTarget[] = [];
      for (const chat of chats.filter((c) => c.lastActivity > 0)) {
        ok(await app.call('messages:loadOlder', { chatJid: chat.jid }));
        const page = ok(await app.call('messages:page', { chatJid: chat.jid, offset: 0, limit: 3 })).rows;
        for (const m of page) {
          messages.push({
            target: { kind: 'message', chatJid: m.chatJid, messageId: m.id },
            key: `message:${m.id}`,
          });
        }
      }
      const picked = messages.slice(0, messagesPerAccount);
      for (const m of picked.slice(-deletedPerAccount)) {
        emulator.deleteMessage(name, (m.target as { messageId: string }).messageId);
        deleted.add(`${name}/${m.key}`);
      }
      targets[name] = [
        ...chats.slice(0, chatsPerAccount).map((c) => ({
          target: { kind: 'chat', chatJid: c.jid } as FavoriteTarget,
          key: `chat:${c.jid}`,
        })),
        ...picked,
      ];
    }
    ok(await app.call('session:signOut', undefined));
    ok(await app.call('session:signOut', undefined));
    await app.close();
    await forgetTestTokens(keychainService);
    // A store that has the chats and messages but knows no account yet: each run starts by signing in.
    const db = new DatabaseSync(join(templateDir, storeFileName));
    db.exec('DELETE FROM accounts');
    db.close();
    return new ModelSystem(emulator, clock, templateDir, targets, deleted, keychainService);
  }

  accountId(name: AccountName): string {
    return accountIdOf(this.emulator.baseUrl, name);
  }

  token(name: AccountName, kind: TokenKind): string {
    if (kind === 'account') return this.emulator.accountToken;
    return this.emulator.instances.find((i) => i.name === name)!.token;
  }

  /** A fresh app over a copy of the template store, the server reset, `behaviours` queued for favorite calls. */
  async beginRun(behaviours: FavoriteBehaviour[]): Promise<TestApp> {
    if (!this.online) await this.goOnline();
    this.emulator.faults.clear();
    this.emulator.faults.favoriteBehaviours = [...behaviours];
    for (const name of accountNames) {
      this.emulator.resetFavorites(name);
      this.emulator.setInstanceState(name, 'connected');
    }
    this.emulator.resetCounters();
    this.ledger.reset();
    this.dataDir = mkdtempSync(join(runsRoot, 'ryze-model-run-'));
    copyFileSync(join(this.templateDir, storeFileName), join(this.dataDir, storeFileName));
    this.app = this.build();
    await this.app.start();
    return this.app;
  }

  async endRun(): Promise<void> {
    await this.app?.close();
    this.app = null;
    await forgetTestTokens(this.keychainService);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Closes the services and builds them again over the same data dir, as quitting and reopening does. */
  async restart(): Promise<void> {
    await this.app?.close();
    this.app = this.build();
    await this.app.start();
  }

  async goOffline(): Promise<void> {
    this.online = false;
    await this.emulator.stop();
  }

  async goOnline(): Promise<void> {
    this.online = true;
    await this.emulator.start();
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** What the app shows as starred for the account on screen. */
  async starredShown(): Promise<Set<string>> {
    const app = this.requireApp();
    const chats = ok(await app.call('favorites:chats', { offset: 0, limit: 500 })).rows;
    const messages = ok(await app.call('favorites:messages', { offset: 0, limit: 500 })).rows;
    return new Set([...chats.map((c) => `chat:${c.jid}`), ...messages.map((m) => `message:${m.id}`)]);
  }

  /** Which account is on screen, by name. */
  async shownAccount(): Promise<AccountName | null> {
    const session = ok(await this.requireApp().call('session:get', undefined));
    if (!session.signedIn) return null;
    return accountNames.find((n) => this.accountId(n) === session.accountId) ?? null;
  }

  outboxStatus(name: AccountName): Promise<OutboxStatus> {
    return this.requireApp().services.outbox.status(this.accountId(name));
  }

  /**
   * Every file under the data dir, to check that no token was ever written to disk. The app keeps writing
   * meanwhile (a backup's partial file is renamed into place): a file gone before it is read is skipped.
   */
  filesContaining(secrets: readonly string[]): string[] {
    const hits: string[] = [];
    const gone = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        try {
          if (statSync(path).isDirectory()) walk(path);
          else {
            const bytes = readFileSync(path);
            for (const secret of secrets) if (bytes.includes(secret)) hits.push(name);
          }
        } catch (error) {
          if (!gone(error)) throw error;
        }
      }
    };
    walk(this.dataDir);
    return hits;
  }

  requireApp(): TestApp {
    if (!this.app) throw new Error('no app in this run');
    return this.app;
  }

  async dispose(): Promise<void> {
    await this.endRun().catch(() => {});
    await this.emulator.stop();
    rmSync(this.templateDir, { recursive: true, force: true });
  }

  private build(): TestApp {
    return buildApp(this.dataDir, {
      clock: this.clock,
      fetch: this.ledger.fetch,
      secretStore: new KeytarSecretStore(this.keychainService),
    });
  }
}
