import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './types.ts';

export function fail(status: number, message: string): Reply {
  return { status, body: { success: false, error: { message } } };
}

export function ok(body: Record<string, unknown>, status = 200): Reply {
  return { status, body: { success: true, ...body } };
}

export function sendReply(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}): void {
  sendRaw(res, reply.status, JSON.stringify(reply.body), headers);
}

export function sendRaw(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; reply: Reply };

// Reasons mimic Go's encoding/json (the real server is Go) closely enough for logs; clients match only the prefix.
export function parseJsonBody(raw: string): BodyResult {
  if (raw.trim() === '') return { ok: false, reply: fail(400, 'Invalid request body: EOF') };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return { ok: false, reply: fail(400, `Invalid request body: ${(e as Error).message}`) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      reply: fail(400, `Invalid request body: json: cannot unmarshal ${jsonKind(value)} into Go value`),
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export type FieldType = 'string' | 'int' | 'bool' | 'string[]';

/** Rejects wrongly typed fields the way Go's decoder does; null and absent fields pass. */
export function checkFields(
  body: Record<string, unknown>,
  spec: Record<string, FieldType>,
  struct: string,
): Reply | null {
  for (const [key, type] of Object.entries(spec)) {
    const v = body[key];
    if (v === undefined || v === null) continue;
    const good =
      type === 'string'
        ? typeof v === 'string'
        : type === 'int'
          ? typeof v === 'number' && Number.isInteger(v)
          : type === 'bool'
            ? typeof v === 'boolean'
            : Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (!good) {
      const goType = type === 'string[]' ? '[]string' : type;
      return fail(
        400,
        `Invalid request body: json: cannot unmarshal ${jsonKind(v)} into Go struct field ${struct}.${key} of type ${goType}`,
      );
    }
  }
  return null;
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'number' : `number ${v}`;
  return typeof v;
}

export function rfc3339(sec: number): string {
  return new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
}
