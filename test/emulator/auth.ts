import type { IncomingMessage } from 'node:http';
import type { InstanceRecord, World } from './world.ts';

export type Principal =
  { kind: 'account'; token: string } | { kind: 'instance'; token: string; inst: InstanceRecord };

export const MISSING_TOKEN = 'Missing token in header, Authorization header, or query parameter';
export const INVALID_TOKEN = 'Invalid token';
// The real 403 text is cut off in every stored copy of the docs ("Instance token does not ma…", API.md §2); this
// completion is our guess.
export const WRONG_INSTANCE = 'Instance token does not match this instance';

/**
 * Precedence when several are sent is undocumented (API.md §12.6); we take header `token`, then Authorization,
 * then `?token=`. `?token=` is documented only for /ws; we accept it on REST too, which the shared 401 text suggests.
 */
export function extractToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers['token'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (fromHeader !== undefined && fromHeader.trim() !== '') return fromHeader.trim();
  const authz = req.headers.authorization;
  if (authz !== undefined && authz.trim() !== '') {
    // A bare token without the Bearer scheme is accepted too (our choice: lenient like most gateways).
    const t = authz.trim().replace(/^Bearer\s+/i, '');
    if (t !== '') return t;
  }
  const q = url.searchParams.get('token');
  return q !== null && q.trim() !== '' ? q.trim() : null;
}

export function resolvePrincipal(world: World, token: string): Principal | null {
  if (world.revoked.has(token)) return null;
  if (token === world.accountToken) return { kind: 'account', token };
  const inst = world.instances.find((i) => i.token === token);
  return inst === undefined ? null : { kind: 'instance', token, inst };
}
