import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Counters, type FavoriteCall } from './counters.ts';
import { createFaults } from './faults.ts';
import { addIncoming } from './incoming.ts';
import { RateLimiter } from './rate-limit.ts';
import { handleAdmin } from './routes-admin.ts';
import { buildWorld } from './seed.ts';
import { createRequestHandler, createUpgradeHandler } from './server.ts';
import type {
  Emulator,
  EmulatorInstanceInfo,
  EmulatorOptions,
  Faults,
  IncomingMessageInput,
  InstanceStateName,
} from './types.ts';
import { WsHub } from './websocket.ts';
import { findInstance } from './world.ts';
import type { InstanceRecord, World } from './world.ts';

const STATES: readonly InstanceStateName[] = ['connected', 'disconnected', 'connecting', 'loggedout'];

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new RyzeEmulator(options);
}

class RyzeEmulator implements Emulator {
  readonly faults: Faults = createFaults();
  private readonly world: World;
  private readonly limiter: RateLimiter;
  private readonly counters = new Counters();
  private readonly hub: WsHub;
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private port: number;
  private readonly now: () => number;

  constructor(options: EmulatorOptions) {
    const seed = option(options.seed, 1, -(2 ** 31), 2 ** 31 - 1, 'seed');
    this.world = buildWorld({
      seed,
      contacts: option(options.contacts, 40, 1, 200_000, 'contacts'),
      bigChatMessages: option(options.bigChatMessages, 200, 0, 1_000_000, 'bigChatMessages'),
      messagesPerChat: option(options.messagesPerChat, 12, 0, 100_000, 'messagesPerChat'),
      historyChats: (options.historyChats ?? []).map((n, i) =>
        option(n, 0, 0, 1_000_000, `historyChats[${i}]`),
      ),
    });
    this.limiter = new RateLimiter(
      option(options.rateLimit, 100, 1, 1e9, 'rateLimit'),
      option(options.rateWindowMs, 60_000, 1, 1e10, 'rateWindowMs'),
    );
    this.port = option(options.port, 0, 0, 65_535, 'port');
    this.now = options.now ?? Date.now;
    this.hub = new WsHub(() => this.baseUrl);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get accountToken(): string {
    return this.world.accountToken;
  }

  get instances(): EmulatorInstanceInfo[] {
    return this.world.instances.map((i) => ({ name: i.name, token: i.token }));
  }

  get bigChatJid(): string {
    return this.world.bigChatJid;
  }

  get groupJids(): string[] {
    return [...(this.world.instances[0]?.groups.keys() ?? [])];
  }

  async start(): Promise<void> {
    if (this.server !== null) return;
    const deps = {
      world: this.world,
      limiter: this.limiter,
      faults: this.faults,
      counters: this.counters,
      hub: this.hub,
      startedAtMs: Date.now(),
      now: this.now,
      baseUrl: () => this.baseUrl,
      handleAdmin: handleAdmin.bind(null, this),
    };
    const onRequest = createRequestHandler(deps);
    const onUpgrade = createUpgradeHandler(deps);
    const server = createServer((req, res) => void onRequest(req, res));
    server.on('upgrade', (req, socket, head) => void onUpgrade(req, socket, head));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('clientError', (_err, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Loopback only: the emulator must never be reachable from the network.
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === null) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Destroy rather than drain: clients must see what a dropped network looks like, not a polite shutdown.
    this.hub.terminateAll();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  favorites(instance: string): Map<string, boolean> {
    return new Map(this.instance(instance).favorites);
  }

  resetFavorites(instance: string): void {
    this.instance(instance).favorites.clear();
  }

  deleteMessage(instance: string, messageId: string): void {
    this.instance(instance).deleted.add(messageId);
  }

  redirectsFollowed(): number {
    return this.counters.redirectsFollowed();
  }

  calls(path?: string): number {
    return this.counters.count(path);
  }

  favoriteCalls(): FavoriteCall[] {
    return this.counters.favoriteCalls();
  }

  resetCounters(): void {
    this.counters.reset();
  }

  addIncomingMessage(instance: string, msg: IncomingMessageInput): { id: string } {
    return { id: addIncoming(this.world, this.instance(instance), msg, this.hub).id };
  }

  /** Renames a contact in the instance's address book, as editing it on the phone would. */
  renameContact(instance: string, jid: string, fullName: string): void {
    const contact = this.instance(instance).contactsByJid.get(jid);
    if (!contact) throw new Error(`no contact ${jid} in ${instance}`);
    contact.full_name = fullName;
  }

  setInstanceState(instance: string, state: InstanceStateName): void {
    if (!STATES.includes(state)) throw new Error(`unknown instance state: ${String(state)}`);
    const inst = this.instance(instance);
    inst.state = state;
    this.hub.instanceState(inst);
  }

  revokeToken(token: string): void {
    this.world.revoked.add(token);
  }

  /** Open WebSocket count, for tests and the admin surface (not part of the public interface). */
  openSockets(instance?: string): number {
    return this.hub.openCount(instance);
  }

  private instance(name: string): InstanceRecord {
    const inst = findInstance(this.world, name);
    if (inst === undefined) throw new Error(`unknown instance: ${name}`);
    return inst;
  }
}

function option(value: number | undefined, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`EmulatorOptions.${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}
