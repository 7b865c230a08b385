import { createApp } from '../../main/app.ts';
import { KeytarSecretStore, keychainServiceName } from '../../main/secrets/keytar-store.ts';
import type { RequestArgs, RequestChannel, RequestResult } from '../../preload/contract.ts';

/** The only caller the seeding services accept: this script, standing in for the app's window. */
const seeder = { url: 'ryze-demo:seed', isMainFrame: true };

/**
 * Signs the app in ahead of time, exactly as a person would in its window: the services the app runs
 * (createApp), the app's own keychain entry ('Ryze Desktop') and its data dir. When Electron then starts
 * over the same data dir, it restores this session and opens straight onto the chat list.
 */
export async function seedSignIn(options: {
  dataDir: string;
  baseUrl: string;
  token: string;
  instance: string;
  /** The keychain service; the app's own unless a test keeps to its own entry. */
  service?: string;
}): Promise<void> {
  const app = createApp({
    dataDir: options.dataDir,
    secretStore: new KeytarSecretStore(options.service ?? keychainServiceName),
    isTrustedCaller: (caller) => caller.url === seeder.url && caller.isMainFrame,
  });
  const call = async <C extends RequestChannel>(channel: C, args: RequestArgs<C>) => {
    const result = await app.router.handle(channel, args, seeder);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as RequestResult<C>;
  };
  try {
    await call('session:beginSignIn', { baseUrl: options.baseUrl, token: options.token });
    await call('session:chooseInstance', { instance: options.instance });
  } finally {
    await app.close();
  }
}

/** Removes the demo's keychain entry again (the data dir goes with the temporary folder). */
export async function forgetSignIn(accountId: string, service = keychainServiceName): Promise<void> {
  await new KeytarSecretStore(service).delete(accountId);
}
