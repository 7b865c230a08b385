import type { SecretStore } from './secret-store.ts';

/**
 * Holds the token of each signed-in account: in the OS keychain, and in memory once read, so the keychain
 * is asked once per account rather than once per request. Nothing here writes a token anywhere else.
 */
export class TokenVault {
  private readonly cache = new Map<string, string>();
  private readonly store: SecretStore;

  constructor(store: SecretStore) {
    this.store = store;
  }

  async save(accountId: string, token: string): Promise<void> {
    await this.store.set(accountId, token);
    this.cache.set(accountId, token);
  }

  async read(accountId: string): Promise<string | null> {
    const cached = this.cache.get(accountId);
    if (cached !== undefined) return cached;
    const token = await this.store.get(accountId);
    if (token !== null) this.cache.set(accountId, token);
    return token;
  }

  async remove(accountId: string): Promise<void> {
    this.cache.delete(accountId);
    await this.store.delete(accountId);
  }

  /** Every token held in memory, for redaction of logs and errors. */
  knownSecrets(): string[] {
    return [...this.cache.values()];
  }
}
