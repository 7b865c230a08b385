import type { FavoriteCall } from './counters.ts';
import type { FavoriteBehaviour } from './favorite-behaviours.ts';

// Public API types (kept exactly as the emulator brief names them) plus the internal records they rest on.

export interface EmulatorOptions {
  seed?: number;
  /**
   * The emulator's clock (epoch ms) for rate-limit windows and X-RateLimit-Reset; Date.now by default.
   * Tests that run the app on a scaled clock pass the same one, so both agree on when a window ends.
   */
  now?: () => number;
  contacts?: number;
  bigChatMessages?: number;
  messagesPerChat?: number;
  /**
   * More chats with history, one per address-book contact from the 21st on, each with this many messages
   * (the benchmark's store at scale: 2,000 chats). Their messages are generated like every other.
   */
  historyChats?: number[];
  rateLimit?: number;
  rateWindowMs?: number;
  port?: number;
}

export interface EmulatorInstanceInfo {
  name: string;
  token: string;
}

export interface Faults {
  latencyMs: number;
  fail5xx: number;
  resetConnections: number;
  malformedJson: number;
  /** How the next favorite calls are answered, one taken per call (favorite-behaviours.ts). */
  favoriteBehaviours: FavoriteBehaviour[];
  clear(): void;
}

export type InstanceStateName = 'connected' | 'disconnected' | 'connecting' | 'loggedout';

export interface IncomingMessageInput {
  chatJid: string;
  text: string;
  pushName?: string;
  fromMe?: boolean;
  timestamp?: Date;
  /**
   * false: the live frame carries no text (as for a media message, or a frame the server trimmed), so a
   * client must fetch the message with getMessage. Default true.
   */
  textInEvent?: boolean;
  /** A media message: its type and what is known about the file; `text` is then the caption. */
  media?: { type: Exclude<MessageType, 'text' | 'location' | 'contact'> } & Partial<StoredMedia>;
}

export interface Emulator {
  readonly baseUrl: string;
  readonly accountToken: string;
  readonly instances: EmulatorInstanceInfo[];
  readonly bigChatJid: string;
  /** The seeded groups of the first instance (support), so tests can send to one. */
  readonly groupJids: string[];
  start(): Promise<void>;
  stop(): Promise<void>;
  faults: Faults;
  favorites(instance: string): Map<string, boolean>;
  calls(path?: string): number;
  favoriteCalls(): FavoriteCall[];
  /** Requests that followed a `redirect` behaviour's Location (a client must never follow one). */
  redirectsFollowed(): number;
  /** Deletes a message on the server, as deleting it on the phone would: favorite and getMessage 404. */
  deleteMessage(instance: string, messageId: string): void;
  /** Forgets every favorite the instance recorded (a fresh server for the next test run). */
  resetFavorites(instance: string): void;
  resetCounters(): void;
  addIncomingMessage(instance: string, msg: IncomingMessageInput): { id: string };
  /** Renames a contact in the instance's address book, as editing it on the phone would. */
  renameContact(instance: string, jid: string, fullName: string): void;
  setInstanceState(instance: string, state: InstanceStateName): void;
  revokeToken(token: string): void;
}

export interface ContactRecord {
  jid: string;
  lid: string;
  first_name: string;
  full_name: string;
  push_name: string;
  business_name: string;
  redacted_phone: string;
  found: boolean;
}

export interface StoredMessage {
  id: string;
  chatJid: string;
  /** Whole Unix seconds: WhatsApp timestamps have no sub-second part, and paging by an inclusive `to` relies on it. */
  tsSec: number;
  fromMe: boolean;
  senderJid: string;
  pushName: string;
  /** The text, or a media message's caption ('' when it has none). */
  content: string;
  status: string;
  /** Tie-breaker inside one second: higher is newer. */
  seq: number;
  /** WhatsApp's message type as the API names it (API.md §6.4, §6.12): text, image, video, audio, … */
  type: MessageType;
  /** What getMessage carries as data.media (API.md §6.4); null for text, location and contact messages. */
  media: StoredMedia | null;
}

export type MessageType =
  'text' | 'image' | 'video' | 'audio' | 'document' | 'sticker' | 'location' | 'contact';

export interface StoredMedia {
  /** The bytes' MIME type; base64 returns it as mime_type (API.md §6.12). */
  mimeType: string;
  /** Bytes, exactly what GET /api/chat/base64 returns once decoded. */
  size: number;
  /** Seconds, for audio and video (API.md §6.4). */
  duration?: number;
  /** Documents carry one; whether the API names the field fileName is not documented (NF). */
  fileName?: string;
  /** Audio recorded as a voice note (as the send endpoint's isVoice, API.md §7). */
  voice?: boolean;
  /** Pixel size of an image or sticker; internal, so its bytes can be rebuilt (not sent: undocumented). */
  width?: number;
  height?: number;
}

export interface WebsocketConfig {
  enabled: boolean;
  events: string[];
  mediaBase64: boolean;
}

export interface Reply {
  status: number;
  body: unknown;
}
