import type { Principal } from './auth.ts';
import type { Reply, StoredMessage } from './types.ts';
import type { InstanceRecord, World } from './world.ts';

/** What routes may push to open WebSockets; implemented by websocket.ts. */
export interface EventSink {
  messageExchange(inst: InstanceRecord, msg: StoredMessage, textInEvent?: boolean): void;
  instanceState(inst: InstanceRecord): void;
}

export interface RequestContext {
  world: World;
  principal: Principal;
  url: URL;
  rawBody: string;
  events: EventSink;
}

export interface InstanceContext extends RequestContext {
  inst: InstanceRecord;
}

export type RouteDef =
  | { method: 'GET' | 'POST'; pattern: string; instance: false; handle(ctx: RequestContext): Reply }
  | { method: 'GET' | 'POST'; pattern: string; instance: true; handle(ctx: InstanceContext): Reply };
