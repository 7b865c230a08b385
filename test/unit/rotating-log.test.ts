import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotatingLog } from '../../main/log/rotating-log.ts';
import { tempDir } from '../support/temp-dir.ts';

const token = '9c1f0e7d3b2a45a6b8c9d0e1f2a3b4c5';

describe('the log file', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('never writes a token, wherever it appears', async () => {
    const log = new RotatingLog({ dir: dir.path, secrets: () => [token] });
    log.error('request failed', new Error(`GET /api/instance/list with token ${token} refused`));
    log.warn(`socket closed: wss://ryzeapi.cloud/ws/support?token=${token}`);
    log.info('headers', { token, Authorization: `Bearer ${token}` });
    await log.flush();
    const text = readFileSync(log.path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).toContain('?token=[redacted]');
    expect(text.match(/^\d{4}-\d\d-\d\dT[\d:.]+Z (INFO|WARN|ERROR) /gm)).toHaveLength(3);
  });

  it('masks token-shaped values even before the token is known to it', async () => {
    const log = new RotatingLog({ dir: dir.path, secrets: () => [] });
    log.info(`token: ${token}`);
    await log.flush();
    expect(readFileSync(log.path, 'utf8')).not.toContain(token);
  });

  it('redacts with the tokens known when the line was logged, not when it reaches the disk', async () => {
    let known: string[] = [token];
    const log = new RotatingLog({ dir: dir.path, secrets: () => known });
    log.warn(`late answer for ${token}`);
    known = []; // the token was let go of before the line was written out
    await log.flush();
    expect(readFileSync(log.path, 'utf8')).not.toContain(token);
  });

  it('rotates by size and keeps a bounded number of old files', async () => {
    const log = new RotatingLog({ dir: dir.path, maxBytes: 2_000, keep: 2, secrets: () => [] });
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(60)}`);
    await log.flush();
    const files = readdirSync(dir.path).sort();
    expect(files).toEqual(['ryze.log', 'ryze.log.1', 'ryze.log.2']);
    for (const f of files) expect(readFileSync(join(dir.path, f)).length).toBeLessThanOrEqual(2_000);
    expect(readFileSync(log.path, 'utf8')).toContain('line 199');
    expect(existsSync(join(dir.path, 'ryze.log.3'))).toBe(false);
  });

  it('never makes its caller wait for the disk: lines are written a moment later, in order', async () => {
    const log = new RotatingLog({ dir: join(dir.path, 'logs'), secrets: () => [] });
    log.info('first');
    // Not even the folder exists yet: logging returned without touching the disk.
    expect(existsSync(join(dir.path, 'logs'))).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    log.info('second');
    await log.flush();
    expect(readFileSync(log.path, 'utf8')).toMatch(/INFO first\n.*INFO second\n$/);
  });

  it('a folder it cannot write to costs the caller nothing, and lines logged once it is fixed are kept', async () => {
    const blocked = join(dir.path, 'logs');
    writeFileSync(blocked, 'a file where the log folder should be');
    const log = new RotatingLog({ dir: blocked, secrets: () => [] });
    log.error('cannot be written');
    await expect(log.flush()).resolves.toBeUndefined();
    rmSync(blocked);
    log.info('written');
    await log.flush();
    expect(readFileSync(log.path, 'utf8')).toMatch(/INFO written\n$/);
  });

  it('writes what it holds at once when the process meets an uncaught error, as the shell sets it up', () => {
    const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
    const script = `
      import { RotatingLog } from ${module('../../main/log/rotating-log.ts')};
      import { logUncaught } from ${module('../../main/log/uncaught.ts')};
      const log = new RotatingLog({ dir: process.argv[1], secrets: () => [] });
      logUncaught(log);
      log.info('working');
      setTimeout(() => { throw new Error('boom'); });
      // Ends the process before any log write of its own could run: only the crash handler's can.
      setTimeout(() => process.kill(process.pid, 'SIGKILL'));
    `;
    spawnSync(process.execPath, ['--input-type=module', '-e', script, dir.path], { encoding: 'utf8' });
    const text = readFileSync(join(dir.path, 'ryze.log'), 'utf8');
    expect(text).toMatch(/INFO working\n.*ERROR Uncaught exception Error: boom/s);
  });
});
