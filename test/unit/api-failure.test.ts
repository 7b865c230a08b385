import { describe, expect, it } from 'vitest';
import { classifyHttpError } from '../../main/api/api-failure.ts';

describe('RyzeAPI error classification', () => {
  it.each([
    [401, 'Invalid token', 'auth'],
    [403, 'Instance token does not match this instance', 'forbidden'],
    [404, 'Instance not found', 'notFound'],
    [404, 'Message not found', 'notFound'],
    [429, 'Rate limit exceeded. Try again later.', 'rateLimited'],
    [503, 'Instance is not connected to WhatsApp', 'disconnected'],
    // The docs list "instance disconnected" under 400 too: the text decides.
    [400, 'Instance is not connected to WhatsApp', 'disconnected'],
    [400, 'Either number or messageId is required', 'invalidRequest'],
    [409, 'Instance name already exists', 'invalidRequest'],
    [500, 'Internal server error', 'server'],
    [501, 'Not supported', 'server'],
  ] as const)('HTTP %i "%s" is %s and keeps the exact message', (status, message, kind) => {
    const failure = classifyHttpError(status, message);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toBe(message);
    expect(failure.status).toBe(status);
  });
});
