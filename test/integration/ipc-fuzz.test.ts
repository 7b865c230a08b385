import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorKinds, requestChannels, requests, type RequestChannel } from '../../preload/contract.ts';
import { storeFileName } from '../../main/store/database.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { createRng } from '../emulator/prng.ts';
import {
  buildApp,
  ok,
  signIn,
  trustedCaller,
  type TestApp,
  forgetTestTokens,
} from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

const payloads = 10_000;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

/** Channels whose valid calls change state; the fuzzer never sends them a valid argument. */
const mutating = new Set<RequestChannel>([
  'session:beginSignIn',
  'session:chooseInstance',
  'session:cancelSignIn',
  'session:signOut',
  'chats:refresh',
  'messages:loadOlder',
  'favorites:set',
  'favorites:undo',
  'outbox:retry',
  'outbox:dismiss',
  // Actions on files the user picks: an export writes one, an import changes the favorites.
  'favorites:export',
  'favorites:import',
]);

function dumpStore(dir: string): string {
  const db = new DatabaseSync(join(dir, storeFileName), { readOnly: true });
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
    name: string;
  }[];
  const dump = tables.map(({ name }) => [
    name,
    db
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort(),
  ]);
  db.close();
  return JSON.stringify(dump);
}

describe('IPC fuzzing', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;

  beforeAll(async () => {
    emulator = createEmulator({ contacts: 20, bigChatMessages: 60 });
    await emulator.start();
    dir = tempDir();
    app = buildApp(dir.path);
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
    ok(await app.call('messages:loadOlder', { chatJid: emulator.bigChatJid }));
    const [chat] = ok(await app.call('chats:page', { offset: 0, limit: 1 })).rows;
    ok(await app.call('favorites:set', { target: { kind: 'chat', chatJid: chat!.jid }, favorite: true }));
    await app.services.outbox.idle();
  });
  afterAll(async () => {
    await app.close();
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  it(`rejects ${payloads} random and malformed calls with typed errors, never crashing or changing the store`, async () => {
    console.log(`ipc-fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);
    const random = createRng(seed).next;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const strings = [
      '',
      ' ',
      'x'.repeat(5000),
      '\u0000',
      '💥',
      '../../etc/passwd',
      '%s%n',
      '<img src=x onerror=alert(1)>',
      "' OR 1=1 --",
      'chat:*',
      emulator.bigChatJid,
    ];
    const atoms: unknown[] = [
      undefined,
      null,
      true,
      false,
      0,
      -1,
      1.5,
      NaN,
      Infinity,
      -Infinity,
      2 ** 53,
      ...strings,
    ];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.5) return pick(atoms);
      if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      const obj: Record<string, unknown> = {};
      const keys = [
        'kind',
        'chatJid',
        'messageId',
        'offset',
        'limit',
        'query',
        'token',
        'baseUrl',
        'instance',
        'id',
        'favorite',
        'target',
        '__proto__',
        'constructor',
        'prototype',
      ];
      for (let i = Math.floor(random() * 5); i > 0; i--) obj[pick(keys)] = value(depth + 1);
      return obj;
    };
    const before = dumpStore(dir.path);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const counts = { sent: 0, forbiddenSender: 0, invalidArgument: 0, otherErrors: 0, readOnlySuccesses: 0 };

    while (counts.sent < payloads) {
      const r = random();
      const channel: unknown = r < 0.85 ? pick(requestChannels) : r < 0.95 ? pick(strings) : value(2);
      const args = value(0);
      const known = typeof channel === 'string' && requestChannels.includes(channel as RequestChannel);
      if (
        known &&
        mutating.has(channel as RequestChannel) &&
        v.safeParse(requests[channel as RequestChannel].args, args).success
      ) {
        continue; // a valid call to a mutating channel is not malformed input
      }
      const caller =
        random() < 0.1
          ? pick([
              { url: 'https://evil.example/', isMainFrame: true },
              { ...trustedCaller, isMainFrame: false },
            ])
          : trustedCaller;
      const result = await app.router.handle(channel, args, caller);
      counts.sent++;
      expect(typeof result).toBe('object');
      if (result.ok) {
        expect(known && !mutating.has(channel as RequestChannel)).toBe(true);
        counts.readOnlySuccesses++;
        continue;
      }
      expect(errorKinds).toContain(result.error.kind);
      expect(typeof result.error.message).toBe('string');
      if (caller !== trustedCaller) expect(result.error.kind).toBe('forbiddenSender');
      else if (!known) expect(result.error.kind).toBe('invalidArgument');
      if (result.error.kind === 'forbiddenSender') counts.forbiddenSender++;
      else if (result.error.kind === 'invalidArgument') counts.invalidArgument++;
      else counts.otherErrors++;
    }

    console.log('ipc-fuzz results:', counts);
    expect(counts.otherErrors).toBe(0);
    expect(dumpStore(dir.path)).toBe(before);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    // Still serving.
    expect(ok(await app.call('chats:page', { offset: 0, limit: 1 })).rows).toHaveLength(1);
  }, 120_000);
});
