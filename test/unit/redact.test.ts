import { describe, expect, it } from 'vitest';
import { redact } from '../../main/core/redact.ts';

describe('redaction of secrets in text bound for logs and errors', () => {
  const token = 'f3a9c2e1d4b5a6978812aa90bb7733cc';

  it('removes a known token wherever it appears', () => {
    expect(redact(`failed with ${token} twice: ${token}`, [token])).not.toContain(token);
  });

  it('masks tokens in URLs and headers even when the token is not known', () => {
    const text = `GET /ws/support?token=${token}&x=1 token: ${token} Authorization: Bearer ${token} {"token":"${token}"}`;
    const out = redact(text);
    expect(out).not.toContain(token);
    expect(out).toContain('?token=[redacted]&x=1');
  });
});
