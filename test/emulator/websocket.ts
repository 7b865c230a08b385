import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { EventSink } from './context.ts';
import { rfc3339 } from './http-util.ts';
import { isGroupJid } from './jid.ts';
import type { StoredMessage } from './types.ts';
import { chatName, lidOf } from './world.ts';
import type { InstanceRecord } from './world.ts';

interface Client {
  ws: WebSocket;
  inst: InstanceRecord;
}

/** Open `/ws/:instance` sockets and the frames pushed to them (API.md §9.3–9.5). */
export class WsHub implements EventSink {
  private readonly wss = new WebSocketServer({ noServer: true, clientTracking: false });
  private readonly clients = new Set<Client>();
  private readonly upgradeHeaders = new WeakMap<IncomingMessage, Record<string, string>>();
  private readonly exchanges = new Map<InstanceRecord, number>();
  private readonly baseUrl: () => string;

  constructor(baseUrl: () => string) {
    this.baseUrl = baseUrl;
    // Rate-limit headers ride on the 101 response too: the upgrade counts against the limit (§3).
    this.wss.on('headers', (lines: string[], req: IncomingMessage) => {
      for (const [k, v] of Object.entries(this.upgradeHeaders.get(req) ?? {})) lines.push(`${k}: ${v}`);
    });
  }

  accept(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    inst: InstanceRecord,
    headers: Record<string, string>,
  ) {
    this.upgradeHeaders.set(req, headers);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const client = { ws, inst };
      this.clients.add(client);
      ws.on('close', () => this.clients.delete(client));
      ws.on('error', () => this.clients.delete(client));
    });
  }

  openCount(instance?: string): number {
    let n = 0;
    for (const c of this.clients) if (instance === undefined || c.inst.name === instance) n++;
    return n;
  }

  /** Abrupt, like a network drop: no close frame. */
  terminateAll(): void {
    for (const c of this.clients) c.ws.terminate();
    this.clients.clear();
  }

  instanceState(inst: InstanceRecord): void {
    this.publish(inst, 'instance.state', { state: inst.state });
  }

  messageExchange(inst: InstanceRecord, stored: StoredMessage, textInEvent = true): void {
    const n = this.exchanges.get(inst) ?? 0;
    this.exchanges.set(inst, n + 1);
    const msg = textInEvent ? stored : { ...stored, content: '' };
    // Alternate between the documented catalog shape and the live shape clients observed (API.md §9.5), so a
    // client that handles only one of them fails its tests.
    this.publish(inst, 'message.exchange', n % 2 === 0 ? catalogShape(inst, msg) : liveShape(inst, msg));
  }

  private publish(inst: InstanceRecord, event: string, data: unknown): void {
    const config = inst.websocket;
    // Sockets opened before a config change stay open (§9.2) but get only what the current config lists.
    if (config === null || !config.enabled || !config.events.includes(event)) return;
    // The real server puts the instance token in every frame; we never do, so a client that logs frames cannot
    // leak a credential in tests, and a client that relies on that field is caught.
    const frame = JSON.stringify({
      event,
      data,
      instanceData: { baseUrl: this.baseUrl(), instance: inst.name, token: '<redacted>' },
    });
    for (const c of this.clients) {
      if (c.inst === inst && c.ws.readyState === WebSocket.OPEN) c.ws.send(frame);
    }
  }
}

function parties(inst: InstanceRecord, m: StoredMessage) {
  const chat = {
    jid: m.chatJid,
    lid: lidOf(inst, m.chatJid),
    name: chatName(inst, m.chatJid),
    type: isGroupJid(m.chatJid) ? 'group' : 'private',
  };
  const sender = m.fromMe
    ? { jid: inst.numberJid, lid: '', name: inst.profile.name }
    : {
        jid: m.senderJid,
        lid: m.senderJid.endsWith('@lid') ? m.senderJid : lidOf(inst, m.senderJid),
        name: m.pushName,
      };
  return { chat, sender, direction: m.fromMe ? 'outgoing' : 'incoming' };
}

function catalogShape(inst: InstanceRecord, m: StoredMessage) {
  const { chat, sender, direction } = parties(inst, m);
  return {
    id: m.id,
    message: {
      id: m.id,
      direction,
      timestamp: rfc3339(m.tsSec),
      chat,
      sender,
      content: { text: m.content },
      // The catalog's media keys (type, url, s3Url, base64, mimetype, …); no URL: bytes come from base64.
      media: m.media ? { type: m.type, mimetype: m.media.mimeType, size: m.media.size } : null,
    },
  };
}

function liveShape(inst: InstanceRecord, m: StoredMessage) {
  const { chat, sender, direction } = parties(inst, m);
  return {
    id: m.id,
    direction,
    timestamp: rfc3339(m.tsSec),
    chat,
    sender,
    // `recipient` as a bare JID and the `source` values are our choice; API.md does not show them.
    recipient: m.fromMe ? m.chatJid : inst.numberJid,
    message: {
      type: m.type,
      content: m.content,
      source: m.fromMe ? 'phone' : 'whatsapp',
      isEdit: false,
      media: m.media ? { mimetype: m.media.mimeType, size: m.media.size } : null,
      context: null,
      edit: null,
      interactive: null,
    },
  };
}
