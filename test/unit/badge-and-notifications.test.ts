import { beforeEach, describe, expect, it, vi } from 'vitest';

const double = await vi.hoisted(async () =>
  (await import('../support/electron-double.ts')).createElectronDouble(),
);
vi.mock('electron', () => double.module);

const { PendingBadge } = await import('../../main/shell/badge.ts');
const { notifyRefused } = await import('../../main/shell/notifications.ts');
const { stringsFor } = await import('../../main/shell/strings.ts');
const { BrowserWindow } = double.module;

describe('the pending-changes badge', () => {
  beforeEach(() => double.reset());

  const badge = (platform: NodeJS.Platform, window: InstanceType<typeof BrowserWindow> | null = null) =>
    new PendingBadge({
      platform,
      window: () => window as never,
      describe: (n) => stringsFor('en').pendingBadge(n),
    });

  it('follows the count on the Dock (macOS) and the launcher (Linux), clearing at zero', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      double.reset();
      const b = badge(platform);
      for (const n of [2, 5, 5, 0]) b.show(n);
      expect(double.rec.badgeCounts).toEqual([2, 5, 0]);
    }
  });

  it('on Windows, overlays the taskbar button with a dot described by the count, removed at zero', () => {
    const window = new BrowserWindow({ width: 800, height: 600 });
    const b = badge('win32', window);
    b.show(3);
    b.show(1);
    b.show(0);
    expect(window.overlays.map((o) => [o.image !== null, o.description])).toEqual([
      [true, '3 changes waiting to be sent'],
      [true, '1 change waiting to be sent'],
      [false, ''],
    ]);
    expect(double.rec.badgeCounts).toEqual([]);
  });

  it('is applied again to a new window, or when its description changes language', () => {
    const window = new BrowserWindow({ width: 800, height: 600 });
    const b = badge('win32', window);
    b.show(2);
    b.show(2, true);
    expect(window.overlays).toHaveLength(2);
  });
});

describe('the notification for a refused change', () => {
  beforeEach(() => double.reset());
  const change = { target: 'message', name: { chat: 'Ana', message: 'old news' }, accountId: 'a1' } as const;

  it('is sent from main when the window is not focused, and clicking it brings the window back', () => {
    const window = new BrowserWindow({ width: 800, height: 600 });
    const onClick = vi.fn();
    expect(notifyRefused(change, { window: window as never, strings: stringsFor('en'), onClick })).toBe(true);
    const [sent] = double.rec.notifications;
    expect(sent?.shown).toBe(true);
    expect(sent?.options).toEqual({
      title: 'A change could not be made',
      body: 'The server refused the star on “old news” (Ana). The status bar says why; you can retry it there.',
    });
    sent?.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('is not sent while the user is looking at the window (the window lists it), nor where unsupported', () => {
    const window = new BrowserWindow({ width: 800, height: 600 });
    window.focus();
    expect(
      notifyRefused(change, { window: window as never, strings: stringsFor('en'), onClick: () => {} }),
    ).toBe(false);
    double.state.notificationsSupported = false;
    expect(notifyRefused(change, { window: null, strings: stringsFor('en'), onClick: () => {} })).toBe(false);
    expect(double.rec.notifications).toEqual([]);
  });

  it('speaks the UI’s language, and is sent when the window is closed (macOS keeps running)', () => {
    expect(notifyRefused(change, { window: null, strings: stringsFor('pt-BR'), onClick: () => {} })).toBe(
      true,
    );
    expect(double.rec.notifications[0]?.options.title).toBe('Uma alteração não pôde ser feita');
  });
});
