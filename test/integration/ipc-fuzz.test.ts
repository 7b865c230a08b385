import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import keytar from 'keytar';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appError,
  errorCodes,
  requestChannels,
  requests,
  type RequestChannel,
} from '../../preload/contract.ts';
import { storeFileName } from '../../main/store/database.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { createRng } from '../emulator/prng.ts';
import {
  buildApp,
  ok,
  signIn,
  testKeychainService,
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
  'session:retryKeychain',
  'session:signOut',
  'accounts:switch',
  'accounts:openInstance',
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

/** Callers that are not the app's page in the window's top frame. */
const untrustedCallers = [
  { url: 'https://evil.example/', isMainFrame: true },
  { ...trustedCaller, isMainFrame: false },
  { url: 'http://ryze.test.evil.example/index.html', isMainFrame: true },
  { url: 'http://ryze.test/other.html', isMainFrame: true },
  { url: '', isMainFrame: true },
];

/** Every answer and every event the window could see, as text, to look for the token in. */
const seen: string[] = [];

describe('IPC fuzzing', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;

  beforeAll(async () => {
    emulator = createEmulator({ contacts: 20, bigChatMessages: 60 });
    await emulator.start();
    dir = tempDir();
    app = buildApp(dir.path);
    app.events.subscribe((channel, payload) => seen.push(`${channel} ${JSON.stringify(payload)}`));
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    ok(await app.call('chats:refresh', undefined));
    ok(await app.call('messages:loadOlder', { chatJid: emulator.bigChatJid }));
    const [chat] = ok(await app.call('chats:page', { offset: 0, limit: 1 })).rows;
    ok(await app.call('favorites:set', { target: { kind: 'chat', chatJid: chat!.jid }, favorite: true }));
    await app.services.outbox.idle();
  });
  afterAll(async () => {
    // Sign-in, refresh, stars, the fuzzing below: nothing the window was told held the token.
    expect(seen.length).toBeGreaterThan(payloads);
    for (const text of seen) {
      expect(text).not.toContain(emulator.accountToken);
      expect(text).not.toContain(encodeURIComponent(emulator.accountToken));
    }
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
      emulator.accountToken,
      `https://ryzeapi.cloud/?token=${emulator.accountToken}`,
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
      // Assigning obj.__proto__ sets the prototype; an IPC payload decoded from JSON has an own key.
      if (random() < 0.2) {
        const rest = JSON.stringify(obj).slice(1);
        return JSON.parse(`{"__proto__":{"polluted":1}${rest === '}' ? '' : ','}${rest}`);
      }
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
      const caller = random() < 0.1 ? pick(untrustedCallers) : trustedCaller;
      const result = await app.router.handle(channel, args, caller);
      counts.sent++;
      expect(typeof result).toBe('object');
      seen.push(JSON.stringify(result));
      if (result.ok) {
        expect(known && !mutating.has(channel as RequestChannel)).toBe(true);
        counts.readOnlySuccesses++;
        continue;
      }
      // Data, not text: a known code with its own class and origin, and nothing the window did not send.
      const spec = errorCodes[result.error.code];
      expect(spec).toBeDefined();
      expect(result.error).toMatchObject({ kind: spec.kind, origin: spec.origin });
      expect(result.error.origin).not.toBe('server');
      // The page's own keys are not echoed back: a refused field is named only by a path of field names.
      if (result.error.code === 'invalidArgument') {
        expect(result.error.params.field).toMatch(/^[A-Za-z]\w{0,39}(\.[A-Za-z]\w{0,39})*$/);
      }
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
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    // Still serving.
    expect(ok(await app.call('chats:page', { offset: 0, limit: 1 })).rows).toHaveLength(1);
  }, 120_000);

  it('refuses valid state-changing calls from any other page or frame, and runs none of them', async () => {
    const [chat] = ok(await app.call('chats:page', { offset: 0, limit: 1 })).rows;
    const [account] = ok(await app.call('accounts:list', undefined));
    const valid: Record<string, unknown> = {
      'session:beginSignIn': { baseUrl: emulator.baseUrl, token: emulator.accountToken },
      'session:chooseInstance': { instance: 'support' },
      'session:cancelSignIn': undefined,
      'session:retryKeychain': undefined,
      'session:signOut': undefined,
      'accounts:switch': { accountId: account!.accountId },
      'accounts:openInstance': { instance: 'sales' },
      'chats:refresh': undefined,
      'messages:loadOlder': { chatJid: emulator.bigChatJid },
      'favorites:set': { target: { kind: 'chat', chatJid: chat!.jid }, favorite: !chat!.favorite },
      'favorites:undo': undefined,
      'favorites:export': { format: 'json', locale: 'en' },
      'favorites:import': undefined,
      'outbox:retry': { id: 1 },
      'outbox:dismiss': { id: 1 },
    };
    expect(new Set(Object.keys(valid))).toEqual(mutating);
    const before = {
      store: dumpStore(dir.path),
      session: ok(await app.call('session:get', undefined)),
      keychain: (await keytar.findCredentials(testKeychainService)).map((c) => c.account),
      listCalls: emulator.calls('/api/instance/list'),
      historyCalls: emulator.calls('/api/chat/history/support'),
      contactCalls: emulator.calls('/api/chat/contacts/support'),
      favoriteCalls: emulator.favoriteCalls().length,
    };
    const sessionEvents = seen.filter((text) => text.startsWith('session:changed')).length;

    for (const caller of untrustedCallers) {
      for (const [channel, args] of Object.entries(valid)) {
        expect(v.safeParse(requests[channel as RequestChannel].args, args).success, channel).toBe(true);
        const result = await app.router.handle(channel, args, caller);
        expect(result, `${channel} from ${JSON.stringify(caller)}`).toEqual({
          ok: false,
          error: appError('forbiddenSender'),
        });
      }
    }
    await app.services.outbox.idle();

    expect(dumpStore(dir.path)).toBe(before.store);
    expect(ok(await app.call('session:get', undefined))).toEqual(before.session);
    expect((await keytar.findCredentials(testKeychainService)).map((c) => c.account)).toEqual(
      before.keychain,
    );
    expect(emulator.calls('/api/instance/list')).toBe(before.listCalls);
    expect(emulator.calls('/api/chat/history/support')).toBe(before.historyCalls);
    expect(emulator.calls('/api/chat/contacts/support')).toBe(before.contactCalls);
    expect(emulator.favoriteCalls()).toHaveLength(before.favoriteCalls);
    expect(seen.filter((text) => text.startsWith('session:changed'))).toHaveLength(sessionEvents);
  });

  it('refuses payloads decoded from JSON with an own __proto__ key, and nothing is polluted', async () => {
    const payloads: Array<[RequestChannel, string]> = [
      ['chats:page', '{"offset":0,"limit":1,"__proto__":{"polluted":1}}'],
      [
        'favorites:set',
        '{"target":{"kind":"chat","chatJid":"x@s.whatsapp.net","__proto__":{"polluted":1}},"favorite":true}',
      ],
      [
        'favorites:set',
        '{"__proto__":{"favorite":true},"target":{"kind":"chat","chatJid":"x@s.whatsapp.net"}}',
      ],
      [
        'session:beginSignIn',
        `{"baseUrl":"${emulator.baseUrl}","__proto__":{"token":"${emulator.accountToken}"}}`,
      ],
      ['outbox:retry', '{"__proto__":{"id":1}}'],
      ['session:signOut', '{"__proto__":null}'],
      ['search:messages', '{"query":"a","offset":0,"limit":5,"constructor":{"prototype":{"polluted":1}}}'],
    ];
    const before = dumpStore(dir.path);
    for (const [channel, text] of payloads) {
      const args: unknown = JSON.parse(text);
      const result = await app.router.handle(channel, args, trustedCaller);
      seen.push(JSON.stringify(result));
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error.kind, text).toBe('invalidArgument');
    }
    expect(dumpStore(dir.path)).toBe(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
