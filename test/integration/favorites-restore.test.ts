import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolderName } from '../../main/backup/backup-folder.ts';
import { storeFileName } from '../../main/store/database.ts';
import type { FavoriteTarget } from '../../preload/contract.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, forgetTestTokens, ok, signIn, waitFor, type TestApp } from '../support/app-harness.ts';
import { starredInApp, starredOnServer } from '../support/favorites-view.ts';
import { storeDamages } from '../support/store-damage.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('favorites come back after the store is found damaged', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp | null = null;

  beforeEach(async () => {
    emulator = createEmulator({ contacts: 30, bigChatMessages: 160 });
    await emulator.start();
    dir = tempDir('ryze-restore-');
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  const open = async () => {
    app = buildApp(dir.path, { backup: { settleMs: 20, minIntervalMs: 0 } });
    await app.start();
    return app;
  };
  const pending = async (a: TestApp) => ok(await a.call('outbox:status', undefined)).pending;

  for (const [damage, inflict] of Object.entries(storeDamages)) {
    it(`from the newest backup, with the user told, after ${damage}`, async () => {
      let a = await open();
      await signIn(a, emulator.baseUrl, emulator.accountToken, 'support');
      ok(await a.call('chats:refresh', undefined));
      const chat = emulator.bigChatJid;
      // Two pages of history: the stars are on messages well below the chat's newest page.
      ok(await a.call('messages:loadOlder', { chatJid: chat }));
      ok(await a.call('messages:loadOlder', { chatJid: chat }));
      const page = ok(await a.call('messages:page', { chatJid: chat, offset: 0, limit: 500 }));
      const newest = page.rows.at(-1)!;
      const chats = ok(await a.call('chats:page', { offset: 0, limit: 3 })).rows;
      const targets: FavoriteTarget[] = [
        ...chats.map((c) => ({ kind: 'chat' as const, chatJid: c.jid })),
        ...page.rows.slice(0, 4).map((m) => ({ kind: 'message' as const, chatJid: chat, messageId: m.id })),
      ];
      // The backup that holds all seven stars is written after they are set.
      const starringFrom = Date.now();
      for (const target of targets) ok(await a.call('favorites:set', { target, favorite: true }));
      await waitFor(async () => (await pending(a)) === 0, 20_000, 'the stars to be sent');
      const starred = await starredInApp(a);
      expect(starred).toHaveLength(7);
      await a.close(); // closing writes what is not backed up yet
      const closedAt = Date.now();
      app = null;

      // A backup never holds a token.
      const folder = join(dir.path, backupFolderName);
      const files = readdirSync(folder).filter((n) => n.endsWith('.json'));
      expect(files.length).toBeGreaterThan(0);
      for (const name of files)
        expect(readFileSync(join(folder, name), 'utf8')).not.toContain(emulator.accountToken);

      inflict(join(dir.path, storeFileName));
      // Say the server lost them meanwhile (or the user changed them elsewhere): what the app shows is sent again.
      emulator.resetFavorites('support');
      emulator.resetCounters();

      a = await open();
      const session = ok(await a.call('session:get', undefined));
      // The account came back too: its token is still in the keychain, so no sign-in is asked for.
      expect(session.signedIn).toBe(true);
      // The notice says how many stars came back, and from when.
      expect(session.storeNotice).toEqual({
        code: 'storeRestored',
        params: { backupAt: expect.any(Number), stars: 7 },
      });
      const { backupAt } = session.storeNotice!.params as { backupAt: number };
      expect(backupAt).toBeGreaterThanOrEqual(starringFrom);
      expect(backupAt).toBeLessThanOrEqual(closedAt);
      expect(await starredInApp(a)).toEqual(starred);
      // Restored stars are shown as pending until the server has them again: one call each.
      expect(await pending(a)).toBeGreaterThan(0);
      await waitFor(async () => (await pending(a)) === 0, 20_000, 'the restored stars to be sent');
      expect(starredOnServer(emulator.favorites('support'))).toEqual(starred);
      expect(emulator.favoriteCalls().length).toBeLessThanOrEqual(7);

      // The starred messages came back on their own; the chat still pages from its newest message.
      ok(await a.call('messages:loadOlder', { chatJid: chat }));
      const after = ok(await a.call('messages:page', { chatJid: chat, offset: 0, limit: 500 }));
      expect(after.rows.at(-1)?.id).toBe(newest.id);
      expect(statSync(join(dir.path, storeFileName)).size).toBeGreaterThan(0);
    });
  }
});
