import type { RouteDef } from './context.ts';
import { chatRoutes } from './routes-chat.ts';
import { eventRoutes } from './routes-events.ts';
import { instanceRoutes } from './routes-instance.ts';

const ROUTES: RouteDef[] = [...instanceRoutes, ...chatRoutes, ...eventRoutes];

export interface RouteMatch {
  pattern: string;
  defs: RouteDef[];
  /** '' when an instance route was called without a name; null for routes that take none. */
  instanceName: string | null;
}

export function matchRoute(path: string): RouteMatch | null {
  for (const def of ROUTES) {
    if (!def.instance) {
      if (path === def.pattern || path === `${def.pattern}/`) return match(def.pattern, null);
      continue;
    }
    if (path === def.pattern) return match(def.pattern, '');
    if (path.startsWith(`${def.pattern}/`)) {
      const rest = path.slice(def.pattern.length + 1).replace(/\/$/, '');
      if (!rest.includes('/')) return match(def.pattern, safeDecode(rest));
    }
  }
  return null;
}

/** Key under which calls() counts a request: the route pattern without the instance, e.g. '/api/chat/favorite'. */
export function routeKey(path: string): string {
  if (path === '/ws' || path.startsWith('/ws/')) return '/ws';
  return matchRoute(path)?.pattern ?? path;
}

function match(pattern: string, instanceName: string | null): RouteMatch {
  return { pattern, defs: ROUTES.filter((d) => d.pattern === pattern), instanceName };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
