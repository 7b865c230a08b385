import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redact } from '../../main/core/redact.ts';

describe('redaction of secrets in text bound for logs and errors', () => {
  const token = 'f3a9c2e1d4b5a6978812aa90bb7733cc';
  /** A token with the characters URLs and forms encode, as a user-chosen instance token may have. */
  const odd = 'Ab+c/d=e&f g"h%i';

  it('removes a known token wherever it appears', () => {
    expect(redact(`failed with ${token} twice: ${token}`, [token])).not.toContain(token);
  });

  it('removes a known token in its URL-encoded, form-encoded, doubly encoded and JSON spellings', () => {
    const spellings = [
      encodeURIComponent(odd),
      encodeURIComponent(odd).toLowerCase(),
      new URLSearchParams({ q: odd }).toString().slice(2),
      encodeURIComponent(encodeURIComponent(odd)),
      JSON.stringify(odd).slice(1, -1),
    ];
    for (const spelling of spellings) {
      const out = redact(`GET /x?q=${spelling} done`, [odd]);
      expect(out, spelling).not.toContain(spelling);
      expect(out).toContain('done');
    }
  });

  it('masks tokens in URLs and headers even when the token is not known', () => {
    const text = `GET /ws/support?token=${token}&x=1 token: ${token} Authorization: Bearer ${token} {"token":"${token}"}`;
    const out = redact(text);
    expect(out).not.toContain(token);
    expect(out).toContain('?token=[redacted]&x=1');
  });

  it('masks the usual credential spellings of query strings and headers', () => {
    const lines = [
      `https://host/cb?access_token=${token}&state=1`,
      `https://host/cb#id_token=${token}`,
      `/x?api_key=${token}`,
      `/x?apikey=${token}`,
      `x-api-key: ${token}`,
      `X-Auth-Token: ${token}`,
      `{"X-API-Key":"${token}"}`,
      `Proxy-Authorization: Basic ${token}`,
      `next=https%3A%2F%2Fevil%3Ftoken%3D${token}`,
    ];
    for (const line of lines) expect(redact(line), line).not.toContain(token);
    expect(redact(`/x?access_token=${token}&state=1`)).toBe('/x?access_token=[redacted]&state=1');
  });

  it('masks array-valued headers, as Node prints and serialises them', () => {
    const headers = { token: [token, 'second-value-1234'], 'x-api-key': [token] };
    for (const text of [inspect(headers), JSON.stringify(headers)]) {
      const out = redact(text);
      expect(out, text).not.toContain(token);
      expect(out, text).not.toContain('second-value-1234');
    }
  });

  it('leaves ordinary sentences about tokens alone', () => {
    const sentence = 'The token was refused. Check it and sign in again.';
    expect(redact(sentence)).toBe(sentence);
    expect(redact('Missing token in header, Authorization header, or query parameter')).toBe(
      'Missing token in header, Authorization header, or query parameter',
    );
  });
});
