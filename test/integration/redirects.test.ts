import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { systemClock } from '../../main/core/clock.ts';
import { Connectivity } from '../../main/sync/connectivity.ts';
import { appError } from '../../preload/contract.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, forgetTestTokens, ok, signIn, waitFor, type TestApp } from '../support/app-harness.ts';
import { startFront, startRecorder, type Front, type Recorder } from '../support/redirect-lab.ts';
import { selfSignedCertificate, type TlsIdentity } from '../support/self-signed.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The token travels in the `token` header, which fetch keeps across a cross-origin redirect (it strips
 * only Authorization), and https → http would send it in clear. So whatever the API address answers with
 * a redirect (302, 303, 307, 308, to an http or an https origin), the app must not go there: for sign-in,
 * a favorite call, history and the live socket, a second server records all it receives and must receive
 * nothing. The recorders use a self-signed certificate, so certificate checks are off in this file: a
 * client that did follow a redirect there would deliver the token, as it would to a real server.
 */
const statuses = [302, 303, 307, 308];
const targets = ['http', 'https'] as const;
type Target = (typeof targets)[number];
const cases = statuses.flatMap((status) => targets.map((target) => ({ status, target })));

let tls: TlsIdentity;
const verification = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
beforeAll(() => {
  tls = selfSignedCertificate();
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
});
afterAll(() => {
  if (verification === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = verification;
});

describe.each(['http', 'https'] as const)('an API address over %s that answers with a redirect', (scheme) => {
  let emulator: Emulator;
  let front: Front;
  let recorders: Record<Target, Recorder>;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;

  beforeAll(async () => {
    emulator = createEmulator({ contacts: 5, bigChatMessages: 30 });
    await emulator.start();
    front = await startFront(emulator.baseUrl, scheme === 'https' ? tls : undefined);
    recorders = { http: await startRecorder(), https: await startRecorder(tls) };
    dir = tempDir();
    app = buildApp(dir.path);
    await signIn(app, front.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([front.close(), recorders.http.close(), recorders.https.close(), emulator.stop()]);
    await forgetTestTokens();
    dir.remove();
  });
  afterEach(() => {
    front.rule = null;
    front.redirected.length = 0;
    recorders.http.received.length = 0;
    recorders.https.received.length = 0;
  });

  /** What reached either recorder: nothing, or the token has left the API origin. */
  const leaked = () => [...recorders.http.received, ...recorders.https.received];

  it.each(targets)(
    'the recorders can see a leak: a client that follows a redirect delivers the token to the %s one',
    async (target) => {
      front.rule = { status: 307, paths: /./, to: recorders[target].origin };
      const answer = await fetch(`${front.baseUrl}/api/instance/list`, { headers: { token: 'leak-check' } });
      await answer.body?.cancel();
      const socket = new WebSocket(`${front.baseUrl.replace(/^http/, 'ws')}/ws/support`, {
        headers: { token: 'leak-check' },
        followRedirects: true,
      });
      // The recorder refuses the upgrade it records: an error, then the close this waits for.
      socket.on('error', () => {});
      await new Promise((resolve) => socket.on('close', resolve));
      const delivered = recorders[target].received.filter((r) => r.headers.token === 'leak-check');
      expect(delivered.map((r) => r.upgrade)).toEqual([false, true]);
    },
  );

  it.each(cases)(
    'sign-in: a $status to an $target origin is refused, naming it, and nothing reaches it',
    async ({ status, target }) => {
      front.rule = { status, paths: /^\/api\//, to: recorders[target].origin };
      const result = await app.call('session:beginSignIn', {
        baseUrl: front.baseUrl,
        token: emulator.accountToken,
      });
      expect(result).toEqual({
        ok: false,
        error: appError('redirected', { status, location: recorders[target].origin }),
      });
      expect(front.redirected).toEqual(['/api/instance/list']);
      expect(leaked()).toEqual([]);
    },
  );

  it.each(cases)(
    'a favorite call: a $status to an $target origin is not followed',
    async ({ status, target }) => {
      // An app of its own, so the first call of a fresh outbox is what meets the redirect, whatever
      // backoff earlier answers would have started.
      const own = tempDir();
      const starring = buildApp(own.path);
      try {
        await signIn(starring, front.baseUrl, emulator.accountToken, 'support');
        ok(await starring.call('chats:refresh', undefined));
        const [chat] = ok(await starring.call('chats:page', { offset: 0, limit: 1 })).rows;
        front.rule = { status, paths: /^\/api\/chat\/favorite\//, to: recorders[target].origin };
        ok(
          await starring.call('favorites:set', {
            target: { kind: 'chat', chatJid: chat!.jid },
            favorite: !chat!.favorite,
          }),
        );
        await waitFor(() => front.redirected.length > 0, 15_000, 'the favorite call');
        expect(front.redirected[0]).toBe('/api/chat/favorite/support');
        // Time for a client that followed the redirect to arrive there.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(leaked()).toEqual([]);
      } finally {
        await starring.close();
        own.remove();
      }
    },
  );

  it.each(cases)(
    'history: a $status to an $target origin is refused, naming it, and nothing reaches it',
    async ({ status, target }) => {
      front.rule = { status, paths: /^\/api\/chat\/history\//, to: recorders[target].origin };
      const result = await app.call('messages:loadOlder', { chatJid: emulator.bigChatJid });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toEqual(appError('redirected', { status, location: recorders[target].origin }));
      }
      expect(front.redirected).toEqual(['/api/chat/history/support']);
      expect(leaked()).toEqual([]);
    },
  );

  it.each(cases)(
    'the live socket: a $status to an $target origin is not followed',
    async ({ status, target }) => {
      front.rule = { status, paths: /^\/ws\//, to: recorders[target].origin };
      app.services.live.start(app.services.session.context!);
      await waitFor(() => front.redirected.length > 0, 15_000, 'the socket upgrade');
      expect(front.redirected[0]).toBe('/ws/support');
      // Time for a client that followed the redirect to arrive there.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(app.services.live.status().live).not.toBe('open');
      expect(leaked()).toEqual([]);
    },
  );

  it.each([cases[0]!, cases.at(-1)!])(
    'the /health probe: a $status to an $target origin is not followed',
    async ({ status, target }) => {
      front.rule = { status, paths: /^\/health/, to: recorders[target].origin };
      // A Connectivity of its own: the app's would stop probing as soon as any other call got an answer.
      const connectivity = new Connectivity(systemClock);
      const back = new Promise<void>((resolve) => connectivity.onChange((online) => online && resolve()));
      connectivity.reportUnreachable(front.baseUrl);
      await back;
      connectivity.stop();
      expect(front.redirected).toEqual(['/health']);
      expect(leaked()).toEqual([]);
    },
  );
});
