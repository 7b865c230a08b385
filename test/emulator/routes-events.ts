import type { InstanceContext, RouteDef } from './context.ts';
import { checkFields, fail, ok, parseJsonBody } from './http-util.ts';
import type { Reply, WebsocketConfig } from './types.ts';

export const EVENT_TYPES = [
  'message.exchange',
  'message.status',
  'call.update',
  'group.flow',
  'instance.state',
  'label.update',
] as const;

// §9.2: upsert of the single per-instance config.
function configure(ctx: InstanceContext): Reply {
  const parsed = parseJsonBody(ctx.rawBody);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  const typeError = checkFields(
    body,
    { enabled: 'bool', events: 'string[]', mediaBase64: 'bool' },
    'WebsocketRequest',
  );
  if (typeError !== null) return typeError;
  // A body without `enabled` enables (our choice): posting a config usually means "I want events".
  const enabled = body['enabled'] !== false;
  const requested = Array.isArray(body['events']) ? (body['events'] as string[]) : [];
  const unknown = requested.find((e) => !(EVENT_TYPES as readonly string[]).includes(e));
  // Rejecting unknown event names is our choice; the docs list only a generic 400 for this endpoint.
  if (unknown !== undefined) return fail(400, `Invalid request body: unknown event '${unknown}'`);
  const config: WebsocketConfig = enabled
    ? {
        enabled: true,
        // Omitted (or empty, our choice) means all six types.
        events: requested.length === 0 ? [...EVENT_TYPES] : [...new Set(requested)],
        mediaBase64: body['mediaBase64'] === true,
      }
    : { enabled: false, events: [], mediaBase64: false };
  ctx.inst.websocket = config;
  // Success text undocumented: our choice.
  return ok({
    message: 'WebSocket configured successfully',
    websocket: { ...config, events: [...config.events] },
  });
}

function read(ctx: InstanceContext): Reply {
  const config = ctx.inst.websocket;
  if (config === null) return fail(404, 'WebSocket not configured for this instance');
  return ok({
    message: 'WebSocket configuration retrieved',
    websocket: { ...config, events: [...config.events] },
  });
}

export const eventRoutes: RouteDef[] = [
  { method: 'POST', pattern: '/api/events/websocket', instance: true, handle: configure },
  { method: 'GET', pattern: '/api/events/getWebsocket', instance: true, handle: read },
];
