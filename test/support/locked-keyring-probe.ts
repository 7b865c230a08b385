/**
 * Signs in, locks the keyring, starts the app again, then unlocks it and waits for the app to notice; prints
 * what the app answered at each step as one JSON line. Run inside a private D-Bus session whose GNOME
 * Keyring was unlocked with `password`:
 *   node locked-keyring-probe.ts <dataDir> <baseUrl> <token> <password>
 */
import { buildApp, ok, signIn, waitFor } from './app-harness.ts';
import { ScaledClock } from './scaled-clock.ts';
import { lockKeyring, unlockKeyring } from './keyring-lock.ts';

const [dataDir, baseUrl, token, password] = process.argv.slice(2) as [string, string, string, string];

let app = buildApp(dataDir);
await app.start();
await signIn(app, baseUrl, token, 'support');
await app.close();

lockKeyring();
// 100× faster: the app's own look at the keychain comes within milliseconds instead of seconds.
app = buildApp(dataDir, { clock: new ScaledClock(100) });
const restored = await app.start();
const retriedLocked = ok(await app.call('session:retryKeychain', undefined));
unlockKeyring(password);
// Nobody presses "Try again": unlocking the keychain is enough.
await waitFor(
  async () => ok(await app.call('session:get', undefined)).signedIn,
  10_000,
  'the keychain watch',
);
const retriedUnlocked = ok(await app.call('session:get', undefined));
const chats = await app.call('chats:refresh', undefined);
process.stdout.write(`${JSON.stringify({ restored, retriedLocked, retriedUnlocked, chats })}\n`);
await app.close();
