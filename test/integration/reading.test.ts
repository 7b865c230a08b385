import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appError, maxMediaBytes } from '../../preload/contract.ts';
import { createEmulator, type Emulator } from '../emulator/index.ts';
import { buildApp, forgetTestTokens, ok, signIn, waitFor, type TestApp } from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('reading: catch-up, unread counts and media on demand', () => {
  let emulator: Emulator;
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;

  beforeEach(async () => {
    emulator = createEmulator({ contacts: 40, bigChatMessages: 300 });
    await emulator.start();
    dir = tempDir();
    app = buildApp(dir.path);
    await app.start();
    await signIn(app, emulator.baseUrl, emulator.accountToken, 'support');
  });
  afterEach(async () => {
    await app.close();
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  });

  const chat = async (jid: string) =>
    ok(await app.call('chats:page', { offset: 0, limit: 5, query: jid.split('@')[0]! })).rows.find(
      (r) => r.jid === jid,
    );

  it('catches up on what arrived while the app was closed, counted unread, without opening the chat', async () => {
    const jid = emulator.bigChatJid;
    ok(await app.call('messages:loadOlder', { chatJid: jid }));
    const held = ok(await app.call('messages:page', { chatJid: jid, offset: 0, limit: 1 })).total;
    await app.close();
    // While closed: the live socket cannot see these; only history can.
    const later = new Date(Date.parse('2026-11-01T12:00:00Z') + 3_600_000);
    emulator.addIncomingMessage('support', {
      chatJid: jid,
      text: 'Chegou enquanto fechado',
      timestamp: later,
    });
    emulator.addIncomingMessage('support', {
      chatJid: jid,
      text: '',
      media: { type: 'image' },
      timestamp: new Date(later.getTime() + 1000),
    });
    emulator.resetCounters();

    app = buildApp(dir.path);
    await app.start();
    await waitFor(async () => (await chat(jid))?.unread === 2, 15_000, 'the catch-up');
    const row = (await chat(jid))!;
    expect([row.lastType, row.lastMessagePreview]).toEqual(['image', '']);
    const page = ok(await app.call('messages:page', { chatJid: jid, offset: held, limit: 10 }));
    expect(page.rows.map((m) => [m.text, m.type])).toEqual([
      ['Chegou enquanto fechado', 'text'],
      ['', 'image'],
    ]);
    // From what the store held, not the chat's whole history: one page, asked from the newest held on.
    expect(emulator.calls('/api/chat/history')).toBe(1);

    // Opening the chat clears its count, and it stays 0 while the chat is shown.
    ok(await app.call('chats:viewing', { chatJid: jid }));
    expect((await chat(jid))?.unread).toBe(0);
  });

  it('opens a media file with one call, then from the disk cache, and refuses one past the size cap', async () => {
    const jid = emulator.bigChatJid;
    const photo = emulator.addIncomingMessage('support', {
      chatJid: jid,
      text: 'foto',
      media: { type: 'image' },
    });
    const huge = emulator.addIncomingMessage('support', {
      chatJid: jid,
      text: '',
      media: { type: 'video', size: 40 * 1024 * 1024, duration: 30 },
    });
    ok(await app.call('messages:loadOlder', { chatJid: jid }));
    emulator.resetCounters();

    const file = ok(await app.call('media:open', { chatJid: jid, messageId: photo.id }));
    expect(file.mimeType).toBe('image/png');
    expect(Buffer.from(file.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(file.size).toBe(Buffer.from(file.base64, 'base64').length);
    expect(emulator.calls('/api/chat/base64')).toBe(1);
    ok(await app.call('media:open', { chatJid: jid, messageId: photo.id }));
    // After a restart too: the file is on disk.
    await app.close();
    app = buildApp(dir.path);
    await app.start();
    expect(ok(await app.call('media:open', { chatJid: jid, messageId: photo.id })).base64).toBe(file.base64);
    expect(emulator.calls('/api/chat/base64')).toBe(1);

    const refused = await app.call('media:open', { chatJid: jid, messageId: huge.id });
    expect(refused).toEqual({
      ok: false,
      error: appError('mediaTooLarge', { size: 40 * 1024 * 1024, limit: maxMediaBytes }),
    });
    expect(emulator.calls('/api/chat/base64')).toBe(1);
    const text = ok(await app.call('messages:page', { chatJid: jid, offset: 0, limit: 300 })).rows.find(
      (m) => m.type === 'text',
    )!;
    expect(await app.call('media:open', { chatJid: jid, messageId: text.id })).toMatchObject({
      ok: false,
      error: { kind: 'invalidArgument' },
    });
  });
});
