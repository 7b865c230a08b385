/**
 * Tries to sign in, in a process whose keychain situation the caller arranged (no D-Bus, a locked
 * keyring…), and prints what the app answered as one JSON line. Run: node keychain-probe.ts <dataDir> <baseUrl> <token>
 */
import { buildApp, ok } from './app-harness.ts';

const [dataDir, baseUrl, token] = process.argv.slice(2) as [string, string, string];
const app = buildApp(dataDir);
const restored = await app.start();
ok(await app.call('session:beginSignIn', { baseUrl, token }));
const chosen = await app.call('session:chooseInstance', { instance: 'support' });
const session = ok(await app.call('session:get', undefined));
process.stdout.write(`${JSON.stringify({ restored, chosen, session })}\n`);
await app.close();
