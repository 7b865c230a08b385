import type * as KeytarModule from 'keytar';
import { AppFailure } from '../core/app-error.ts';
import type { SecretStore } from './secret-store.ts';

type Keytar = typeof KeytarModule;

export const keychainServiceName = 'Ryze Desktop';

/**
 * SecretStore over keytar. Every failure becomes a 'keychainUnavailable' AppFailure that says what to do;
 * there is deliberately no fallback to a file.
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null;
  private readonly service: string;

  constructor(service: string = keychainServiceName) {
    this.service = service;
  }

  async get(account: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, account));
  }

  async set(account: string, secret: string): Promise<void> {
    await this.call((k) => k.setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, account));
  }

  private async call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      // Loaded on first use so a missing or broken native module is reported like any keychain failure.
      this.keytar ??= import('keytar').then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar);
      return await operation(await this.keytar);
    } catch (error) {
      throw new AppFailure('keychainUnavailable', describeKeychainError(error));
    }
  }
}

/** keytar's messages name the missing piece; keep them (they never include the secret) and add a fix. */
export function describeKeychainError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const detail = raw.split('\n')[0]?.slice(0, 300) ?? '';
  if (/D-Bus|DBus|DISPLAY/i.test(raw)) {
    return `No Secret Service is running (${detail}). On Linux, log in to a desktop session with GNOME Keyring or KWallet running.`;
  }
  if (/collection|locked|unlock|prompt|dismissed/i.test(raw)) {
    return `The keyring is locked or has no default collection (${detail}). Unlock your login keyring and try again.`;
  }
  if (/denied|not allowed|authoriz/i.test(raw)) {
    return `Access to the keychain was denied (${detail}). Allow Ryze Desktop to use the keychain and try again.`;
  }
  return `The system keychain could not be used (${detail}).`;
}
