import type { Reply } from './types.ts';
import { fail } from './http-util.ts';

/**
 * How the emulator answers one favorite call, so tests can give each call any outcome a real server (or
 * the network in front of it) can produce. Queued in `faults.favoriteBehaviours`, one taken per call.
 * - applied: the handler runs and answers normally (its own 404/503 included); appliedSlowly: the same,
 *   a moment later (so the user can act while it is in flight); appliedDisagreeing: the same, but the
 *   answer names the other favorite value;
 * - appliedUnreadable / appliedThenReset / error500AfterApply: the handler runs (the change is made), then
 *   the answer is garbled, cut off or replaced by a 500;
 * - resetBeforeRequest / error500BeforeApply / redirect: nothing is applied, and the client cannot tell;
 * - rateLimited / notConnected / invalidToken / invalidRequest: documented refusals, nothing applied.
 */
export const favoriteBehaviours = [
  'applied',
  'appliedSlowly',
  'appliedDisagreeing',
  'appliedUnreadable',
  'appliedThenReset',
  'resetBeforeRequest',
  'error500BeforeApply',
  'error500AfterApply',
  'rateLimited',
  'notConnected',
  'invalidToken',
  'invalidRequest',
  'redirect',
] as const;
export type FavoriteBehaviour = (typeof favoriteBehaviours)[number];

/** Where the `redirect` behaviour points: a path of the emulator that counts clients that follow it. */
export const redirectTargetPath = '/__emulator/redirect-target';

/** How long `appliedSlowly` keeps a call in flight. */
export const slowAnswerMs = 25;

/** Seconds the `rateLimited` behaviour asks a client to wait, through X-RateLimit-Reset. */
export const rateLimitedWaitSec = 5;

/** An answer the emulator sends (or a dropped connection). */
export type BehaviourAnswer =
  | { kind: 'reset' }
  | { kind: 'reply'; reply: Reply; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; text: string };
export type BehaviourStep = BehaviourAnswer | { kind: 'run' };

/** What to do before the handler runs: answer instead of it, or let it run. */
export function beforeHandler(behaviour: FavoriteBehaviour, nowMs: number, baseUrl: string): BehaviourStep {
  switch (behaviour) {
    case 'resetBeforeRequest':
      return { kind: 'reset' };
    case 'error500BeforeApply':
      return { kind: 'reply', reply: fail(500, 'Internal server error') };
    case 'rateLimited':
      return {
        kind: 'reply',
        reply: fail(429, 'Rate limit exceeded. Try again later.'),
        headers: {
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Math.ceil(nowMs / 1000) + rateLimitedWaitSec),
        },
      };
    case 'notConnected':
      return { kind: 'reply', reply: fail(503, 'Instance is not connected to WhatsApp') };
    case 'invalidToken':
      return { kind: 'reply', reply: fail(401, 'Invalid token') };
    case 'invalidRequest':
      return { kind: 'reply', reply: fail(400, 'Invalid request body: unexpected EOF') };
    case 'redirect':
      return {
        kind: 'reply',
        reply: { status: 307, body: { success: false, error: { message: 'Moved' } } },
        headers: { Location: `${baseUrl}${redirectTargetPath}` },
      };
    default:
      return { kind: 'run' };
  }
}

/** What to send once the handler ran and answered `reply`. */
export function afterHandler(behaviour: FavoriteBehaviour, reply: Reply): BehaviourAnswer {
  switch (behaviour) {
    case 'appliedUnreadable':
      return { kind: 'raw', status: reply.status, text: JSON.stringify(reply.body).slice(0, 25) };
    case 'appliedThenReset':
      return { kind: 'reset' };
    case 'appliedDisagreeing': {
      const body = reply.body as { favorite?: unknown };
      if (reply.status !== 200 || typeof body.favorite !== 'boolean') return { kind: 'reply', reply };
      return { kind: 'reply', reply: { status: 200, body: { ...body, favorite: !body.favorite } } };
    }
    case 'error500AfterApply':
      return { kind: 'reply', reply: fail(500, 'Internal server error') };
    default:
      return { kind: 'reply', reply };
  }
}
