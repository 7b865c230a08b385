/**
 * Runs Electronegativity over main/ and preload/ and fails on any finding that is not in
 * security/electronegativity-allowlist.json with a reason. The tool always exits 0 (and, offline, may
 * crash after writing its report while fetching translations), so this reads its SARIF report instead.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Allowed {
  rule: string;
  file: string;
  reason: string;
}
interface Finding {
  rule: string;
  file: string;
  line: number;
  text: string;
}

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8'))
  .version as string;
const allowlist = JSON.parse(readFileSync('security/electronegativity-allowlist.json', 'utf8')) as Allowed[];
for (const entry of allowlist) {
  if (!entry.reason?.trim()) throw new Error(`Allow-list entry ${entry.rule} in ${entry.file} has no reason`);
}

const work = mkdtempSync(join(tmpdir(), 'ryze-eneg-'));
try {
  // Only the code that runs in Electron's privileged processes, plus package.json for the version.
  for (const part of ['main', 'preload', 'package.json'])
    cpSync(part, join(work, 'src', part), { recursive: true });
  const report = join(work, 'report.sarif');
  const args = ['-i', join(work, 'src'), '-e', electronVersion, '-r', '-v', 'false', '-o', report];
  // This check downloads Electron's release list, which cannot work offline; the version is pinned here.
  args.push('-x', 'AvailableSecurityFixesGlobalCheck');
  await new Promise<void>((resolve) => {
    const child = spawn('npx', ['electronegativity', ...args], {
      stdio: 'ignore',
      env: {
        ...process.env,
        NODE_OPTIONS: `--require "${join(process.cwd(), 'scripts/electronegativity-offline.cjs')}"`,
      },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (!existsSync(report)) throw new Error('Electronegativity wrote no report');

  const sarif = JSON.parse(readFileSync(report, 'utf8')) as {
    runs: Array<{
      results: Array<{
        ruleId: string;
        message: { text: string };
        locations: Array<{
          physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } };
        }>;
      }>;
    }>;
  };
  const findings: Finding[] = sarif.runs.flatMap((run) =>
    run.results.map((r) => {
      const location = r.locations[0]?.physicalLocation;
      return {
        rule: r.ruleId,
        file: location?.artifactLocation.uri ?? '?',
        line: location?.region?.startLine ?? 0,
        text: r.message.text,
      };
    }),
  );
  const isAllowed = (f: Finding) => allowlist.some((a) => a.rule === f.rule && a.file === f.file);
  const unexpected = findings.filter((f) => !isAllowed(f));
  const stale = allowlist.filter((a) => !findings.some((f) => f.rule === a.rule && f.file === a.file));

  console.log(
    `Electronegativity ${electronVersion}: ${findings.length} findings, ${findings.length - unexpected.length} allowed with a reason`,
  );
  for (const f of unexpected) console.log(`  NOT ALLOWED ${f.rule} ${f.file}:${f.line} ${f.text}`);
  for (const a of stale) console.log(`  note: allow-list entry no longer needed: ${a.rule} ${a.file}`);
  process.exitCode = unexpected.length > 0 ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
