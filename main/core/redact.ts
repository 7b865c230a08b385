/**
 * Removes secrets from text bound for a log or an error message. Besides the known secrets themselves,
 * it masks `token=` query parameters and token/Authorization header values wherever they appear.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out
    .replace(/([?&]token=)[^&\s"']+/gi, '$1[redacted]')
    .replace(
      /(\b(?:token|authorization)["']?\s*[:=]\s*["']?)(?:bearer\s+)?(?!\[redacted\])[^\s"',}&]+/gi,
      '$1[redacted]',
    );
}
