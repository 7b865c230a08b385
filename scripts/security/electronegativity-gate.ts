/**
 * The security gate's two halves: scan() runs Electronegativity over a copy of main/, preload/ and
 * package.json and reads its SARIF report (its exit code tells nothing); judge() holds each finding against
 * security/electronegativity-allowlist.json. An entry allows findings of one rule, in one file, on a line
 * whose text (trimmed) is exactly its `line`, at most `count` of them (default 1). So a new openExternal
 * in an allowed file fails, and so does a second copy of an allowed line, while edits elsewhere in the file
 * (which only move line numbers) do not.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AllowEntry {
  rule: string;
  file: string;
  /** The finding's source line, trimmed. */
  line: string;
  /** How many findings this entry allows; 1 when absent. */
  count?: number;
  reason: string;
}

export interface Finding {
  rule: string;
  file: string;
  lineNumber: number;
  /** The source line the finding points at, trimmed. */
  line: string;
  message: string;
}

export interface Verdict {
  ok: boolean;
  allowed: number;
  /** One paragraph per problem, each saying exactly which allow-list entry to add, change or remove. */
  problems: string[];
}

/** Where the tool looks: the code that runs in Electron's privileged processes. */
export const scannedParts = ['main', 'preload', 'package.json'];

const toolPackage = createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json');
const tool = join(dirname(toolPackage), 'dist', 'index.js');
const offlineGuard = fileURLToPath(new URL('./electronegativity-offline.cjs', import.meta.url));

export async function scan(root: string, electronVersion: string): Promise<Finding[]> {
  const work = mkdtempSync(join(tmpdir(), 'ryze-eneg-'));
  try {
    const src = join(work, 'src');
    for (const part of scannedParts) cpSync(join(root, part), join(src, part), { recursive: true });
    const report = join(work, 'report.sarif');
    const args = ['-i', src, '-e', electronVersion, '-r', '-v', 'false', '-o', report];
    // This check downloads Electron's release list, which cannot work offline; the version is pinned.
    args.push('-x', 'AvailableSecurityFixesGlobalCheck');
    await new Promise<void>((resolve) => {
      // Its exit code says nothing about the findings: the report is what counts.
      const child = spawn(process.execPath, ['--require', offlineGuard, tool, ...args], { stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!existsSync(report) || readFileSync(report, 'utf8').trim() === '') {
      throw new Error('Electronegativity wrote no report');
    }
    return readFindings(JSON.parse(readFileSync(report, 'utf8')) as Sarif, src);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface Sarif {
  runs: Array<{
    results: Array<{
      ruleId: string;
      message: { text: string };
      locations: Array<{
        physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } };
      }>;
    }>;
  }>;
}

function readFindings(sarif: Sarif, src: string): Finding[] {
  const sources = new Map<string, string[]>();
  const lineOf = (file: string, n: number): string => {
    if (!sources.has(file)) {
      const path = join(src, file);
      sources.set(file, existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
    }
    return sources.get(file)![n - 1]?.trim() ?? '';
  };
  return sarif.runs.flatMap((run) =>
    run.results.map((r) => {
      const location = r.locations[0]?.physicalLocation;
      const file = location?.artifactLocation.uri ?? '?';
      const lineNumber = location?.region?.startLine ?? 0;
      return { rule: r.ruleId, file, lineNumber, line: lineOf(file, lineNumber), message: r.message.text };
    }),
  );
}

export function judge(findings: readonly Finding[], allowlist: readonly AllowEntry[]): Verdict {
  const problems: string[] = [];
  for (const entry of allowlist) {
    if (!entry.reason?.trim()) problems.push(`Allow-list entry ${describeEntry(entry)} has no reason.`);
    if (typeof entry.line !== 'string' || !entry.line) {
      problems.push(
        `Allow-list entry ${describeEntry(entry)} has no "line": give the finding's source line, trimmed.`,
      );
    }
  }
  const matches = (e: AllowEntry, f: Finding) => e.rule === f.rule && e.file === f.file && e.line === f.line;
  const used = new Map<AllowEntry, Finding[]>(allowlist.map((e) => [e, []]));
  const unexpected: Finding[] = [];
  for (const finding of findings) {
    const entry = allowlist.find((e) => matches(e, finding) && used.get(e)!.length < (e.count ?? 1));
    if (entry) used.get(entry)!.push(finding);
    else unexpected.push(finding);
  }
  const unused = allowlist.filter((e) => used.get(e)!.length === 0);
  for (const finding of unexpected) {
    const same = allowlist.find((e) => matches(e, finding));
    // The same rule in the same file with a line no finding has any more: most likely that code, rewritten.
    const rewritten = same
      ? undefined
      : unused.find((e) => e.rule === finding.rule && e.file === finding.file);
    const base = same ?? rewritten;
    const suggestion = {
      rule: finding.rule,
      file: finding.file,
      line: finding.line,
      ...(same ? { count: (same.count ?? 1) + 1 } : base?.count ? { count: base.count } : {}),
      reason: base?.reason ?? 'WHY THIS IS SAFE (reviewed by …)',
    };
    const advice = same
      ? `The entry ${describeEntry(same)} allows ${same.count ?? 1} such finding(s); this is one more. After review, raise its count:`
      : rewritten
        ? `The entry ${describeEntry(rewritten)} matches no finding any more; if this is that code rewritten, after review replace it with:`
        : 'After review, add this allow-list entry:';
    problems.push(
      [
        `NOT ALLOWED ${finding.rule} at ${finding.file}:${finding.lineNumber}: ${finding.message}`,
        `  line: ${finding.line}`,
        `  ${advice}`,
        `  ${JSON.stringify(suggestion)}`,
      ].join('\n'),
    );
  }
  for (const [entry, matched] of used) {
    if (matched.length === 0) {
      problems.push(
        `STALE allow-list entry ${describeEntry(entry)}: no finding has this rule, file and line any more. Remove it, or replace it as suggested above.`,
      );
    } else if (matched.length < (entry.count ?? 1)) {
      problems.push(
        `STALE count in allow-list entry ${describeEntry(entry)}: it allows ${entry.count} findings, ${matched.length} remain. Set "count" to ${matched.length}.`,
      );
    }
  }
  const allowed = [...used.values()].reduce((n, list) => n + list.length, 0);
  return { ok: problems.length === 0, allowed, problems };
}

function describeEntry(entry: AllowEntry): string {
  return `${entry.rule} in ${entry.file} (line: ${JSON.stringify(entry.line)})`;
}
