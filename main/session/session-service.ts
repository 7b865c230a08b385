import type { InstanceSummary, KeychainHealth, Session } from '../../preload/contract.ts';
import { ApiFailure } from '../api/api-failure.ts';
import { RateBudget } from '../api/rate-budget.ts';
import { normalizeBaseUrl, RyzeClient, type RyzeClientOptions } from '../api/ryze-client.ts';
import { AppFailure } from '../core/app-error.ts';
import type { Clock } from '../core/clock.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { TokenVault } from '../secrets/token-vault.ts';
import type { AccountsRepo } from '../store/accounts-repo.ts';
import { accountIdOf, type AccountContext } from './account-context.ts';

export interface SessionServiceDeps {
  accounts: AccountsRepo;
  vault: TokenVault;
  clock: Clock;
  emit: EventSink;
  fetch?: typeof fetch;
  reachability?: RyzeClientOptions['reachability'];
  /** Called when an account becomes active (sign-in, restore) or inactive (sign-out), to start/stop work. */
  onAccountChange: (context: AccountContext | null) => void;
}

interface PendingSignIn {
  baseUrl: string;
  token: string;
  instances: InstanceSummary[];
  client: RyzeClient;
  budget: RateBudget;
}

/**
 * Sign-in, restore and sign-out. The token enters here once, from the sign-in form, and from then on
 * lives in the keychain and in this process's memory; nothing returned to the renderer can carry it.
 */
export class SessionService {
  private readonly deps: SessionServiceDeps;
  private pending: PendingSignIn | null = null;
  private active: AccountContext | null = null;
  private keychain: KeychainHealth = { available: true };

  constructor(deps: SessionServiceDeps) {
    this.deps = deps;
  }

  get context(): AccountContext | null {
    return this.active;
  }

  requireContext(): AccountContext {
    if (!this.active) throw new AppFailure('notSignedIn', 'Sign in to continue.');
    return this.active;
  }

  /** Restores the last signed-in account from the store and the keychain, without asking the user. */
  async restore(): Promise<Session> {
    const id = this.deps.accounts.currentId();
    const account = id ? this.deps.accounts.get(id) : null;
    if (!account) return this.snapshot();
    let token: string | null;
    try {
      token = await this.deps.vault.read(account.id);
      this.keychain = { available: true };
    } catch (error) {
      // Keep the account: once the keychain is back, the next start signs in again by itself.
      this.keychain = { available: false, reason: (error as Error).message };
      return this.snapshot();
    }
    if (token === null) {
      this.deps.accounts.setCurrent(null);
      return this.snapshot();
    }
    const budget = new RateBudget(this.deps.clock);
    const client = this.newClient(account.baseUrl, token, budget);
    this.activate({
      accountId: account.id,
      baseUrl: account.baseUrl,
      instance: account.instance,
      client,
      budget,
    });
    return this.snapshot();
  }

  snapshot(): Session {
    const a = this.active;
    return a
      ? {
          signedIn: true,
          keychain: this.keychain,
          accountId: a.accountId,
          baseUrl: a.baseUrl,
          instance: a.instance,
        }
      : { signedIn: false, keychain: this.keychain };
  }

  /** Checks the token against the API and lists the instances it can use; nothing is saved yet. */
  async beginSignIn(baseUrlInput: string, token: string): Promise<{ instances: InstanceSummary[] }> {
    const baseUrl = normalizeBaseUrl(baseUrlInput);
    const budget = new RateBudget(this.deps.clock);
    const client = this.newClient(baseUrl, token, budget);
    this.pending = null;
    const instances = (await client.listInstances()).filter((i) => i.name !== '');
    if (instances.length === 0) {
      throw new ApiFailure('notFound', 'This token has no instances. Create one in RyzeAPI first.', 404);
    }
    this.pending = { baseUrl, token, instances, client, budget };
    return { instances };
  }

  /** Saves the token in the keychain under the chosen instance and makes it the active account. */
  async chooseInstance(name: string): Promise<Session> {
    const pending = this.pending;
    if (!pending) throw new AppFailure('notSignedIn', 'The sign-in expired. Enter your token again.');
    const instance = pending.instances.find((i) => i.name === name);
    if (!instance)
      throw new AppFailure('invalidArgument', `There is no instance named "${name}" for this token.`);
    const accountId = accountIdOf(pending.baseUrl, instance.name);
    try {
      await this.deps.vault.save(accountId, pending.token);
      this.keychain = { available: true };
    } catch (error) {
      if (error instanceof AppFailure) this.keychain = { available: false, reason: error.message };
      throw error;
    }
    this.deps.accounts.save({ id: accountId, baseUrl: pending.baseUrl, instance }, this.deps.clock.now());
    this.deps.accounts.setCurrent(accountId);
    this.pending = null;
    this.activate({
      accountId,
      baseUrl: pending.baseUrl,
      instance,
      client: pending.client,
      budget: pending.budget,
    });
    return this.snapshot();
  }

  /** Every token this process holds (signed in, or mid sign-in), so logs and errors can strip them. */
  secrets(): string[] {
    return this.pending
      ? [...this.deps.vault.knownSecrets(), this.pending.token]
      : this.deps.vault.knownSecrets();
  }

  cancelSignIn(): void {
    this.pending = null;
  }

  /**
   * Forgets the token (keychain entry removed) and leaves the account. The account's store, including
   * changes still queued, stays on disk and resumes if the same account signs in again.
   */
  async signOut(): Promise<Session> {
    const active = this.active;
    if (active) {
      await this.deps.vault.remove(active.accountId);
      this.deps.accounts.setCurrent(null);
      this.active = null;
      this.deps.onAccountChange(null);
      this.deps.emit('session:changed', this.snapshot());
    }
    return this.snapshot();
  }

  /** Keeps the instance's connection state in the session fresh (from the API or live events). */
  updateInstance(instance: InstanceSummary): void {
    const a = this.active;
    if (!a || a.instance.name !== instance.name) return;
    this.active = { ...a, instance };
    this.deps.accounts.save({ id: a.accountId, baseUrl: a.baseUrl, instance }, this.deps.clock.now());
    this.deps.emit('session:changed', this.snapshot());
  }

  private activate(context: AccountContext): void {
    this.active = context;
    this.deps.onAccountChange(context);
    this.deps.emit('session:changed', this.snapshot());
  }

  private newClient(baseUrl: string, token: string, budget: RateBudget): RyzeClient {
    return new RyzeClient({
      baseUrl,
      token,
      budget,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(this.deps.reachability ? { reachability: this.deps.reachability } : {}),
    });
  }
}
