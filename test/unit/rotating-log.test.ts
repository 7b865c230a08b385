import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotatingLog } from '../../main/log/rotating-log.ts';
import { tempDir } from '../support/temp-dir.ts';

const token = '9c1f0e7d3b2a45a6b8c9d0e1f2a3b4c5';

describe('the log file', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('never writes a token, wherever it appears', () => {
    const log = new RotatingLog({ dir: dir.path, secrets: () => [token] });
    log.error('request failed', new Error(`GET /api/instance/list with token ${token} refused`));
    log.warn(`socket closed: wss://ryzeapi.cloud/ws/support?token=${token}`);
    log.info('headers', { token, Authorization: `Bearer ${token}` });
    const text = readFileSync(log.path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).toContain('?token=[redacted]');
    expect(text.match(/^\d{4}-\d\d-\d\dT[\d:.]+Z (INFO|WARN|ERROR) /gm)).toHaveLength(3);
  });

  it('masks token-shaped values even before the token is known to it', () => {
    const log = new RotatingLog({ dir: dir.path, secrets: () => [] });
    log.info(`token: ${token}`);
    expect(readFileSync(log.path, 'utf8')).not.toContain(token);
  });

  it('rotates by size and keeps a bounded number of old files', () => {
    const log = new RotatingLog({ dir: dir.path, maxBytes: 2_000, keep: 2, secrets: () => [] });
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(60)}`);
    const files = readdirSync(dir.path).sort();
    expect(files).toEqual(['ryze.log', 'ryze.log.1', 'ryze.log.2']);
    for (const f of files) expect(readFileSync(join(dir.path, f)).length).toBeLessThanOrEqual(2_000);
    expect(readFileSync(log.path, 'utf8')).toContain('line 199');
    expect(existsSync(join(dir.path, 'ryze.log.3'))).toBe(false);
  });
});
