import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stringsFor } from '../../main/shell/strings.ts';
import { checkIntervalMs, releasesPage, Updates, type MessageBox } from '../../main/shell/updater.ts';
import { createUpdaterDouble } from '../support/electron-double.ts';

/** Updates against a double of electron-updater's autoUpdater and a pending count the test controls. */
describe('updates', () => {
  const updater = createUpdaterDouble();
  let pending: number;
  let pendingListeners: Set<() => void>;
  let asked: MessageBox[];
  let answers: number[];
  let readyCalls: number;
  let openedReleases: number;

  function updates(overrides: Partial<ConstructorParameters<typeof Updates>[0]> = {}) {
    return new Updates({
      updater: () => updater,
      isPackaged: true,
      selfUpdating: true,
      pending: {
        total: () => pending,
        onChange: (listener) => {
          pendingListeners.add(listener);
          return () => pendingListeners.delete(listener);
        },
      },
      strings: () => stringsFor('en'),
      ask: (box) => {
        asked.push(box);
        return Promise.resolve(answers.shift() ?? 0);
      },
      openReleases: () => openedReleases++,
      log: { info: () => {}, warn: () => {} },
      onReady: () => readyCalls++,
      ...overrides,
    });
  }
  const setPending = (n: number) => {
    pending = n;
    for (const listener of [...pendingListeners]) listener();
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    updater.reset();
    pending = 0;
    pendingListeners = new Set();
    asked = [];
    answers = [];
    readyCalls = 0;
    openedReleases = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('never checks when running from source, and says why when asked', async () => {
    const u = updates({ isPackaged: false });
    u.start();
    await u.checkNow();
    expect(updater.checks).toBe(0);
    expect(updater.listeners('update-downloaded')).toBe(0);
    expect(asked.map((b) => b.message)).toEqual(['Updates are checked only in the installed app.']);
  });

  it('when installed, checks at start and every few hours, downloading in the background', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const u = updates();
    u.start();
    expect(updater.checks).toBe(1);
    expect(updater.autoDownload).toBe(true);
    await vi.advanceTimersByTimeAsync(checkIntervalMs);
    expect(updater.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(checkIntervalMs);
    expect(updater.checks).toBe(3);
    expect(checkIntervalMs).toBeLessThanOrEqual(6 * 60 * 60 * 1000);
    // Background checks are silent.
    updater.emit('update-not-available', { version: '0.1.0' });
    await settle();
    expect(asked).toEqual([]);
    u.stop();
  });

  it('offers a restart once downloaded, and restarts at once when nothing is pending', async () => {
    const u = updates();
    u.start();
    updater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    expect(readyCalls).toBe(1);
    expect(u.ready).toBe(true);
    expect(asked[0]).toMatchObject({
      message: 'Version 0.2.0 is ready to install.',
      buttons: ['Restart Now', 'Later'],
    });
    expect(updater.installs).toBe(1);
    u.stop();
  });

  it('"Later" installs nothing until the user restarts from the menu', async () => {
    answers = [1];
    const u = updates();
    u.start();
    updater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    expect(updater.installs).toBe(0);
    await u.restart();
    expect(updater.installs).toBe(1);
    u.stop();
  });

  it('never restarts while favorite changes are being sent: says how many, restarts when the last is sent', async () => {
    pending = 3;
    const u = updates();
    u.start();
    updater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    expect(updater.installs).toBe(0);
    expect(asked[1]).toMatchObject({ message: '3 favorite changes are still being sent.' });
    expect(asked[1]?.detail).toMatch(/as soon as they are sent/);

    setPending(1);
    expect(updater.installs).toBe(0);
    await u.restart(); // asking again while waiting does not restart either
    expect(updater.installs).toBe(0);
    expect(asked[2]?.message).toBe('1 favorite change is still being sent.');
    setPending(0);
    expect(updater.installs).toBe(1);
    setPending(0);
    expect(updater.installs).toBe(1);
    u.stop();
  });

  it('"Check for Updates…" says what it found: up to date, downloading, or why it failed', async () => {
    const u = updates();
    u.start();
    updater.nextCheck = () => {
      updater.emit('update-not-available', { version: '0.1.0' });
      return Promise.resolve(null);
    };
    await u.checkNow();
    updater.nextCheck = () => {
      updater.emit('update-available', { version: '0.2.0' });
      return Promise.resolve(null);
    };
    await u.checkNow();
    updater.nextCheck = () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await u.checkNow();
    await settle();
    expect(asked.map((b) => b.message)).toEqual([
      'Ryze Desktop 0.1.0 is the latest version.',
      'Version 0.2.0 is being downloaded.',
      'Ryze Desktop could not check for updates.',
    ]);
    expect(asked[2]?.detail).toContain('net::ERR_INTERNET_DISCONNECTED');
    u.stop();
  });

  it('a .deb install downloads nothing and points to the new package, once per version', async () => {
    const u = updates({ selfUpdating: false });
    u.start();
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    updater.emit('update-available', { version: '0.2.0' });
    await settle();
    expect(asked[0]).toMatchObject({
      message: 'Version 0.2.0 is available.',
      buttons: ['Open the Releases Page', 'Later'],
    });
    expect(asked[0]?.detail).toMatch(/\.deb/);
    expect(openedReleases).toBe(1);
    updater.emit('update-available', { version: '0.2.0' }); // the next periodic check
    await settle();
    expect(asked).toHaveLength(1);
    u.stop();
  });

  it('speaks the UI’s language', async () => {
    const u = updates({ strings: () => stringsFor('pt-BR'), isPackaged: false });
    await u.checkNow();
    expect(asked[0]?.message).toBe('Atualizações são procuradas só no app instalado.');
  });

  it('finds the releases page of the feed the build was made with', () => {
    expect(releasesPage('owner: ryze-org\nrepo: ryze-desktop\nprovider: github\n')).toBe(
      'https://github.com/ryze-org/ryze-desktop/releases/latest',
    );
    expect(releasesPage('provider: generic\nurl: https://example.com/\n')).toBeNull();
    expect(releasesPage('owner: a/b\nrepo: c\nprovider: github\n')).toBeNull();
  });
});
