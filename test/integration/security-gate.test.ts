import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  judge,
  scan,
  scannedParts,
  type AllowEntry,
  type Finding,
} from '../../scripts/security/electronegativity-gate.ts';

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8'))
  .version as string;
const allowlist = JSON.parse(
  readFileSync('security/electronegativity-allowlist.json', 'utf8'),
) as AllowEntry[];
/** The allowed openExternal: the canaries go into the file it is in. */
const openExternal = allowlist.find((e) => e.rule === 'OPEN_EXTERNAL_JS_CHECK')!;

/**
 * The gate run for real (Electronegativity over a copy of the tree) with one file changed, the way a
 * careless commit would change it.
 */
describe('the Electronegativity gate', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  async function gateWith(edit: (source: string) => string) {
    const root = mkdtempSync(join(tmpdir(), 'ryze-gate-'));
    roots.push(root);
    for (const part of scannedParts) cpSync(part, join(root, part), { recursive: true });
    const path = join(root, openExternal.file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return judge(await scan(root, electronVersion), allowlist);
  }

  it('passes the tree as it is', async () => {
    const verdict = await gateWith((source) => source);
    expect(verdict.problems).toEqual([]);
    expect(verdict.allowed).toBe(allowlist.length);
  });

  it('fails on an extra openExternal in a file that already has an allowed one, and says what to add', async () => {
    const canary = 'void shell.openExternal(String(process.env.CANARY_URL));';
    const verdict = await gateWith(
      (source) => `${source}\nexport function canary(): void {\n  ${canary}\n}\n`,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toHaveLength(1);
    expect(verdict.problems[0]).toContain(`NOT ALLOWED OPEN_EXTERNAL_JS_CHECK at ${openExternal.file}:`);
    expect(verdict.problems[0]).toContain(JSON.stringify(canary));
  }, 60_000);

  it('fails on a second copy of an allowed line', async () => {
    const verdict = await gateWith(
      (source) => `${source}\nexport function twin(url: string): void {\n  ${openExternal.line}\n}\n`,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.join('\n')).toMatch(/allows 1 such finding\(s\); this is one more[^]*"count":2/);
  }, 60_000);

  it('is not fooled by line numbers: code moved down the file still matches its entries', async () => {
    const verdict = await gateWith((source) => `// one\n// two\n// three\n${source}`);
    expect(verdict.problems).toEqual([]);
  }, 60_000);
});

describe('what the gate tells whoever must fix the allow-list', () => {
  const entry: AllowEntry = {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/shell/window.ts',
    line: 'void shell.openExternal(url);',
    reason: 'Reviewed: documentation links only.',
  };
  const finding = (line: string): Finding => ({
    rule: entry.rule,
    file: entry.file,
    lineNumber: 40,
    line,
    message: 'Review the use of openExternal',
  });

  it('a rewritten line: names the entry to replace, keeping its reason', () => {
    const verdict = judge([finding('if (allowed(url)) void shell.openExternal(url);')], [entry]);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems[0]).toContain('matches no finding any more; if this is that code rewritten');
    expect(verdict.problems[0]).toContain(
      JSON.stringify({ ...entry, line: 'if (allowed(url)) void shell.openExternal(url);' }),
    );
    expect(verdict.problems[1]).toMatch(/^STALE allow-list entry OPEN_EXTERNAL_JS_CHECK/);
  });

  it('an entry without a line or a reason is refused', () => {
    const verdict = judge([finding(entry.line)], [{ ...entry, line: '', reason: ' ' }]);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.join('\n')).toMatch(/has no reason[^]*has no "line"/);
  });
});
