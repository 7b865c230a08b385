import type { ChatHistory } from './history.ts';
import { decodeMessageId } from './history.ts';
import { jidCandidates } from './jid.ts';
import type { ContactRecord, InstanceStateName, StoredMessage, WebsocketConfig } from './types.ts';

// The emulator's whole mutable state. Route handlers and the test-facing API read and change only this.

export interface GroupInfo {
  jid: string;
  subject: string;
  participants: Array<{ jid: string; lid: string; pushName: string }>;
}

export interface InstanceRecord {
  index: number;
  name: string;
  id: string;
  token: string;
  createdAt: string;
  state: InstanceStateName;
  numberJid: string;
  profile: { name: string; pictureUrl: string; isBusiness: boolean; businessName: string };
  contacts: ContactRecord[];
  contactsByJid: Map<string, ContactRecord>;
  contactsByLid: Map<string, ContactRecord>;
  /** Push names seen in messages from people who are not in the address book. */
  strangers: Map<string, string>;
  groups: Map<string, GroupInfo>;
  chats: Map<string, ChatHistory>;
  chatByIndex: ChatHistory[];
  /** Ids of messages added at run time → their chat, so lookups need no scan. */
  extraIndex: Map<string, string>;
  websocket: WebsocketConfig | null;
  favorites: Map<string, boolean>;
  /** Messages deleted on the phone: no longer found by id. */
  deleted: Set<string>;
}

export interface World {
  seed: number;
  accountToken: string;
  instances: InstanceRecord[];
  bigChatJid: string;
  revoked: Set<string>;
  /** Increments for every message added at run time: unique ids and a stable order within one second. */
  nextSeq: number;
}

export function findInstance(world: World, name: string): InstanceRecord | undefined {
  return world.instances.find((i) => i.name === name);
}

/** Resolves `number` to the chat JID the instance knows, or to the canonical JID when it knows none. */
export function resolveChatJid(inst: InstanceRecord, input: string): string | null {
  const candidates = jidCandidates(input);
  if (candidates === null) return null;
  // A LID of an address-book contact means that contact's chat, as the real store maps LIDs to phone JIDs.
  const byLid = inst.contactsByLid.get(candidates[0] ?? '');
  if (byLid !== undefined) return byLid.jid;
  const known = candidates.find(
    (jid) =>
      inst.chats.has(jid) || inst.contactsByJid.has(jid) || inst.groups.has(jid) || inst.strangers.has(jid),
  );
  return known ?? candidates[0] ?? null;
}

export function findMessage(world: World, inst: InstanceRecord, id: string): StoredMessage | undefined {
  if (inst.deleted.has(id)) return undefined;
  const extraChat = inst.extraIndex.get(id);
  if (extraChat !== undefined) return inst.chats.get(extraChat)?.findExtra(id);
  const decoded = decodeMessageId(world.seed, id);
  if (decoded === null || decoded.inst !== inst.index) return undefined;
  return inst.chatByIndex[decoded.chat]?.generated(decoded.r);
}

/** Display name for a chat, as the real catalog payload's chat.name would carry it. */
export function chatName(inst: InstanceRecord, jid: string): string {
  const group = inst.groups.get(jid);
  if (group !== undefined) return group.subject;
  const c = inst.contactsByJid.get(jid);
  if (c !== undefined) return c.full_name || c.push_name || c.business_name;
  return inst.strangers.get(jid) ?? '';
}

export function lidOf(inst: InstanceRecord, jid: string): string {
  return inst.contactsByJid.get(jid)?.lid ?? '';
}
