/**
 * The OS keychain seen as a small key-value store. Kept this narrow so keytar (archived upstream) can be
 * swapped for a drop-in such as @napi-rs/keyring by changing one file.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}
