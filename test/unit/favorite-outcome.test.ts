import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateBudget } from '../../main/api/rate-budget.ts';
import { RyzeClient } from '../../main/api/ryze-client.ts';
import {
  classifyAnswer,
  classifyFailure,
  outcomePolicies,
  type Outcome,
} from '../../main/sync/favorite-outcome.ts';
import { errorCodes, type FavoriteTarget } from '../../preload/contract.ts';
import { ManualClock } from '../support/manual-clock.ts';

/** What the test server answers: status, body text (raw), extra headers; or 'reset' to cut the connection. */
type Answer = { status: number; body: string; headers?: Record<string, string> } | 'reset';

const chat: FavoriteTarget = { kind: 'chat', chatJid: '5521977776666@s.whatsapp.net' };
const message: FavoriteTarget = { kind: 'message', chatJid: chat.chatJid, messageId: '3EB0AA11BB22CC33DD44' };
const json = (status: number, body: unknown): Answer => ({ status, body: JSON.stringify(body) });
const refusal = (status: number, text: string): Answer =>
  json(status, { success: false, error: { message: text } });
const agreeing = (target: FavoriteTarget, favorite: boolean): Answer =>
  json(200, {
    success: true,
    type: target.kind,
    chat_jid: target.chatJid,
    ...(target.kind === 'message' ? { message_id: target.messageId } : {}),
    favorite,
  });

/**
 * Every way a favorite call can end, through the real client over real HTTP, classified by the one table
 * (main/sync/favorite-outcome.ts). The rule under test: only a readable answer is evidence of what the
 * server did; everything else that may have reached it leaves its state unknown.
 */
describe('favorite call outcomes', () => {
  let server: Server;
  let next: Answer = 'reset';
  let baseUrl = '';
  // A fresh budget per call: a 429 case must not hold back the cases after it.
  const client = (url = baseUrl) =>
    new RyzeClient({ baseUrl: url, token: 'test-token', budget: new RateBudget(new ManualClock()) });

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const answer = next;
        if (answer === 'reset') return req.socket.destroy();
        res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function outcomeOf(target: FavoriteTarget, wanted: boolean, answer: Answer): Promise<Outcome> {
    next = answer;
    try {
      return classifyAnswer(target, wanted, await client().setFavorite('support', target, wanted));
    } catch (error) {
      return classifyFailure(target, error);
    }
  }

  it.each([
    ['a readable 2xx that agrees', message, agreeing(message, true), 'applied', 'applied', 'done'],
    ['a chat answered as a chat', chat, agreeing(chat, true), 'applied', 'applied', 'done'],
    [
      'a 2xx cut mid-body',
      message,
      { status: 200, body: '{"success": true, "ty' },
      'unreadable',
      'unknown',
      'retry',
    ],
    [
      'a 2xx that is not JSON',
      chat,
      { status: 200, body: '<html>ok</html>' },
      'unreadable',
      'unknown',
      'retry',
    ],
    ['a 2xx that says success false', chat, json(200, { success: false }), 'unreadable', 'unknown', 'retry'],
    [
      'a 2xx naming the chat for a message call',
      message,
      agreeing(chat, true),
      'disagreed',
      'unknown',
      'retry',
    ],
    ['a 2xx with the other favorite value', chat, agreeing(chat, false), 'disagreed', 'unknown', 'retry'],
    [
      'a 2xx without the favorite field',
      chat,
      json(200, { success: true, type: 'chat' }),
      'disagreed',
      'unknown',
      'retry',
    ],
    [
      'a 2xx naming another message',
      message,
      json(200, { success: true, type: 'message', message_id: 'OTHER', favorite: true }),
      'disagreed',
      'unknown',
      'retry',
    ],
    [
      'a 302',
      chat,
      { status: 302, body: '', headers: { Location: 'http://127.0.0.1:9/x' } },
      'redirect',
      'unknown',
      'retry',
    ],
    [
      'a 307',
      message,
      { status: 307, body: '', headers: { Location: '/elsewhere' } },
      'redirect',
      'unknown',
      'retry',
    ],
    ['a 500', chat, refusal(500, 'Internal server error'), 'serverError', 'unknown', 'retry'],
    [
      'a 502 from a proxy',
      chat,
      { status: 502, body: '<html>Bad gateway</html>' },
      'serverError',
      'unknown',
      'retry',
    ],
    [
      'a 503 not connected',
      chat,
      refusal(503, 'Instance is not connected to WhatsApp'),
      'notConnected',
      'notApplied',
      'retry',
    ],
    [
      'a 400 not connected',
      chat,
      refusal(400, 'Instance is not connected to WhatsApp'),
      'notConnected',
      'notApplied',
      'retry',
    ],
    [
      'a 503 for another reason',
      chat,
      refusal(503, 'bridge not configured'),
      'serverError',
      'unknown',
      'retry',
    ],
    [
      'a 400',
      chat,
      refusal(400, 'Either number or messageId is required'),
      'invalidRequest',
      'notApplied',
      'drop',
    ],
    [
      'a 400 that is not RyzeAPI JSON',
      chat,
      { status: 400, body: 'Bad Request' },
      'invalidRequest',
      'unknown',
      'drop',
    ],
    ['a 401', chat, refusal(401, 'Invalid token'), 'tokenRefused', 'notApplied', 'retry'],
    ['a 403', chat, refusal(403, 'Instance token does not match'), 'forbidden', 'notApplied', 'retry'],
    [
      'a 404 Instance not found',
      message,
      refusal(404, 'Instance not found'),
      'instanceNotFound',
      'notApplied',
      'retry',
    ],
    [
      'a 404 Message not found',
      message,
      refusal(404, 'Message not found'),
      'messageNotFound',
      'notApplied',
      'drop',
    ],
    [
      'a 404 of some other kind for a chat',
      chat,
      refusal(404, 'Not found'),
      'unexpectedStatus',
      'unknown',
      'retry',
    ],
    [
      'a 429',
      chat,
      refusal(429, 'Rate limit exceeded. Try again later.'),
      'rateLimited',
      'notApplied',
      'retry',
    ],
    ['an undocumented 409', chat, refusal(409, 'Conflict'), 'unexpectedStatus', 'unknown', 'retry'],
    ['a connection cut after the request was sent', chat, 'reset', 'cutOff', 'unknown', 'retry'],
  ] as const)('%s', async (_, target, answer, cause, effect, next) => {
    const outcome = await outcomeOf(target, true, answer);
    expect(outcome).toMatchObject({ cause, effect });
    expect(outcomePolicies[outcome.cause].next).toBe(next);
    if (effect !== 'applied') expect(Object.keys(errorCodes)).toContain(outcome.error?.code);
  });

  it('a refused connection is known not to have reached the server', async () => {
    const unused = createServer();
    await new Promise<void>((resolve) => unused.listen(0, '127.0.0.1', resolve));
    const { port } = unused.address() as AddressInfo;
    await new Promise<void>((resolve) => unused.close(() => resolve()));
    const outcome = await client(`http://127.0.0.1:${port}`)
      .setFavorite('support', chat, true)
      .then(
        (answer) => classifyAnswer(chat, true, answer),
        (error: unknown) => classifyFailure(chat, error),
      );
    expect(outcome).toMatchObject({ cause: 'unreachable', effect: 'notApplied' });
  });

  it('an error thrown outside the call leaves the server state unknown and is retried', () => {
    expect(classifyFailure(chat, new Error('disk I/O error'))).toMatchObject({
      cause: 'internal',
      effect: 'unknown',
      error: { kind: 'internal' },
    });
  });

  it('every hold a user cannot wait out names a release the user can trigger', () => {
    for (const [cause, policy] of Object.entries(outcomePolicies)) {
      if (policy.next !== 'retry') continue;
      const resumes = policy.backoffCapMs !== null || policy.releasedBy.some((r) => r !== 'timer');
      expect(resumes, cause).toBe(true);
      if (policy.backoffCapMs === null) expect(policy.releasedBy, cause).toContain('signIn');
    }
  });
});
