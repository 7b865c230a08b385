import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFaultPatch } from './faults.ts';
import { fail, ok, sendReply } from './http-util.ts';
import type { Emulator, IncomingMessageInput, InstanceStateName, Reply } from './types.ts';

// /__emulator/*: the test-facing API over HTTP for tests that run the emulator in another process.
// No token, no rate limit, not counted by calls().

export function handleAdmin(
  emu: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rawBody: string,
) {
  let reply: Reply;
  try {
    reply = route(emu, req.method ?? 'GET', url, rawBody);
  } catch (e) {
    reply = fail(400, (e as Error).message);
  }
  sendReply(res, reply);
}

function route(emu: Emulator, method: string, url: URL, rawBody: string): Reply {
  const key = `${method} ${url.pathname.replace(/\/$/, '')}`;
  const q = url.searchParams;
  switch (key) {
    case 'GET /__emulator/info':
      return ok({
        baseUrl: emu.baseUrl,
        accountToken: emu.accountToken,
        instances: emu.instances,
        bigChatJid: emu.bigChatJid,
      });
    case 'GET /__emulator/favorites':
      return { status: 200, body: Object.fromEntries(emu.favorites(q.get('instance') ?? 'support')) };
    case 'GET /__emulator/calls':
      return { status: 200, body: { count: emu.calls(q.get('path') ?? undefined) } };
    case 'GET /__emulator/favorite-calls':
      return { status: 200, body: emu.favoriteCalls() };
    case 'POST /__emulator/reset-counters':
      emu.resetCounters();
      return ok({});
    case 'POST /__emulator/faults': {
      applyFaultPatch(emu.faults, json(rawBody));
      const { latencyMs, fail5xx, resetConnections, malformedJson, favoriteBehaviours } = emu.faults;
      return ok({ faults: { latencyMs, fail5xx, resetConnections, malformedJson, favoriteBehaviours } });
    }
    case 'POST /__emulator/delete-message': {
      const b = json(rawBody);
      emu.deleteMessage(str(b, 'instance'), str(b, 'messageId'));
      return ok({});
    }
    case 'POST /__emulator/state': {
      const b = json(rawBody);
      emu.setInstanceState(str(b, 'instance'), str(b, 'state') as InstanceStateName);
      return ok({});
    }
    case 'POST /__emulator/revoke':
      emu.revokeToken(str(json(rawBody), 'token'));
      return ok({});
    case 'POST /__emulator/incoming': {
      const b = json(rawBody);
      const ts = b['timestamp'];
      const { id } = emu.addIncomingMessage(str(b, 'instance'), {
        chatJid: str(b, 'chatJid'),
        text: str(b, 'text'),
        ...(typeof b['pushName'] === 'string' ? { pushName: b['pushName'] } : {}),
        ...(typeof b['fromMe'] === 'boolean' ? { fromMe: b['fromMe'] } : {}),
        ...(typeof b['media'] === 'object' && b['media'] !== null
          ? { media: b['media'] as NonNullable<IncomingMessageInput['media']> }
          : {}),
        ...(typeof ts === 'string' || typeof ts === 'number' ? { timestamp: new Date(ts) } : {}),
      });
      return ok({ id });
    }
    default:
      return fail(404, 'Not found');
  }
}

function json(raw: string): Record<string, unknown> {
  const v: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('body must be a JSON object');
  return v as Record<string, unknown>;
}

function str(b: Record<string, unknown>, key: string): string {
  const v = b[key];
  if (typeof v !== 'string') throw new Error(`${key} must be a string`);
  return v;
}
