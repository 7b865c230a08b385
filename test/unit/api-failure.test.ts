import { describe, expect, it } from 'vitest';
import { classifyHttpError } from '../../main/api/api-failure.ts';

describe('RyzeAPI error classification', () => {
  it.each([
    [401, 'Invalid token', 'tokenRefused', 'auth'],
    [403, 'Instance token does not match this instance', 'forbidden', 'forbidden'],
    [404, 'Instance not found', 'instanceNotFound', 'notFound'],
    [404, 'Message not found', 'messageNotFound', 'notFound'],
    [404, 'Group not found', 'notFound', 'notFound'],
    [429, 'Rate limit exceeded. Try again later.', 'rateLimited', 'rateLimited'],
    [503, 'Instance is not connected to WhatsApp', 'disconnected', 'disconnected'],
    // The docs list "instance disconnected" under 400 too: the text decides.
    [400, 'Instance is not connected to WhatsApp', 'disconnected', 'disconnected'],
    [400, 'Either number or messageId is required', 'invalidRequest', 'invalidRequest'],
    [409, 'Instance name already exists', 'invalidRequest', 'invalidRequest'],
    [500, 'Internal server error', 'serverError', 'server'],
    [501, 'Not supported', 'serverError', 'server'],
  ] as const)(
    'HTTP %i "%s" is %s (%s), with the server’s exact words beside it',
    (status, words, code, kind) => {
      const failure = classifyHttpError(status, words);
      expect(failure.toJSON()).toEqual({
        code,
        kind,
        origin: 'server',
        params: { status },
        serverMessage: words,
      });
      expect(failure.status).toBe(status);
    },
  );

  it('an answer without words carries none: the window has only its own sentence to show', () => {
    expect(classifyHttpError(502, '').toJSON()).toEqual({
      code: 'serverError',
      kind: 'server',
      origin: 'server',
      params: { status: 502 },
    });
  });
});
