import { ChatHistory, encodeMessageId } from './history.ts';
import { isGroupJid } from './jid.ts';
import { seededKind } from './media.ts';
import {
  BUSINESS_NAMES,
  DDDS,
  FIRST_NAMES,
  GROUP_SUBJECTS,
  LAST_NAMES,
  OWN_PROFILES,
  PHRASES,
} from './names.ts';
import { createRng, hash32, pickBy } from './prng.ts';
import type { Rng } from './prng.ts';
import type { ContactRecord, StoredMessage } from './types.ts';
import type { GroupInfo, InstanceRecord, World } from './world.ts';

export interface SeedOptions {
  seed: number;
  contacts: number;
  bigChatMessages: number;
  messagesPerChat: number;
  /** Message counts of more chats with history, for contacts from the 21st on (see EmulatorOptions). */
  historyChats?: number[];
}

/** The first address-book contact given one of `historyChats`: past every contact HISTORY_CONTACTS names. */
const FIRST_EXTRA_HISTORY_CONTACT = 20;

// Fixed anchor so the same seed yields byte-identical history whatever day the tests run.
export const BIG_CHAT_NEWEST_SEC = Date.UTC(2026, 10, 1, 12, 0, 0) / 1000;
const SALES_CONTACTS = 6;
// Indices (into the address book) of the contacts whose chats get history besides the big chat; chosen to
// cover every naming category, including the LID-only contact at 19.
const HISTORY_CONTACTS = [1, 2, 3, 5, 7, 19];

export function buildWorld(opts: SeedOptions): World {
  const rng = createRng(opts.seed);
  const accountToken = rng.hex(32);
  const world: World = {
    seed: opts.seed,
    accountToken,
    instances: [],
    bigChatJid: '',
    revoked: new Set(),
    nextSeq: 1,
  };
  const usedJids = new Set<string>();
  const support = newInstance(rng, 0, 'support', 'connected', '21', usedJids);
  const sales = newInstance(rng, 1, 'sales', 'disconnected', '11', usedJids);
  world.instances.push(support, sales);

  addContacts(rng, support, opts.contacts, usedJids);
  addContacts(rng, sales, SALES_CONTACTS, usedJids);

  const big = support.contacts[0];
  if (big === undefined) throw new Error('support needs at least one contact');
  world.bigChatJid = big.jid;
  addChat(world, support, big.jid, opts.bigChatMessages, 60);
  for (const i of HISTORY_CONTACTS) {
    const c = support.contacts[i];
    if (c !== undefined) addChat(world, support, c.jid, opts.messagesPerChat, 7 * 60);
  }
  for (let g = 0; g < 2; g++) {
    const group = newGroup(rng, support, g, usedJids);
    support.groups.set(group.jid, group);
    addChat(world, support, group.jid, opts.messagesPerChat, 11 * 60);
  }
  // Chats with history whose other side is not in the address book: one sent a push name, one did not.
  for (const pushName of [`${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, '']) {
    const jid = uniquePhoneJid(rng, usedJids);
    support.strangers.set(jid, pushName);
    addChat(world, support, jid, opts.messagesPerChat, 5 * 60);
  }
  for (const c of sales.contacts.slice(0, 2)) addChat(world, sales, c.jid, opts.messagesPerChat, 13 * 60);
  const extra = opts.historyChats ?? [];
  if (extra.length > 0 && extra.length > support.contacts.length - FIRST_EXTRA_HISTORY_CONTACT)
    throw new Error(`historyChats needs ${extra.length + FIRST_EXTRA_HISTORY_CONTACT} contacts`);
  extra.forEach((count, i) => {
    const c = support.contacts[FIRST_EXTRA_HISTORY_CONTACT + i] as ContactRecord;
    addChat(world, support, c.jid, count, 17 * 60);
  });
  return world;
}

function newInstance(
  rng: Rng,
  index: number,
  name: string,
  state: InstanceRecord['state'],
  ddd: string,
  usedJids: Set<string>,
): InstanceRecord {
  const own = OWN_PROFILES[index] ?? OWN_PROFILES[0];
  return {
    index,
    name,
    id: uuid(rng),
    token: rng.hex(32),
    createdAt: new Date(Date.UTC(2026, 0, 5 + index * 17, 13, 4, 11)).toISOString().replace('.000', ''),
    state,
    numberJid: uniquePhoneJid(rng, usedJids, ddd),
    // Empty picture URL is our choice: a real CDN URL would make offline tests reach the internet.
    profile: { name: own.name, pictureUrl: '', isBusiness: true, businessName: own.businessName },
    contacts: [],
    contactsByJid: new Map(),
    contactsByLid: new Map(),
    strangers: new Map(),
    groups: new Map(),
    chats: new Map(),
    chatByIndex: [],
    extraIndex: new Map(),
    websocket: null,
    favorites: new Map(),
    deleted: new Set(),
  };
}

// Spread of naming cases so a client's full_name → push_name → business_name → number fallback is exercised.
function addContacts(rng: Rng, inst: InstanceRecord, count: number, usedJids: Set<string>): void {
  for (let i = 0; i < count; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.next() < 0.3 ? `${rng.pick(LAST_NAMES)} ${rng.pick(LAST_NAMES)}` : rng.pick(LAST_NAMES);
    const lid = rng.next() < 0.4 || i % 40 === 19 ? `${rng.digits(14)}@lid` : '';
    const c: ContactRecord = {
      jid: uniquePhoneJid(rng, usedJids),
      lid,
      first_name: '',
      full_name: '',
      push_name: '',
      business_name: '',
      redacted_phone: '',
      found: true,
    };
    const slot = i % 20;
    if (slot === 3 || slot === 13) {
      c.push_name = pushNameFor(rng, first, last);
    } else if (slot === 7 || slot === 17) {
      c.business_name = pickBy(BUSINESS_NAMES, i + rng.int(BUSINESS_NAMES.length));
    } else if (slot === 19) {
      if (i % 40 === 19) {
        // Only the LID is known: the JID is the LID and the phone is redacted.
        c.jid = c.lid;
        const digits = rng.digits(2);
        c.redacted_phone = `+55 ${rng.pick(DDDS)} •••••-••${digits}`;
      }
    } else {
      c.first_name = first;
      c.full_name = `${first} ${last}`;
      c.push_name = rng.next() < 0.8 ? pushNameFor(rng, first, last) : '';
      if (slot === 11) c.business_name = rng.pick(BUSINESS_NAMES);
    }
    inst.contacts.push(c);
    inst.contactsByJid.set(c.jid, c);
    if (c.lid !== '') inst.contactsByLid.set(c.lid, c);
  }
}

function pushNameFor(rng: Rng, first: string, last: string): string {
  const style = rng.int(5);
  if (style === 0) return `${first} ${last}`;
  if (style === 1) return `${first} 🌻`;
  if (style === 2) return first.toLowerCase();
  return first;
}

function newGroup(rng: Rng, inst: InstanceRecord, g: number, usedJids: Set<string>): GroupInfo {
  const participants: GroupInfo['participants'] = [];
  for (const i of [0, 2, 4, 8, 10]) {
    const c = inst.contacts[i];
    if (c !== undefined) participants.push({ jid: c.jid, lid: c.lid, pushName: c.push_name || c.first_name });
  }
  // One author known only by LID and one stranger with a phone JID: senders are not always contacts.
  const lid = `${rng.digits(15)}@lid`;
  participants.push({ jid: lid, lid, pushName: rng.pick(FIRST_NAMES) });
  const stranger = uniquePhoneJid(rng, usedJids);
  const strangerName = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  participants.push({ jid: stranger, lid: '', pushName: strangerName });
  inst.strangers.set(stranger, strangerName);
  return { jid: `120363${rng.digits(12)}@g.us`, subject: pickBy(GROUP_SUBJECTS, g), participants };
}

function addChat(world: World, inst: InstanceRecord, jid: string, count: number, stepSec: number): void {
  const chat = inst.chatByIndex.length;
  const seed = world.seed;
  const newest = BIG_CHAT_NEWEST_SEC - chat * (2 * 3600 + 13 * 60);
  const tsAt = (r: number): number => {
    // Every 37th message shares its second with the next newer one, so an inclusive `to` boundary can hold
    // more than one message and clients must de-duplicate by id rather than by timestamp.
    const base = r % 37 === 36 ? r - 1 : r;
    const jitter = base === 0 ? 0 : hash32(seed, 7, inst.index, chat, base) % Math.floor(stepSec / 2);
    return newest - base * stepSec - jitter;
  };
  const group = isGroupJid(jid) ? inst.groups.get(jid) : undefined;
  const contact = inst.contactsByJid.get(jid);
  const otherName = contact?.push_name ?? inst.strangers.get(jid) ?? '';
  const build = (r: number): StoredMessage => {
    const h = hash32(seed, 11, inst.index, chat, r);
    const fromMe = h % 5 < 2;
    const n = 10_000 + ((r * 7919 + chat) % 90_000);
    const phrase = pickBy(PHRASES, h >>> 8).replaceAll('{n}', String(n));
    const kind = seededKind(seed, inst.index, chat, r, n);
    let senderJid = fromMe ? inst.numberJid : jid;
    let pushName = fromMe ? inst.profile.name : otherName;
    if (!fromMe && group !== undefined) {
      const p = pickBy(group.participants, h >>> 20);
      senderJid = p.jid;
      pushName = p.pushName;
    }
    return {
      id: encodeMessageId(seed, inst.index, chat, r),
      chatJid: jid,
      tsSec: tsAt(r),
      fromMe,
      senderJid,
      pushName,
      content: kind.content ?? phrase,
      status: r < 2 ? (fromMe ? 'delivered' : 'received') : 'read',
      seq: 0,
      type: kind.type,
      media: kind.media,
    };
  };
  const history = new ChatHistory({
    jid,
    index: chat,
    kind: group ? 'group' : 'private',
    count,
    tsAt,
    build,
  });
  inst.chatByIndex.push(history);
  inst.chats.set(jid, history);
}

function uniquePhoneJid(rng: Rng, used: Set<string>, ddd?: string): string {
  for (;;) {
    const jid = `55${ddd ?? rng.pick(DDDS)}9${6 + rng.int(4)}${rng.digits(7)}@s.whatsapp.net`;
    if (!used.has(jid)) {
      used.add(jid);
      return jid;
    }
  }
}

function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}
