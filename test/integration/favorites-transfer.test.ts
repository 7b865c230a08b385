import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxImportBytes } from '../../main/transfer/favorites-import.ts';
import {
  appError,
  type EventPayloads,
  type FavoriteTarget,
  type ImportResult,
} from '../../preload/contract.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, forgetTestTokens, ok, signIn, waitFor, type TestApp } from '../support/app-harness.ts';
import { starredInApp, starredOnServer } from '../support/favorites-view.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('exporting and importing favorites', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  const apps: TestApp[] = [];
  /** What the next file dialog answers, as the user would pick it. */
  let picked: string | null = null;

  beforeEach(async () => {
    emulator = createEmulator({ contacts: 30, bigChatMessages: 160 });
    await emulator.start();
    dir = tempDir('ryze-transfer-');
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  async function open(name: string): Promise<TestApp> {
    const app = buildApp(join(dir.path, name), { chooseFile: () => Promise.resolve(picked) });
    apps.push(app);
    await app.start();
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    return app;
  }
  const pending = async (app: TestApp) => ok(await app.call('outbox:status', undefined)).pending;
  const drained = (app: TestApp) =>
    waitFor(async () => (await pending(app)) === 0, 30_000, 'the outbox to drain');
  const lookups = () =>
    emulator.calls('/api/chat/getMessage/support') + emulator.calls('/api/chat/contacts/support');

  /** An app with three starred chats and five starred messages, sent; `chat` holds the messages. */
  async function starSome(app: TestApp): Promise<{ chat: string; newestId: string }> {
    ok(await app.call('chats:refresh', undefined));
    const chat = emulator.bigChatJid;
    ok(await app.call('messages:loadOlder', { chatJid: chat }));
    ok(await app.call('messages:loadOlder', { chatJid: chat }));
    const page = ok(await app.call('messages:page', { chatJid: chat, offset: 0, limit: 500 }));
    const chats = ok(await app.call('chats:page', { offset: 0, limit: 3 })).rows;
    const targets: FavoriteTarget[] = [
      ...chats.map((c) => ({ kind: 'chat' as const, chatJid: c.jid })),
      ...page.rows.slice(0, 5).map((m) => ({ kind: 'message' as const, chatJid: chat, messageId: m.id })),
    ];
    for (const target of targets) ok(await app.call('favorites:set', { target, favorite: true }));
    await drained(app);
    return { chat, newestId: page.rows.at(-1)!.id };
  }

  it('a JSON export imported on a fresh computer shows the same stars and sets the same on the server', async () => {
    const first = await open('first');
    const { chat, newestId } = await starSome(first);
    const starred = await starredInApp(first);
    expect(starred).toHaveLength(8);
    picked = join(dir.path, 'favorites.json');
    expect(ok(await first.call('favorites:export', { format: 'json', locale: 'en' }))).toEqual({
      status: 'saved',
      fileName: 'favorites.json',
      chats: 3,
      messages: 5,
    });
    expect(readFileSync(picked, 'utf8')).not.toContain(emulator.accountToken);

    // A new computer, same server and instance; the server lost the stars meanwhile.
    emulator.resetFavorites('support');
    const second = await open('second');
    expect(await starredInApp(second)).toEqual([]);

    // The instance is offline: RyzeAPI cannot be asked about the messages, so nothing is imported.
    emulator.setInstanceState('support', 'disconnected');
    const offline = ok(await second.call('favorites:import', undefined));
    expect(offline).toMatchObject({
      status: 'refused',
      fileName: 'favorites.json',
      error: { code: 'disconnected', origin: 'server' },
    });
    expect(await starredInApp(second)).toEqual([]);
    expect(await pending(second)).toBe(0);
    emulator.setInstanceState('support', 'connected');

    emulator.resetCounters();
    const progress: Array<EventPayloads['favorites:importProgress']> = [];
    second.events.subscribe((event, payload) => {
      if (event === 'favorites:importProgress')
        progress.push(payload as EventPayloads['favorites:importProgress']);
    });
    const imported = ok(await second.call('favorites:import', undefined));
    expect(imported).toEqual({
      status: 'imported',
      fileName: 'favorites.json',
      starred: 8,
      alreadyStarred: 0,
      notOnServer: 0,
    });
    // Everything it did not hold was asked of RyzeAPI, once each: five messages, three chats.
    expect(emulator.calls('/api/chat/getMessage/support')).toBe(5);
    expect(emulator.calls('/api/chat/contacts/support')).toBe(3);
    expect(progress.at(-1)).toEqual({ done: 8, total: 8 });
    expect(await starredInApp(second)).toEqual(starred);
    expect(await pending(second)).toBeGreaterThan(0);
    await drained(second);
    expect(starredOnServer(emulator.favorites('support'))).toEqual(starred);
    expect(emulator.favoriteCalls().length).toBeLessThanOrEqual(8);

    // The imported messages' chat shows its newest messages first, not only what is older than them.
    ok(await second.call('messages:loadOlder', { chatJid: chat }));
    const rows = ok(await second.call('messages:page', { chatJid: chat, offset: 0, limit: 500 })).rows;
    expect(rows.at(-1)?.id).toBe(newestId);

    // Importing the same file again changes nothing and costs nothing.
    emulator.resetCounters();
    expect(ok(await second.call('favorites:import', undefined))).toMatchObject({
      starred: 0,
      alreadyStarred: 8,
    });
    expect(lookups()).toBe(0);
    expect(await pending(second)).toBe(0);
  });

  it('leaves out a starred message the server no longer has, and says so', async () => {
    const first = await open('first');
    await starSome(first);
    picked = join(dir.path, 'favorites.json');
    ok(await first.call('favorites:export', { format: 'json', locale: 'en' }));
    const gone = (await starredInApp(first)).find((k) => k.startsWith('message:'))!.slice('message:'.length);
    emulator.deleteMessage('support', gone);
    const second = await open('second');
    expect(ok(await second.call('favorites:import', undefined))).toMatchObject({
      starred: 7,
      notOnServer: 1,
    });
    expect(await starredInApp(second)).not.toContain(`message:${gone}`);
  });

  it('a CSV export opens in spreadsheet apps in the user’s language: BOM, CRLF, headers, every star', async () => {
    const app = await open('app');
    await starSome(app);
    const page = ok(await app.call('favorites:messages', { offset: 0, limit: 10 }));
    picked = join(dir.path, 'favoritos.csv');
    expect(ok(await app.call('favorites:export', { format: 'csv', locale: 'pt-BR' }))).toMatchObject({
      status: 'saved',
      chats: 3,
      messages: 5,
    });
    const bytes = readFileSync(picked);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('"Conversa";"Número";"Mensagem";"Enviada em";"Favoritada em"');
    expect(lines.at(-1)).toBe('');
    expect(lines.filter((l) => l !== '')).toHaveLength(1 + 8);
    expect(text).toContain(page.rows[0]!.text.replace(/"/g, '""'));
    expect(lines[1]).toMatch(/^"[^"]+";"\d*";"";"";"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"$/);

    picked = join(dir.path, 'favorites.csv');
    ok(await app.call('favorites:export', { format: 'csv', locale: 'en' }));
    expect(readFileSync(picked, 'utf8').slice(1).split('\r\n')[0]).toBe(
      '"Chat","Number","Message","Sent at","Starred at"',
    );
  });

  it('refuses a bad file with a code saying why, and changes nothing', async () => {
    const app = await open('app');
    await starSome(app);
    const good = join(dir.path, 'good.json');
    picked = good;
    ok(await app.call('favorites:export', { format: 'json', locale: 'en' }));
    const json = readFileSync(good, 'utf8');
    const csv = join(dir.path, 'favorites.csv');
    picked = csv;
    ok(await app.call('favorites:export', { format: 'csv', locale: 'en' }));

    const file = (name: string, content: string | Buffer) => {
      const path = join(dir.path, name);
      writeFileSync(path, content);
      return path;
    };
    const huge = `{"format":"ryze-desktop-favorites",${' '.repeat(50 * 1024 * 1024)}}`;
    const cases: Array<[string, string | null, Partial<ImportResult>]> = [
      ['the dialog cancelled', null, { status: 'cancelled' }],
      ['an empty file', file('empty.json', ''), { error: appError('importEmpty') }],
      [
        'another instance’s export',
        file('sales.json', json.replace('"name":"support"', '"name":"sales"')),
        { error: appError('importOtherInstance', { instance: 'sales', server: emulator.baseUrl }) },
      ],
      [
        'another server’s export',
        file('other-server.json', json.replaceAll(emulator.baseUrl, 'https://ryzeapi.example')),
        {
          error: appError('importOtherInstance', { instance: 'support', server: 'https://ryzeapi.example' }),
        },
      ],
      [
        'a 50 MB file',
        file('huge.json', huge),
        { error: appError('importTooLarge', { size: Buffer.byteLength(huge), limit: maxImportBytes }) },
      ],
      [
        'invalid UTF-8',
        file(
          'latin1.json',
          Buffer.concat([
            Buffer.from(json.slice(0, 200)),
            Buffer.from([0xc3, 0x28]),
            Buffer.from(json.slice(200)),
          ]),
        ),
        { error: appError('importNotUtf8') },
      ],
      [
        'a newer format version',
        file('v2.json', json.replace('"version":1', '"version":2')),
        { error: appError('importNewerVersion') },
      ],
      [
        'a damaged file',
        file('cut.json', json.slice(0, Math.floor(json.length * 0.7))),
        { error: appError('importDamaged') },
      ],
      ['the CSV export', csv, { error: appError('importNotAnExport') }],
      ['a file that is gone', join(dir.path, 'missing.json'), { error: appError('importUnreadable') }],
    ];

    const before = await starredInApp(app);
    const serverBefore = starredOnServer(emulator.favorites('support'));
    emulator.resetCounters();
    for (const [what, path, expected] of cases) {
      picked = path;
      const result = ok(await app.call('favorites:import', undefined));
      expect(result, what).toMatchObject(path === null ? expected : { status: 'refused', ...expected });
      expect(await starredInApp(app), what).toEqual(before);
      expect(await pending(app), what).toBe(0);
    }
    expect(lookups()).toBe(0);
    expect(emulator.favoriteCalls()).toEqual([]);
    expect(starredOnServer(emulator.favorites('support'))).toEqual(serverBefore);
  });

  it('an export that cannot be written says so by a code; the system’s words go to the log', async () => {
    const app = await open('app');
    await starSome(app);
    // A folder that is not there (deleted while the dialog was open, say).
    picked = join(dir.path, 'gone', 'favorites.csv');
    const result = ok(await app.call('favorites:export', { format: 'csv', locale: 'en' }));
    expect(result).toEqual({ status: 'failed', fileName: 'favorites.csv', error: appError('exportFailed') });
    await app.log.flush();
    const log = readFileSync(join(dir.path, 'app', 'logs', 'ryze.log'), 'utf8');
    expect(log).toMatch(/An export could not be written: ENOENT/);
  });

  it('one import at a time: a second while the first waits for its file is refused by a code', async () => {
    let answer: ((path: string | null) => void) | null = null;
    const app = buildApp(join(dir.path, 'app'), {
      chooseFile: () => new Promise<string | null>((resolve) => (answer = resolve)),
    });
    apps.push(app);
    await app.start();
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    const first = app.call('favorites:import', undefined);
    await waitFor(() => answer !== null, 5_000, 'the file dialog to be asked');
    expect(await app.call('favorites:import', undefined)).toEqual({
      ok: false,
      error: appError('importRunning'),
    });
    answer!(null);
    expect(ok(await first)).toEqual({ status: 'cancelled' });
  });

  it('a copy of the app without file dialogs refuses export and import by a code', async () => {
    const app = buildApp(join(dir.path, 'app'));
    apps.push(app);
    await app.start();
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
    const refused = { ok: false, error: appError('noFileDialog') };
    expect(await app.call('favorites:export', { format: 'json', locale: 'pt-BR' })).toEqual(refused);
    expect(await app.call('favorites:import', undefined)).toEqual(refused);
  });
});
