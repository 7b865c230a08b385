import { execFileSync } from 'node:child_process';

/**
 * Locks and unlocks the GNOME Keyring of this process's D-Bus session (the private one of
 * scripts/with-test-keyring.sh, or a test's own), for tests of a keychain locked while the app runs.
 * Never leave it locked: keytar's findCredentials crashes the process on a locked keyring.
 */
export function lockKeyring(): void {
  execFileSync('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    'array:objpath:/org/freedesktop/secrets/collection/login',
  ]);
}

/**
 * What a user does in Passwords and Keys: the same daemon unlocks, as on a desktop (a replaced daemon
 * would not do: libsecret keeps talking to the old one). Debian's python3, with python3-dbus.
 */
export function unlockKeyring(password = process.env.RYZE_TEST_KEYRING_PASSWORD ?? ''): void {
  execFileSync('/usr/bin/python3', ['test/support/unlock-keyring.py'], { input: password });
}
