import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BaseUrlProblem } from '../../preload/base-url.ts';
import { appError } from '../../preload/contract.ts';
import { buildApp, type TestApp } from '../support/app-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * Which API addresses sign-in accepts, checked through the IPC router as the window would call it, with a
 * fetch that records each request and answers like RyzeAPI, so nothing leaves the machine. A refused
 * address is refused before any request; an accepted one gets exactly one, to its normal form.
 */
const token = 'policy-test-token-5b7e2f';

const accepted: Array<[input: string, normal: string]> = [
  ['https://ryzeapi.cloud', 'https://ryzeapi.cloud'],
  ['  https://RyzeAPI.Cloud/  ', 'https://ryzeapi.cloud'],
  ['https://ryzeapi.cloud:443', 'https://ryzeapi.cloud'],
  ['https://api.example.com:8443/ryze/', 'https://api.example.com:8443/ryze'],
  ['https://203.0.113.7', 'https://203.0.113.7'],
  ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
  ['http://127.1.2.3:8787/', 'http://127.1.2.3:8787'],
  ['http://localhost:8787', 'http://localhost:8787'],
  ['http://[::1]:8787', 'http://[::1]:8787'],
  ['HTTP://LOCALHOST:8787', 'http://localhost:8787'],
];

const refused: Array<[input: string, problem: BaseUrlProblem]> = [
  ['http://ryzeapi.cloud', 'insecure'],
  ['http://192.168.1.10:8787', 'insecure'],
  ['http://10.0.0.1', 'insecure'],
  ['http://localhost.example.com', 'insecure'],
  ['http://127.0.0.1.example.com', 'insecure'],
  ['http://[::ffff:127.0.0.1]', 'insecure'],
  ['http://0.0.0.0:8787', 'insecure'],
  ['ws://127.0.0.1:8787', 'insecure'],
  ['ftp://ryzeapi.cloud', 'insecure'],
  ['file:///etc/passwd', 'insecure'],
  ['javascript:alert(1)', 'notUrl'],
  ['ryzeapi.cloud', 'notUrl'],
  ['https://', 'notUrl'],
  ['https://exa mple.com', 'notUrl'],
  [`https://${'a'.repeat(2050)}.com`, 'notUrl'],
  ['https://user:hunter2@ryzeapi.cloud', 'userInfo'],
  ['https://hunter2@ryzeapi.cloud', 'userInfo'],
  ['https://@ryzeapi.cloud', 'userInfo'],
  ['http://user:hunter2@127.0.0.1:8787', 'userInfo'],
  ['https://ryzeapi.cloud/?token=abc', 'query'],
  ['https://ryzeapi.cloud?', 'query'],
  ['https://ryzeapi.cloud/#frag', 'fragment'],
  ['https://ryzeapi.cloud#', 'fragment'],
];

describe('the API address policy', () => {
  let dir: ReturnType<typeof tempDir>;
  let app: TestApp;
  let sent: Array<{ url: string; redirect: RequestRedirect; token: string | null }>;

  beforeEach(() => {
    sent = [];
    const recordingFetch = (async (input: Request | string | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      sent.push({ url: request.url, redirect: request.redirect, token: request.headers.get('token') });
      return Response.json({
        success: true,
        instances: [{ name: 'support', connection: { state: 'connected' } }],
      });
    }) as typeof fetch;
    dir = tempDir();
    app = buildApp(dir.path, { fetch: recordingFetch });
  });
  afterEach(async () => {
    await app.close();
    dir.remove();
  });

  it.each(accepted)('accepts %s as %s: one request, there, redirects not followed', async (input, normal) => {
    const result = await app.call('session:beginSignIn', { baseUrl: input, token });
    expect(result.ok).toBe(true);
    expect(sent).toEqual([{ url: `${normal}/api/instance/list`, redirect: 'manual', token }]);
  });

  it.each(refused)('refuses %s (%s) before any request, without quoting it', async (input, problem) => {
    const result = await app.call('session:beginSignIn', { baseUrl: input, token });
    expect(result).toEqual({ ok: false, error: appError('badBaseUrl', { problem }) });
    expect(sent).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('main refuses the same addresses when a service is called directly, not through the router', async () => {
    for (const [input, problem] of refused) {
      await expect(app.services.session.beginSignIn(input, token)).rejects.toMatchObject({
        error: appError('badBaseUrl', { problem }),
      });
    }
    expect(sent).toEqual([]);
  });

  it('refuses a token that would put a line break or other control characters in a header', async () => {
    for (const bad of ['abc\r\nx-evil: 1', 'abc\u0000', 'tökén']) {
      const result = await app.call('session:beginSignIn', { baseUrl: 'https://ryzeapi.cloud', token: bad });
      expect(result.ok).toBe(false);
      expect(result).toEqual({ ok: false, error: appError('badToken') });
    }
    expect(sent).toEqual([]);
  });
});
