import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FavoriteTarget } from '../../preload/contract.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { createRng } from '../emulator/prng.ts';
import { ok, waitFor, forgetTestTokens } from '../support/app-harness.ts';
import { HostClient } from '../support/host-client.ts';
import { starredOnServer } from '../support/favorites-view.ts';
import { tempDir } from '../support/temp-dir.ts';

const kills = 24;
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

const keyOf = (t: FavoriteTarget) => (t.kind === 'chat' ? `chat:${t.chatJid}` : `message:${t.messageId}`);

describe('crash safety', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    // A little latency so kills land while calls are in flight, not only between them.
    // 24 restarts each reopen the live socket; a larger budget keeps this test about crashes, not pacing.
    emulator = createEmulator({ contacts: 30, bigChatMessages: 80, rateLimit: 1000 });
    emulator.faults.latencyMs = 15;
    await emulator.start();
    dir = tempDir('ryze-crash-');
  });
  afterAll(async () => {
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  it(`loses no change across ${kills} SIGKILLs while changes are queued and draining`, async () => {
    console.log(`crash-safety seed: ${seed} (replay with CRASH_SEED=${seed})`);
    const random = createRng(seed).next;

    let host = new HostClient(dir.path);
    await host.ready;
    ok(await host.call('session:beginSignIn', { baseUrl: emulator.baseUrl, token: emulator.accountToken }));
    ok(await host.call('session:chooseInstance', { instance: 'support' }));
    ok(await host.call('chats:refresh', undefined));
    ok(await host.call('messages:loadOlder', { chatJid: emulator.bigChatJid }));
    const chats = ok(await host.call('chats:page', { offset: 0, limit: 12 })).rows;
    const messages = ok(
      await host.call('messages:page', { chatJid: emulator.bigChatJid, offset: 0, limit: 12 }),
    ).rows;
    const targets: FavoriteTarget[] = [
      ...chats.map((c) => ({ kind: 'chat' as const, chatJid: c.jid })),
      ...messages.map((m) => ({ kind: 'message' as const, chatJid: m.chatJid, messageId: m.id })),
    ];

    /** What the user was told is queued: the truth the app must keep. */
    const chosen = new Map<string, boolean>();
    /** A toggle sent when the kill came, not acknowledged: either outcome is allowed. */
    let unsure: { key: string; values: boolean[] } | null = null;

    const shown = async (h: HostClient): Promise<Map<string, boolean>> => {
      const state = new Map<string, boolean>();
      for (const c of ok(await h.call('favorites:chats', { offset: 0, limit: 500 })).rows)
        state.set(`chat:${c.jid}`, true);
      for (const m of ok(await h.call('favorites:messages', { offset: 0, limit: 500 })).rows)
        state.set(`message:${m.id}`, true);
      return state;
    };

    for (let round = 0; round < kills; round++) {
      const toggles = 1 + Math.floor(random() * 12);
      const killAfterMs = Math.floor(random() * 120);
      const killer = new Promise<void>((resolve) => setTimeout(resolve, killAfterMs));
      let killed = false;
      const work = (async () => {
        for (let i = 0; i < toggles && !killed; i++) {
          const target = targets[Math.floor(random() * targets.length)]!;
          const key = keyOf(target);
          const value = random() < 0.6;
          unsure = { key, values: [chosen.get(key) ?? false, value] };
          const result = await host.call('favorites:set', { target, favorite: value });
          if (killed) return; // answered after the kill was decided: stays unsure
          ok(result);
          chosen.set(key, value);
          unsure = null;
        }
      })();
      await Promise.race([killer, work]);
      await killer;
      killed = true;
      await host.kill();

      host = new HostClient(dir.path);
      await host.ready;
      const state = await shown(host);
      if (unsure) {
        const u: { key: string; values: boolean[] } = unsure;
        const now = state.get(u.key) ?? false;
        expect(u.values, `round ${round}: in-flight toggle of ${u.key}`).toContain(now);
        chosen.set(u.key, now);
        unsure = null;
      }
      for (const [key, value] of chosen) {
        expect(state.get(key) ?? false, `round ${round} (seed ${seed}): ${key} after restart`).toBe(value);
      }
    }

    await waitFor(
      async () => ok(await host.call('outbox:status', undefined)).pending === 0,
      30_000,
      'final drain',
    );
    const final = await shown(host);
    const wantedOn = [...chosen]
      .filter(([, v]) => v)
      .map(([k]) => k)
      .sort();
    expect([...final.keys()].sort()).toEqual(wantedOn);
    expect(starredOnServer(emulator.favorites('support'))).toEqual(wantedOn);
    await host.close();
  }, 120_000);

  it('a star answered "queued" is on disk: killed the moment the answer arrives, the restarted app shows it', async () => {
    const random = createRng(seed + 1).next;
    let host = new HostClient(dir.path);
    await host.ready;
    ok(await host.call('session:beginSignIn', { baseUrl: emulator.baseUrl, token: emulator.accountToken }));
    ok(await host.call('session:chooseInstance', { instance: 'support' }));
    ok(await host.call('chats:refresh', undefined));
    const chats = ok(await host.call('chats:page', { offset: 12, limit: 10 })).rows;
    // Offline, so each change stays in the outbox too.
    await emulator.stop();
    try {
      for (let round = 0; round < 8; round++) {
        const chatJid = chats[Math.floor(random() * chats.length)]!.jid;
        const shown = ok(await host.call('favorites:chats', { offset: 0, limit: 500 })).rows;
        const favorite = !shown.some((c) => c.jid === chatJid);
        // No await between the answer and the kill: the process dies as the window hears "queued".
        const answer = await host.call('favorites:set', { target: { kind: 'chat', chatJid }, favorite });
        const killed = host.kill();
        ok(answer);
        await killed;

        host = new HostClient(dir.path);
        await host.ready;
        const after = ok(await host.call('favorites:chats', { offset: 0, limit: 500 })).rows;
        expect(
          after.some((c) => c.jid === chatJid),
          `round ${round} (seed ${seed}): ${chatJid}`,
        ).toBe(favorite);
        // Every chat shown otherwise than the server holds it waits to be sent. A change back to the
        // server's state may leave nothing to send (or still be sent, if a kill caught its call going
        // out), so those are not counted either way.
        const serverHolds = new Set(starredOnServer(emulator.favorites('support')));
        const rows = ok(await host.call('chats:page', { offset: 0, limit: 500 })).rows;
        for (const c of chats) {
          const row = rows.find((r) => r.jid === c.jid)!;
          if (row.favorite !== serverHolds.has(keyOf({ kind: 'chat', chatJid: c.jid })))
            expect(row.pending, `round ${round} (seed ${seed}): ${c.jid} still queued to be sent`).toBe(true);
        }
      }
    } finally {
      await emulator.start();
      await host.close();
    }
  }, 120_000);
});
