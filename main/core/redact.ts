/**
 * Removes secrets from text bound for a log or an error message: each known secret in every spelling a
 * URL, a form or a JSON string gives it, and the value of any header, query parameter or JSON field with
 * a name that usually holds a credential, even when the secret itself is not known.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  const spellings = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const spelling of spellingsOf(secret)) spellings.add(spelling);
  }
  // Longest first, so a spelling that contains another is removed whole.
  const known = [...spellings].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (known.length > 0) out = out.replace(new RegExp(known.join('|'), 'gi'), mask);
  return out
    .replace(headerArray, `$1${mask}`)
    .replace(queryValue, `$1${mask}`)
    .replace(headerValue, `$1${mask}`);
}

const mask = '[redacted]';

/** Names whose value is a credential: RyzeAPI's `token`, and the usual ones of other APIs and proxies. */
const names = String.raw`token|access[_-]?token|refresh[_-]?token|id[_-]?token|api[_-]?key|x-api-key|x-token|x-auth-token|auth[_-]?token|authorization|proxy-authorization|client[_-]?secret|password|secret`;

/** `?token=…`, `&access_token=…`, also inside a percent-encoded URL (`%3Ftoken%3D…`). */
const queryValue = new RegExp(
  String.raw`((?:^|[?&;\s"'(]|%3F|%26)(?:${names})(?:=|%3D))(?!\[redacted\])[^&;\s"'#)]+`,
  'gi',
);

/** A header or field holding a list (`token: [ 'abc' ]` from util.inspect, `"token":["abc"]` from JSON). */
const headerArray = new RegExp(String.raw`(\b(?:${names})["']?\s*[:=]\s*)\[(?!redacted\])[^\]]*\]`, 'gi');

/** `token: abc`, `"x-api-key":"abc"`, `Authorization: Bearer abc`: the scheme word goes too. */
const headerValue = new RegExp(
  String.raw`(\b(?:${names})["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token|digest)\s+)?(?!\[redacted\])[^\s"',}&;\]]+`,
  'gi',
);

/** The secret as written raw, percent-encoded (URL and form styles) and inside a JSON string. */
function spellingsOf(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  return [secret, percent, encodeURIComponent(percent), form, JSON.stringify(secret).slice(1, -1)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
