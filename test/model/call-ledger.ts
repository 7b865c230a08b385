/**
 * Every favorite call the app makes, as the app itself could see its outcome, recorded by wrapping the
 * app's fetch (the requests still go over real HTTP). This is the oracle's own reading of an answer,
 * written from the API docs independently of the app's table (main/sync/favorite-outcome.ts):
 * - applied: a 2xx whose JSON says success, with the `type` and `favorite` that were asked;
 * - refused: a documented refusal (400, 401, 403, 404, 429, or 503 "not connected") in RyzeAPI's error
 *   envelope: nothing was applied;
 * - notSent: the connection was refused, so nothing reached the server;
 * - unknown: anything else (5xx, a garbled or disagreeing 2xx, a redirect, a cut connection).
 */
export type SeenOutcome = 'applied' | 'refused' | 'notSent' | 'unknown';

export interface LedgerEntry {
  instance: string;
  /** 'chat:<jid>' or 'message:<id>', as the emulator keys its record. */
  target: string;
  favorite: boolean;
  seen: SeenOutcome;
}

const favoritePath = /\/api\/chat\/favorite\/([^/?]+)/;

export class CallLedger {
  entries: LedgerEntry[] = [];

  reset(): void {
    this.entries = [];
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const match = favoritePath.exec(new URL(request.url).pathname);
    if (!match) return fetch(request);
    const body = JSON.parse(await request.clone().text()) as {
      number?: string;
      messageId?: string;
      favorite: boolean;
    };
    const entry: LedgerEntry = {
      instance: decodeURIComponent(match[1]!),
      target: body.messageId ? `message:${body.messageId}` : `chat:${body.number}`,
      favorite: body.favorite,
      seen: 'unknown',
    };
    this.entries.push(entry);
    let response: Response;
    try {
      response = await fetch(request);
    } catch (error) {
      entry.seen = refusedConnection(error) ? 'notSent' : 'unknown';
      throw error;
    }
    entry.seen = await readOutcome(response.clone(), entry);
    return response;
  };
}

async function readOutcome(response: Response, entry: LedgerEntry): Promise<SeenOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    return 'unknown';
  }
  if (typeof json !== 'object' || json === null) return 'unknown';
  const body = json as {
    success?: unknown;
    type?: unknown;
    favorite?: unknown;
    error?: { message?: unknown };
  };
  const kind = entry.target.startsWith('message:') ? 'message' : 'chat';
  if (response.status >= 200 && response.status < 300) {
    return body.success === true && body.type === kind && body.favorite === entry.favorite
      ? 'applied'
      : 'unknown';
  }
  const message = typeof body.error?.message === 'string' ? body.error.message : null;
  if (body.success !== false || message === null) return 'unknown';
  if ([400, 401, 403, 404, 429].includes(response.status)) return 'refused';
  if (response.status === 503 && /not connected/i.test(message)) return 'refused';
  return 'unknown';
}

function refusedConnection(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === 'ECONNREFUSED') return true;
  }
  return false;
}

/**
 * Calls the app could have known were not needed: sent for a value the server was known to hold (from
 * earlier answers the app could read), or for a target the user never touched. Empty when the app never
 * wastes a call; every call after an unknown outcome is allowed, as the issue demands.
 */
export function needlessCalls(entries: readonly LedgerEntry[], touched: ReadonlySet<string>): string[] {
  const known = new Map<string, boolean | 'unknown'>();
  const needless: string[] = [];
  entries.forEach((e, i) => {
    const key = `${e.instance}/${e.target}`;
    const before = known.get(key) ?? false;
    if (!touched.has(key)) needless.push(`#${i} ${key}: never changed by the user`);
    else if (before === e.favorite)
      needless.push(`#${i} ${key}: sent ${e.favorite}, server known to hold it`);
    if (e.seen === 'applied') known.set(key, e.favorite);
    else if (e.seen === 'unknown') known.set(key, 'unknown');
  });
  return needless;
}
