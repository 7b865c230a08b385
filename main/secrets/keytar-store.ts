import type * as KeytarModule from 'keytar';
import { appError } from '../../preload/contract.ts';
import { AppFailure } from '../core/app-error.ts';
import type { SecretStore } from './secret-store.ts';

type Keytar = typeof KeytarModule;

export const keychainServiceName = 'Ryze Desktop';

/**
 * SecretStore over keytar. Every failure becomes a keychain AppFailure whose code says what to do;
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
      throw keychainFailure(error);
    }
  }
}

/**
 * What keytar's message says went wrong, as the window is told it; the message itself (which never holds
 * the secret) goes to the log as the failure's detail.
 */
export function keychainFailure(error: unknown): AppFailure {
  const raw = error instanceof Error ? error.message : String(error);
  const detail = raw.split('\n')[0]?.slice(0, 300) ?? '';
  const code = /D-Bus|DBus|DISPLAY/i.test(raw)
    ? 'keychainNoService'
    : /collection|locked|unlock|prompt|dismissed/i.test(raw)
      ? 'keychainLocked'
      : /denied|not allowed|authoriz/i.test(raw)
        ? 'keychainDenied'
        : 'keychainFailed';
  return new AppFailure(appError(code), detail);
}
