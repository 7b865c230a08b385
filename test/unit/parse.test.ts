import { describe, expect, it } from 'vitest';
import {
  contactDisplayName,
  parseExchangeEvent,
  parseInstances,
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
});
