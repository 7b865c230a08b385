import type { EventSink } from './context.ts';
import { ChatHistory } from './history.ts';
import { isGroupJid } from './jid.ts';
import { pngSize } from './media.ts';
import { hash32 } from './prng.ts';
import type { IncomingMessageInput, StoredMedia, StoredMessage } from './types.ts';
import { resolveChatJid } from './world.ts';
import type { InstanceRecord, World } from './world.ts';

/** Stores a run-time message (history and getMessage see it) and pushes it to open sockets. */
export function addIncoming(
  world: World,
  inst: InstanceRecord,
  input: IncomingMessageInput,
  events: EventSink,
) {
  const chatJid = resolveChatJid(inst, input.chatJid);
  if (chatJid === null) throw new Error(`not a chat JID or number: ${input.chatJid}`);
  let chat = inst.chats.get(chatJid);
  if (chat === undefined) {
    chat = new ChatHistory({
      jid: chatJid,
      index: inst.chatByIndex.length,
      kind: isGroupJid(chatJid) ? 'group' : 'private',
      count: 0,
      tsAt: () => 0,
      build: () => {
        throw new Error('chat has no seeded messages');
      },
    });
    inst.chatByIndex.push(chat);
    inst.chats.set(chatJid, chat);
  }
  const seq = world.nextSeq++;
  const fromMe = input.fromMe === true;
  // Without a timestamp the message must be the chat's newest, even if the seed is dated after the wall clock.
  const tsSec =
    input.timestamp === undefined
      ? Math.max(Math.floor(Date.now() / 1000), chat.newestSec())
      : Math.floor(input.timestamp.getTime() / 1000);
  let senderJid = chatJid;
  let knownName = inst.contactsByJid.get(chatJid)?.push_name ?? inst.strangers.get(chatJid) ?? '';
  if (fromMe) {
    senderJid = inst.numberJid;
    knownName = inst.profile.name;
  } else if (chat.kind === 'group') {
    // The public signature has no sender field, so group messages come from the group's first participant.
    const author = inst.groups.get(chatJid)?.participants[0];
    senderJid = author?.jid ?? chatJid;
    knownName = author?.pushName ?? '';
  } else if (input.pushName !== undefined && !inst.contactsByJid.has(chatJid)) {
    // Remember it like ingestion would, so a contacts lookup reports the push name with found=false.
    inst.strangers.set(chatJid, input.pushName);
  }
  const pushName = input.pushName ?? knownName;
  const msg: StoredMessage = {
    id: incomingId(world.seed, seq, fromMe),
    chatJid,
    tsSec,
    fromMe,
    senderJid,
    pushName,
    content: input.text,
    status: fromMe ? 'sent' : 'received',
    seq,
    type: input.media?.type ?? 'text',
    media: input.media ? mediaOf(input.media) : null,
  };
  chat.add(msg);
  inst.extraIndex.set(msg.id, chatJid);
  events.messageExchange(inst, msg, input.textInEvent !== false);
  return msg;
}

const defaultMime = {
  image: 'image/png',
  sticker: 'image/png',
  video: 'video/mp4',
  audio: 'audio/ogg; codecs=opus',
  document: 'application/pdf',
};

/** Fills in what a test left out; images and stickers are real PNGs of the size they claim. */
function mediaOf(input: NonNullable<IncomingMessageInput['media']>): StoredMedia {
  const { type, ...given } = input;
  if (type === 'image' || type === 'sticker') {
    const [width, height] = type === 'sticker' ? [128, 128] : [320, 240];
    return { mimeType: 'image/png', ...given, width, height, size: pngSize(width, height) };
  }
  return { mimeType: defaultMime[type], size: 48_000, ...given };
}

// Shaped like real ids (WhatsApp Web 3EB0… for own sends, 32 hex from phones) but of other lengths than the
// seeded ids, so the two families never collide.
function incomingId(seed: number, seq: number, fromMe: boolean): string {
  const words = [0, 1, 2, 3].map((k) => hash32(seed, 0x1c0, seq, k).toString(16).padStart(8, '0'));
  const hex = words.join('').toUpperCase();
  return fromMe ? `3EB0${hex.slice(0, 18)}` : hex;
}
