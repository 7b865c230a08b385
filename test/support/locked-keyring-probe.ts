/**
 * Signs in, locks the keyring, starts the app again, then unlocks it and asks the app to try again; prints
 * what the app answered at each step as one JSON line. Run inside a private D-Bus session whose GNOME
 * Keyring was unlocked with `password`:
 *   node locked-keyring-probe.ts <dataDir> <baseUrl> <token> <password>
 */
import { buildApp, ok, signIn } from './app-harness.ts';
import { lockKeyring, unlockKeyring } from './keyring-lock.ts';

const [dataDir, baseUrl, token, password] = process.argv.slice(2) as [string, string, string, string];

let app = buildApp(dataDir);
await app.start();
await signIn(app, baseUrl, token, 'support');
await app.close();

lockKeyring();
app = buildApp(dataDir);
const restored = await app.start();
const retriedLocked = ok(await app.call('session:retryKeychain', undefined));
unlockKeyring(password);
const retriedUnlocked = ok(await app.call('session:retryKeychain', undefined));
const chats = await app.call('chats:refresh', undefined);
process.stdout.write(`${JSON.stringify({ restored, retriedLocked, retriedUnlocked, chats })}\n`);
await app.close();
