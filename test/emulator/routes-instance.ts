import type { RequestContext, RouteDef } from './context.ts';
import { fail, ok } from './http-util.ts';
import type { Reply } from './types.ts';
import type { InstanceRecord } from './world.ts';

const DISPLAY_STATUS: Record<InstanceRecord['state'], string> = {
  connected: 'Online',
  connecting: 'Connecting',
  disconnected: 'Offline',
  loggedout: 'Logged out',
};

// API.md §5.1. TokenAccount sees the account (filter honoured), TokenInstance only its own instance.
function list(ctx: RequestContext): Reply {
  let found: InstanceRecord[];
  if (ctx.principal.kind === 'instance') {
    found = [ctx.principal.inst];
  } else {
    const names = (ctx.url.searchParams.get('instanceName') ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '');
    if (names.length === 0) {
      found = ctx.world.instances;
    } else {
      found = ctx.world.instances.filter((i) => names.includes(i.name));
      if (names.length === 1 && found.length === 0) return fail(404, 'Instance not found');
    }
  }
  const message = found.length === 1 ? '1 Instance found' : `${found.length} Instances found`;
  return ok({ message, instances: found.map(instanceItem) });
}

// Tokens are left out of list items (our choice): only unconfirmed client typings mention them (API.md §5.1).
export function instanceItem(inst: InstanceRecord): Record<string, unknown> {
  const ws = inst.websocket ?? { enabled: false, events: [], mediaBase64: false };
  return {
    id: inst.id,
    name: inst.name,
    status: inst.state,
    createdAt: inst.createdAt,
    connection: {
      state: inst.state,
      numberJid: inst.numberJid,
      presenceStatus: inst.state === 'connected' ? 'available' : 'unavailable',
      displayStatus: DISPLAY_STATUS[inst.state],
    },
    profile: { ...inst.profile },
    webhook: { enabled: false },
    websocket: { enabled: ws.enabled, events: [...ws.events], mediaBase64: ws.mediaBase64 },
  };
}

export const instanceRoutes: RouteDef[] = [
  { method: 'GET', pattern: '/api/instance/list', instance: false, handle: list },
];
