// Public API types (kept exactly as the emulator brief names them) plus the internal records they rest on.

export interface EmulatorOptions {
  seed?: number;
  contacts?: number;
  bigChatMessages?: number;
  messagesPerChat?: number;
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
  favoriteCalls(): Array<{ instance: string; body: unknown; status: number }>;
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
