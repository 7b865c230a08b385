import { describe, expect, it } from 'vitest';
import {
  contactDisplayName,
  parseExchangeEvent,
  parseInstances,
  parseMediaFile,
  parseMessage,
} from '../../main/api/parse.ts';

describe('reading RyzeAPI payloads', () => {
  it('names a chat full_name → push_name → business_name → number', () => {
    const jid = '5521977776666@s.whatsapp.net';
    expect(contactDisplayName({ full_name: 'Ana Souza', push_name: 'Ana' }, jid)).toBe('Ana Souza');
    expect(contactDisplayName({ full_name: '', push_name: 'Ana' }, jid)).toBe('Ana');
    expect(contactDisplayName({ business_name: 'Acme' }, jid)).toBe('Acme');
    expect(contactDisplayName({}, jid)).toBe('5521977776666');
  });

  it('never shows a LID as a phone number', () => {
    expect(contactDisplayName({ redacted_phone: '+55 21 ****-6666' }, '88442211003355@lid')).toBe(
      '+55 21 ****-6666',
    );
  });

  it('reads instances and their connection state', () => {
    const [instance] = parseInstances({
      instances: [
        {
          name: 'support',
          connection: {
            state: 'connected',
            numberJid: '5521988887777@s.whatsapp.net',
            displayStatus: 'Online',
          },
          profile: { name: 'Acme Support' },
        },
      ],
    });
    expect(instance).toEqual({
      name: 'support',
      state: 'connected',
      displayStatus: 'Online',
      profileName: 'Acme Support',
      numberJid: '5521988887777@s.whatsapp.net',
    });
  });

  it('reads a message.exchange event in the documented catalog shape', () => {
    const message = parseExchangeEvent({
      id: 'EVT1',
      message: {
        id: 'M1',
        direction: 'incoming',
        timestamp: '2026-05-02T09:15:00Z',
        chat: { jid: '5521977776666@s.whatsapp.net', name: 'Ana', type: 'private' },
        sender: { jid: '5521977776666@s.whatsapp.net', name: 'Ana' },
        content: { text: 'See you at 6' },
      },
    });
    expect(message).toMatchObject({
      id: 'M1',
      chatJid: '5521977776666@s.whatsapp.net',
      text: 'See you at 6',
      fromMe: false,
    });
    expect(message?.timestamp).toBe(Date.parse('2026-05-02T09:15:00Z'));
  });

  it('reads a message.exchange event in the shape seen live', () => {
    const message = parseExchangeEvent({
      id: 'M2',
      direction: 'outgoing',
      timestamp: '2026-05-02T09:16:00Z',
      chat: { jid: '120363011122233344@g.us', name: 'Equipe', type: 'group' },
      sender: { jid: '5521988887777@s.whatsapp.net', name: 'Me' },
      message: { type: 'text', content: 'Bom dia', source: 'api' },
    });
    expect(message).toMatchObject({
      id: 'M2',
      chatJid: '120363011122233344@g.us',
      text: 'Bom dia',
      fromMe: true,
    });
  });

  it('accepts the id and content spellings history and getMessage use', () => {
    expect(
      parseMessage({ messageId: 'X', content: 'hi', timestamp: '2026-01-01T00:00:00Z' }, 'c@s.whatsapp.net'),
    ).toMatchObject({
      id: 'X',
      chatJid: 'c@s.whatsapp.net',
      text: 'hi',
    });
    expect(parseMessage({ content: 'no id' }, 'c')).toBeNull();
  });

  it('reads times in seconds or ISO text, and a time out of any real range as unknown (0)', () => {
    const at = (timestamp: unknown) => parseMessage({ id: 'X', text: 'hi', timestamp }, 'c')?.timestamp;
    expect(at(1_767_225_600)).toBe(1_767_225_600_000);
    expect(at(1_767_225_600_123)).toBe(1_767_225_600_123);
    expect(at('2026-01-01T00:00:00Z')).toBe(1_767_225_600_000);
    // Past what a Date (and SQLite's hand-back to JavaScript) can hold: a chat must not become unreadable.
    expect(at(1e19)).toBe(0);
    expect(at(Number.NaN)).toBe(0);
    expect(at('not a time')).toBe(0);
  });

  it('reads the send status in words or codes, and an incoming message as having none', () => {
    const status = (value: unknown) => parseMessage({ id: 'X', status: value }, 'c')?.status;
    expect(status('read')).toBe('read');
    expect(status('DELIVERED')).toBe('delivered');
    expect(status(1)).toBe('sent');
    expect(status(-1)).toBe('error');
    expect(status('received')).toBe('');
    expect(status({ odd: true })).toBe('');
  });

  it('reads media as getMessage documents it, and the spellings WhatsApp payloads use', () => {
    const documented = parseMessage(
      {
        id: 'X',
        type: 'audio',
        content: '',
        media: { type: 'audio', mimeType: 'audio/ogg', size: 48_000, duration: 12 },
      },
      'c',
    );
    expect(documented).toMatchObject({
      type: 'audio',
      media: { mimeType: 'audio/ogg', size: 48_000, durationSec: 12, fileName: '', voice: false },
    });
    // A type of "text" with an image attached is an image; a size as a string (an int64) is still a size.
    const loose = parseMessage(
      {
        id: 'Y',
        type: 'text',
        caption: 'Foto',
        media: { mediaType: 'image', mimetype: 'image/jpeg', fileLength: '2048' },
      },
      'c',
    );
    expect(loose).toMatchObject({
      type: 'image',
      text: 'Foto',
      media: { mimeType: 'image/jpeg', size: 2048, durationSec: null },
    });
    expect(parseMessage({ id: 'Z', type: 'ptt', media: {} }, 'c')?.media?.voice).toBe(true);
    // Media details that make no sense are left out rather than shown.
    expect(
      parseMessage({ id: 'W', type: 'image', media: { size: -5, duration: 'long' } }, 'c')?.media,
    ).toMatchObject({
      size: null,
      durationSec: null,
    });
    expect(parseMessage({ id: 'V', type: 'text', media: null }, 'c')?.media).toBeNull();
  });

  it('reads a base64 media answer and refuses one without data', () => {
    const file = parseMediaFile({ mime_type: 'image/png', base64: Buffer.from('PNG!').toString('base64') });
    expect(file.mimeType).toBe('image/png');
    expect(file.bytes.toString()).toBe('PNG!');
    expect(parseMediaFile({ base64: 'data:image/png;base64,UE5HIQ==' }).bytes.toString()).toBe('PNG!');
    const unreadable = expect.objectContaining({ code: 'unreadableAnswer', status: 200 });
    expect(() => parseMediaFile({ mime_type: 'image/png' })).toThrow(unreadable);
    expect(() => parseMediaFile({ base64: 'not base64 at all!' })).toThrow(unreadable);
  });
});
