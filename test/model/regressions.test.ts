import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FavoriteTarget } from '../../preload/contract.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, forgetTestTokens, ok, signIn, waitFor, type TestApp } from '../support/app-harness.ts';
import { starredInApp, starredOnServer } from '../support/favorites-view.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * Plain regression tests for the ways the app and the server parted for good: the two an independent
 * check found, and every counterexample the model test (favorites-property.ts) found, shrunk. Each
 * ends with the same promise: the server holds what the app shows, with no call wasted.
 */
describe('favorites: the server ends where the user left it', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;
  let targets: FavoriteTarget[];

  beforeEach(async () => {
    dir = tempDir();
    emulator = createEmulator({ contacts: 12, bigChatMessages: 12 });
    await emulator.start();
    app = buildApp(dir.path);
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
    const { rows } = ok(await app.call('chats:page', { offset: 0, limit: 3 }));
    targets = rows.map((r) => ({ kind: 'chat', chatJid: r.jid }));
  });
  afterEach(async () => {
    await app.close();
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  const star = async (target: FavoriteTarget, favorite: boolean) =>
    ok(await app.call('favorites:set', { target, favorite }));
  const status = async () => ok(await app.call('outbox:status', undefined));
  const quiet = () =>
    waitFor(
      async () => {
        const s = await status();
        return s.pending === 0 && s.held === null;
      },
      15_000,
      'nothing pending or held',
    );
  const favoriteCalls = () => emulator.favoriteCalls().map((c) => (c.body as { favorite: boolean }).favorite);

  it('a 200 whose body cannot be read is not a refusal: taking the star back is still sent', async () => {
    emulator.faults.favoriteBehaviours = ['appliedUnreadable'];
    await star(targets[0]!, true);
    await waitFor(() => emulator.favoriteCalls().length === 1, 10_000, 'the first call');
    // The server starred it; the app could not read that. The user takes the star back during the pause.
    expect(starredOnServer(emulator.favorites('support'))).toHaveLength(1);
    await star(targets[0]!, false);
    await quiet();
    expect(starredOnServer(emulator.favorites('support'))).toEqual([]);
    expect(await starredInApp(app)).toEqual([]);
    expect(favoriteCalls().at(-1)).toBe(false);
  });

  it('a 401 hold ends when the user signs in again without signing out first (Add account)', async () => {
    emulator.faults.favoriteBehaviours = ['invalidToken'];
    await star(targets[0]!, true);
    await star(targets[1]!, true);
    await waitFor(async () => (await status()).held?.error.kind === 'auth', 10_000, 'the auth hold');
    expect((await status()).held).toMatchObject({
      retryAt: null,
      releasedBy: expect.arrayContaining(['signIn']),
    });

    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    await quiet();
    expect(starredOnServer(emulator.favorites('support'))).toEqual(await starredInApp(app));
    expect(await starredInApp(app)).toHaveLength(2);
  });

  // Model test, seed 2: a refused call while the user took the star back cost a needless second call.
  it('a call refused while the user took the star back leaves nothing to send', async () => {
    emulator.faults.favoriteBehaviours = ['invalidToken'];
    emulator.faults.latencyMs = 400;
    await star(targets[0]!, true);
    await waitFor(() => emulator.calls('/api/chat/favorite') === 1, 10_000, 'the call in flight');
    await star(targets[0]!, false);
    await waitFor(() => emulator.favoriteCalls().length === 1, 10_000, 'the refusal');
    emulator.faults.latencyMs = 0;
    await quiet();
    expect(favoriteCalls()).toEqual([true]);
    // The token is known refused: the next change waits for the user to sign in again.
    await star(targets[1]!, true);
    await waitFor(async () => (await status()).held?.error.kind === 'auth', 10_000, 'the auth hold');
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    await quiet();
    expect(favoriteCalls()).toEqual([true, true]);
    expect(starredOnServer(emulator.favorites('support'))).toEqual(await starredInApp(app));
  });

  // Model test, seed 900 (after the store moved to its worker): a 2xx naming the other value was taken as
  // the end of the change; its star was put back while the server kept it. The oracle had let any change in
  // the failed list pass; it now lets only refusals pass.
  it('an answer naming the other value is not the end: the change is sent again until the server agrees', async () => {
    emulator.faults.favoriteBehaviours = ['appliedDisagreeing', 'error500BeforeApply'];
    await star(targets[0]!, true);
    await star(targets[1]!, true);
    await star(targets[2]!, true);
    ok(await app.call('favorites:undo', undefined));
    await quiet();
    expect((await status()).failed).toEqual([]);
    expect(await starredInApp(app)).toHaveLength(2);
    expect(starredOnServer(emulator.favorites('support'))).toEqual(await starredInApp(app));
  });

  // Model test, seed 4: a 429 for a change the user then undid left "sending paused" up forever.
  it('a rate-limited change the user undid leaves nothing held, and the next change goes', async () => {
    emulator.faults.favoriteBehaviours = ['rateLimited'];
    await star(targets[0]!, true);
    await waitFor(() => emulator.favoriteCalls().length === 1, 10_000, 'the 429');
    ok(await app.call('favorites:undo', undefined));
    await quiet();
    await star(targets[1]!, true);
    await quiet();
    expect(starredOnServer(emulator.favorites('support'))).toEqual(await starredInApp(app));
    expect(favoriteCalls()).toEqual([true, true]);
  });
});
