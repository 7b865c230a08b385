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
}

export interface Emulator {
  readonly baseUrl: string;
  readonly accountToken: string;
  readonly instances: EmulatorInstanceInfo[];
  readonly bigChatJid: string;
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
  content: string;
  status: string;
  /** Tie-breaker inside one second: higher is newer. */
  seq: number;
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
