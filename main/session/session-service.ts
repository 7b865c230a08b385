import { createHash } from 'node:crypto';
import type {
  AccountSummary,
  AppNotice,
  InstanceSummary,
  KeychainHealth,
  Session,
} from '../../preload/contract.ts';
import { ApiFailure, httpFailure } from '../api/api-failure.ts';
import { RateBudget } from '../api/rate-budget.ts';
import { normalizeBaseUrl, RyzeClient, type RyzeClientOptions } from '../api/ryze-client.ts';
import { AppFailure, fail, toAppError } from '../core/app-error.ts';
import type { Clock } from '../core/clock.ts';
import type { EventSink } from '../core/event-sink.ts';
import { RecentSecrets } from '../secrets/recent-secrets.ts';
import type { TokenVault } from '../secrets/token-vault.ts';
import { checkBaseUrl, ryzeApiBaseUrl } from '../../preload/base-url.ts';
import type { AccountRecord } from '../store/accounts-repo.ts';
import type { Store } from '../store/store-client.ts';
import { accountIdOf, type AccountContext } from './account-context.ts';

export interface SessionServiceDeps {
  store: Store;
  vault: TokenVault;
  clock: Clock;
  emit: EventSink;
  fetch?: typeof fetch;
  reachability?: RyzeClientOptions['reachability'];
  /** Told what the keychain said when it could not be used (the window gets only the error's code). */
  onKeychainFailure?: (error: unknown) => void;
  /**
   * Called whenever the signed-in accounts or the one on screen change, so background work (outbox
   * draining for every signed-in account, the live socket for the shown one) can follow.
   */
  onAccountsChange: (active: AccountContext | null, signedIn: readonly AccountContext[]) => void;
  /** The user signed in to an account (again, perhaps without signing out): what held its changes may be fixed. */
  onSignedIn?: (accountId: string) => void;
  /** Deletes what this computer holds for a signed-out account, when the user asks for that. */
  removeLocalData?: (accountId: string) => void | Promise<void>;
}

interface PendingSignIn {
  baseUrl: string;
  token: string;
  instances: InstanceSummary[];
  client: RyzeClient;
}

/**
 * Sign-in, restore, switching and sign-out, for any number of accounts (a server and an instance each).
 * The token enters here once, from the sign-in form, and from then on lives in the keychain and in this
 * process's memory; nothing returned to the renderer can carry it.
 */
export class SessionService {
  private readonly deps: SessionServiceDeps;
  private pending: PendingSignIn | null = null;
  private readonly signedIn = new Map<string, AccountContext>();
  private active: AccountContext | null = null;
  private keychain: KeychainHealth = { available: true };
  /** Looks at the keychain again now and then while accounts wait for it, so unlocking it is enough. */
  private keychainWatch: AbortController | null = null;
  /** One budget per token: the server counts requests per token, whichever instance they name. */
  private readonly budgets = new Map<string, RateBudget>();
  /** Tokens typed into the sign-in form, from the moment they arrive until minutes after they are dropped. */
  private readonly typed: RecentSecrets;
  /** What to tell the user about the store (moved aside, or could not be opened), once it is known. */
  private storeNotice: AppNotice | null = null;

  constructor(deps: SessionServiceDeps) {
    this.deps = deps;
    this.typed = new RecentSecrets(deps.clock);
  }

  get context(): AccountContext | null {
    return this.active;
  }

  requireContext(): AccountContext {
    if (!this.active) throw fail('notSignedIn');
    return this.active;
  }

  /**
   * Restores every account whose token the keychain still holds, and shows the one used last,
   * without asking the user anything. Run again (retryKeychain) once the user unlocked the keychain.
   */
  async restore(): Promise<Session> {
    const lastId = await this.deps.store.call('accounts.currentId');
    // An address the policy now refuses is never sent the token again: that account stays signed out.
    const accounts = (await this.deps.store.call('accounts.all')).filter(
      (a) => !this.signedIn.has(a.id) && checkBaseUrl(a.baseUrl).ok,
    );
    let read = 0;
    let checked = false;
    try {
      for (const account of accounts) {
        let token = await this.deps.vault.read(account.id);
        if (token === null && !checked) {
          // A locked keyring reads as "no entry", yet this account was signed in: make sure the keychain
          // can be used before taking the missing entry as a sign-out.
          checked = true;
          await this.deps.vault.checkUsable();
          token = await this.deps.vault.read(account.id);
        }
        if (token !== null) this.signedIn.set(account.id, this.contextFor(account, token));
        read++;
      }
      this.keychain = { available: true };
    } catch (error) {
      // Keep the accounts: once the keychain opens, trying again (or the next start) signs them in.
      this.deps.onKeychainFailure?.(error);
      this.keychain = { available: false, error: toAppError(error), waiting: accounts.length - read };
    }
    const shown =
      this.active ?? ((lastId && this.signedIn.get(lastId)) || this.signedIn.values().next().value || null);
    await this.show(shown);
    if (!this.keychain.available && this.keychain.waiting > 0) this.watchKeychain();
    return this.snapshot();
  }

  /**
   * Accounts (and their queued changes) wait for a locked keychain: read it again with growing pauses
   * until it opens, so the user only has to unlock it. "Try again" does the same at once.
   */
  private watchKeychain(): void {
    if (this.keychainWatch) return;
    const watch = new AbortController();
    this.keychainWatch = watch;
    void (async () => {
      for (let attempt = 0; !watch.signal.aborted && !this.keychain.available; attempt++) {
        await this.deps.clock.sleep(Math.min(120_000, 5_000 * 2 ** attempt), watch.signal);
        if (!watch.signal.aborted) await this.restore().catch(() => {});
      }
    })().finally(() => {
      if (this.keychainWatch === watch) this.keychainWatch = null;
    });
  }

  /** Stops looking at the keychain (the app is closing). */
  stop(): void {
    this.keychainWatch?.abort();
  }

  /** The user unlocked the keychain: read it again. */
  retryKeychain(): Promise<Session> {
    return this.restore();
  }

  /** What the window should say about the local store (set once the store worker has opened it, or failed to). */
  setStoreNotice(notice: AppNotice | null): void {
    this.storeNotice = notice;
  }

  snapshot(): Session {
    const a = this.active;
    const storeNotice = this.storeNotice;
    return a
      ? {
          signedIn: true,
          keychain: this.keychain,
          storeNotice,
          accountId: a.accountId,
          baseUrl: a.baseUrl,
          instance: a.instance,
        }
      : { signedIn: false, keychain: this.keychain, storeNotice };
  }

  /** The signed-in accounts, for the account switcher; `pendingOf` counts each one's waiting changes. */
  async list(pendingOf: (accountIds: string[]) => Promise<number[]>): Promise<AccountSummary[]> {
    const contexts = [...this.signedIn.values()];
    const pending = await pendingOf(contexts.map((c) => c.accountId));
    return contexts.map((c, i) => ({
      accountId: c.accountId,
      baseUrl: c.baseUrl,
      instance: c.instance,
      active: c.accountId === this.active?.accountId,
      pending: pending[i] ?? 0,
    }));
  }

  async switchTo(accountId: string): Promise<Session> {
    const context = this.signedIn.get(accountId);
    if (!context) throw fail('accountNotSignedIn');
    await this.show(context);
    return this.snapshot();
  }

  /** Instances the shown account's token can use (several for an account token). */
  async instances(): Promise<InstanceSummary[]> {
    return this.requireContext().client.listInstances();
  }

  /** Opens another instance with the shown account's token: a TokenAccount reaches all its instances. */
  async openInstance(name: string): Promise<Session> {
    const current = this.requireContext();
    const instance = (await current.client.listInstances()).find((i) => i.name === name);
    if (!instance) throw fail('noSuchInstance', { instance: name });
    const token = await this.deps.vault.read(current.accountId);
    if (token === null) throw fail('tokenMissing');
    await this.addAccount(current.baseUrl, token, instance);
    return this.snapshot();
  }

  /**
   * Checks the token against the API and lists the instances it can use; nothing is saved yet. The
   * address is checked first (no request goes to one the policy refuses), and a server not yet known to be
   * RyzeAPI does not get its words passed on: otherwise the page could use sign-in to read any server.
   */
  async beginSignIn(baseUrlInput: string, token: string): Promise<{ instances: InstanceSummary[] }> {
    const baseUrl = normalizeBaseUrl(baseUrlInput);
    this.cancelSignIn();
    this.typed.add(token);
    const client = this.newClient(baseUrl, token);
    let instances: InstanceSummary[];
    try {
      instances = (await client.listInstances()).filter((i) => i.name !== '');
    } catch (error) {
      throw (await this.isKnownServer(baseUrl)) ? error : withoutServerWords(error);
    } finally {
      // Kept for redaction from now on, counted from when the answer came.
      this.typed.add(token);
    }
    if (instances.length === 0) {
      throw fail('noInstances');
    }
    this.pending = { baseUrl, token, instances, client };
    return { instances };
  }

  /** Saves the token in the keychain under the chosen instance and shows that account. */
  async chooseInstance(name: string): Promise<Session> {
    const pending = this.pending;
    if (!pending) throw fail('signInExpired');
    const instance = pending.instances.find((i) => i.name === name);
    if (!instance) throw fail('noSuchInstance', { instance: name });
    await this.addAccount(pending.baseUrl, pending.token, instance);
    this.pending = null;
    return this.snapshot();
  }

  /**
   * Every token this process holds (signed in, mid sign-in, or let go of in the last minutes), so logs
   * and errors can strip them.
   */
  secrets(): string[] {
    const known = [...this.deps.vault.knownSecrets(), ...this.typed.list()];
    return this.pending ? [...known, this.pending.token] : known;
  }

  cancelSignIn(): void {
    if (this.pending) this.typed.add(this.pending.token);
    this.pending = null;
  }

  /**
   * Forgets the shown account's token (keychain entry removed) and shows another signed-in account, if
   * any. The account's store, including changes still queued, stays on disk and resumes if it signs in
   * again, unless `removeLocalData` asks to delete it (its pending changes are then never sent).
   */
  async signOut(removeLocalData = false): Promise<Session> {
    const active = this.active;
    if (!active) return this.snapshot();
    await this.deps.vault.remove(active.accountId);
    this.signedIn.delete(active.accountId);
    if (removeLocalData) await this.deps.removeLocalData?.(active.accountId);
    const next = this.signedIn.values().next().value ?? null;
    if (!next) await this.deps.store.call('accounts.setCurrent', null);
    await this.show(next);
    return this.snapshot();
  }

  /**
   * Keeps an account's connection state fresh (from the API or live events): at once in memory and on
   * screen, then in the store (resolves once saved).
   */
  async updateInstance(accountId: string, instance: InstanceSummary): Promise<void> {
    const context = this.signedIn.get(accountId);
    if (!context) return;
    const updated = { ...context, instance };
    this.signedIn.set(accountId, updated);
    if (this.active?.accountId === accountId) {
      this.active = updated;
      this.deps.emit('session:changed', this.snapshot());
    }
    await this.deps.store.call(
      'accounts.save',
      { id: accountId, baseUrl: context.baseUrl, instance },
      this.deps.clock.now(),
    );
  }

  private async addAccount(baseUrl: string, token: string, instance: InstanceSummary): Promise<void> {
    const accountId = accountIdOf(baseUrl, instance.name);
    try {
      await this.deps.vault.save(accountId, token);
      this.keychain = { available: true };
    } catch (error) {
      if (error instanceof AppFailure) {
        this.deps.onKeychainFailure?.(error);
        const waiting = this.keychain.available ? 0 : this.keychain.waiting;
        this.keychain = { available: false, error: error.error, waiting };
      }
      throw error;
    }
    const record: AccountRecord = { id: accountId, baseUrl, instance };
    await this.deps.store.call('accounts.save', record, this.deps.clock.now());
    const context = this.contextFor(record, token);
    this.signedIn.set(accountId, context);
    await this.show(context);
    this.deps.onSignedIn?.(accountId);
  }

  private async show(context: AccountContext | null): Promise<void> {
    this.active = context;
    // Remember the shown account; with none (keychain locked, say) keep the memory for the next start.
    if (context) await this.deps.store.call('accounts.setCurrent', context.accountId);
    this.deps.onAccountsChange(context, [...this.signedIn.values()]);
    this.deps.emit('session:changed', this.snapshot());
  }

  /** RyzeAPI itself, or a server an account on this computer signed in to. */
  private async isKnownServer(baseUrl: string): Promise<boolean> {
    if (baseUrl === ryzeApiBaseUrl) return true;
    return (await this.deps.store.call('accounts.all')).some((a) => {
      const check = checkBaseUrl(a.baseUrl);
      return check.ok && check.url === baseUrl;
    });
  }

  private contextFor(account: AccountRecord, token: string): AccountContext {
    const client = this.newClient(account.baseUrl, token);
    return {
      accountId: account.id,
      baseUrl: account.baseUrl,
      instance: account.instance,
      client,
      budget: client.budget,
    };
  }

  private newClient(baseUrl: string, token: string): RyzeClient {
    const key = createHash('sha256').update(`${baseUrl}\n${token}`).digest('hex');
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = new RateBudget(this.deps.clock);
      this.budgets.set(key, budget);
    }
    return new RyzeClient({
      baseUrl,
      token,
      budget,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(this.deps.reachability ? { reachability: this.deps.reachability } : {}),
    });
  }
}

/**
 * An HTTP error from a server not yet known to be RyzeAPI: its code and status say enough to act on, and
 * nothing the server wrote reaches the page. Failures that carry no server text (network, redirect) pass
 * unchanged.
 */
function withoutServerWords(error: unknown): unknown {
  if (!(error instanceof ApiFailure) || error.status < 400) return error;
  const refusedToken = error.status === 401 || error.status === 403;
  return httpFailure(refusedToken ? 'unknownServerRefusedToken' : 'notRyzeApi', error.status, '');
}
