import { randomUUID } from 'node:crypto';
import { appError } from '../../preload/contract.ts';
import { AppFailure } from '../core/app-error.ts';
import type { Clock } from '../core/clock.ts';
import { RecentSecrets } from './recent-secrets.ts';
import type { SecretStore } from './secret-store.ts';

/** The keychain entry written and removed again to test the keychain; account ids are 32 hex digits. */
const canaryAccount = 'keychain-check';

/**
 * Holds the token of each signed-in account: in the OS keychain, and in memory once read, so the keychain
 * is asked once per account rather than once per request. Nothing here writes a token anywhere else.
 */
export class TokenVault {
  private readonly cache = new Map<string, string>();
  private readonly removed: RecentSecrets;
  private readonly store: SecretStore;

  constructor(store: SecretStore, clock: Clock) {
    this.store = store;
    this.removed = new RecentSecrets(clock);
  }

  async save(accountId: string, token: string): Promise<void> {
    await this.store.set(accountId, token);
    this.cache.set(accountId, token);
  }

  /** The account's token, or null when the keychain has no entry for it (or is locked: see checkUsable). */
  async read(accountId: string): Promise<string | null> {
    const cached = this.cache.get(accountId);
    if (cached !== undefined) return cached;
    const token = await this.store.get(accountId);
    if (token !== null) this.cache.set(accountId, token);
    return token;
  }

  async remove(accountId: string): Promise<void> {
    const token = this.cache.get(accountId);
    if (token !== undefined) this.removed.add(token);
    this.cache.delete(accountId);
    await this.store.delete(accountId);
  }

  /**
   * Throws a keychainUnavailable failure unless the keychain can store and return a secret right now. A
   * locked keyring reads as "no entry" through keytar, but refuses a write ("Cannot create an item in a
   * locked collection"), and on a desktop the write is what asks the user to unlock it.
   */
  async checkUsable(): Promise<void> {
    const probe = randomUUID();
    await this.store.set(canaryAccount, probe);
    try {
      if ((await this.store.get(canaryAccount)) !== probe) {
        throw new AppFailure(
          appError('keychainLocked'),
          'the keychain did not give back what was just stored in it',
        );
      }
    } finally {
      await this.store.delete(canaryAccount).catch(() => false);
    }
  }

  /** Every token held in memory, and those removed in the last minutes, for redaction of logs and errors. */
  knownSecrets(): string[] {
    return [...this.cache.values(), ...this.removed.list()];
  }
}
