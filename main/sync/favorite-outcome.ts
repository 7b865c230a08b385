import { appError, type AppError, type FavoriteTarget, type HoldRelease } from '../../preload/contract.ts';
import { ApiFailure } from '../api/api-failure.ts';
import type { FavoriteAnswer } from '../api/parse.ts';
import { toAppError } from '../core/app-error.ts';

/**
 * Every way a favorite call can end, and what the outbox does about each: the one table of both.
 *
 * RyzeAPI cannot read favorites back (API.md §8), so a wrong guess about what the server did is a
 * divergence nobody can see. The rule: only a readable answer is evidence. A readable 2xx that agrees
 * with the request means applied; a documented refusal with RyzeAPI's error envelope means not applied;
 * a request that certainly never left means not applied; anything else that may have reached the server
 * (5xx, an unreadable or disagreeing 2xx, a 3xx, a cut connection, a timeout, a status the docs do not
 * give for this call) leaves the server state unknown, and the user's final choice is sent even when it
 * equals the old confirmed state.
 */

/** What the answer proves about the server's favorite state. */
export type ServerEffect = 'applied' | 'notApplied' | 'unknown';

export type OutcomeCause =
  | 'applied'
  | 'disagreed'
  | 'unreadable'
  | 'redirect'
  | 'serverError'
  | 'unexpectedStatus'
  | 'cutOff'
  | 'unreachable'
  | 'rateLimited'
  | 'notConnected'
  | 'tokenRefused'
  | 'forbidden'
  | 'instanceNotFound'
  | 'messageNotFound'
  | 'invalidRequest'
  | 'internal';

export interface Outcome {
  cause: OutcomeCause;
  effect: ServerEffect;
  /** What the user is told (null when applied). */
  error: AppError | null;
  /** For the log: what the answer said when it disagreed with the request. */
  detail?: string;
}

export interface OutcomePolicy {
  /** done: confirmed. retry: keep the change and hold until a release. drop: into the failed list. */
  next: 'done' | 'retry' | 'drop';
  /** Cap of the jittered backoff before the next automatic try; null: no automatic try. */
  backoffCapMs: number | null;
  /** Events that end the hold at once (besides a restart, which always does). */
  releasedBy: readonly HoldRelease[];
}

const none: readonly HoldRelease[] = [];
const retryLater = (backoffCapMs: number, ...releasedBy: HoldRelease[]): OutcomePolicy => ({
  next: 'retry',
  backoffCapMs,
  releasedBy: ['timer', 'retryNow', ...releasedBy],
});

export const outcomePolicies: Record<OutcomeCause, OutcomePolicy> = {
  applied: { next: 'done', backoffCapMs: null, releasedBy: none },
  // The server answered something else than what was asked. That answer cannot be read as what it did
  // (the model test found the star it said it had not set kept on the server), so the change is sent
  // again, as after any unknown outcome, until an answer agrees or refuses; meanwhile it is held and shown.
  disagreed: retryLater(60_000),
  unreadable: retryLater(60_000),
  // A redirect usually means the API address moved: signing in again with the new one fixes it.
  redirect: retryLater(300_000, 'signIn'),
  serverError: retryLater(60_000),
  unexpectedStatus: retryLater(60_000),
  cutOff: retryLater(30_000, 'online'),
  unreachable: retryLater(30_000, 'online'),
  // The rate budget already waits for X-RateLimit-Reset (API.md §3); no backoff on top.
  rateLimited: retryLater(0),
  notConnected: retryLater(120_000, 'instanceConnected', 'signIn'),
  // Only the user can fix a refused token: no automatic retry spends the budget on the same answer.
  tokenRefused: { next: 'retry', backoffCapMs: null, releasedBy: ['signIn', 'retryNow'] },
  forbidden: { next: 'retry', backoffCapMs: null, releasedBy: ['signIn', 'retryNow'] },
  instanceNotFound: retryLater(300_000, 'signIn'),
  messageNotFound: { next: 'drop', backoffCapMs: null, releasedBy: none },
  invalidRequest: { next: 'drop', backoffCapMs: null, releasedBy: none },
  internal: retryLater(60_000),
};

/** A readable 2xx: applied when it agrees with the request, otherwise nobody knows what the server did. */
export function classifyAnswer(target: FavoriteTarget, wanted: boolean, answer: FavoriteAnswer): Outcome {
  const agrees =
    answer.type === target.kind &&
    answer.favorite === wanted &&
    (target.kind === 'chat' || answer.messageId === null || answer.messageId === target.messageId);
  if (agrees) return { cause: 'applied', effect: 'applied', error: null };
  const said = `type ${answer.type ?? '(none)'}, favorite ${String(answer.favorite ?? '(none)')}`;
  return {
    cause: 'disagreed',
    effect: 'unknown',
    error: appError('answerDisagreed'),
    detail: `asked ${target.kind}, favorite ${wanted}; got ${said}`,
  };
}

const notConnected = /not connected to WhatsApp/i;

/** Anything thrown by the call. */
export function classifyFailure(target: FavoriteTarget, error: unknown): Outcome {
  if (!(error instanceof ApiFailure)) {
    // Thrown before or around the request (the store, a bug): the request may have gone.
    const detail = error instanceof Error ? error.message : String(error);
    return { cause: 'internal', effect: 'unknown', error: toAppError(error), detail };
  }
  const outcome = (cause: OutcomeCause, effect: ServerEffect): Outcome => ({
    cause,
    effect,
    error: error.toJSON(),
    ...(error.detail ? { detail: error.detail } : {}),
  });
  if (error.kind === 'network') {
    return error.reachedServer ? outcome('cutOff', 'unknown') : outcome('unreachable', 'notApplied');
  }
  const { status } = error;
  // Only RyzeAPI's own error envelope is evidence that nothing was applied.
  const refused: ServerEffect = error.readable ? 'notApplied' : 'unknown';
  if (status >= 200 && status < 300) return outcome('unreadable', 'unknown');
  if (status >= 300 && status < 400) return outcome('redirect', 'unknown');
  // The docs put "not connected" under both 400 and 503 (API.md §4).
  if ((status === 400 || status === 503) && notConnected.test(error.serverMessage)) {
    return outcome('notConnected', refused);
  }
  switch (status) {
    case 400:
      return outcome('invalidRequest', refused);
    case 401:
      return outcome('tokenRefused', refused);
    case 403:
      return outcome('forbidden', refused);
    case 404:
      if (/instance/i.test(error.serverMessage)) return outcome('instanceNotFound', refused);
      // 404 Message not found (API.md §6.5) is documented for messageId calls only.
      if (target.kind === 'message') return outcome('messageNotFound', refused);
      return outcome('unexpectedStatus', 'unknown');
    case 429:
      return outcome('rateLimited', refused);
  }
  if (status >= 500) return outcome('serverError', 'unknown');
  return outcome('unexpectedStatus', 'unknown');
}
