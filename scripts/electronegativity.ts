/**
 * `npm run security`: runs Electronegativity over main/ and preload/ and fails on any finding that
 * security/electronegativity-allowlist.json does not allow by rule, file and line text (with a reason),
 * and on any entry that no longer matches. See scripts/security/electronegativity-gate.ts.
 */
import { readFileSync } from 'node:fs';
import { judge, scan, type AllowEntry } from './security/electronegativity-gate.ts';

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8'))
  .version as string;
const allowlist = JSON.parse(
  readFileSync('security/electronegativity-allowlist.json', 'utf8'),
) as AllowEntry[];

const findings = await scan(process.cwd(), electronVersion);
const verdict = judge(findings, allowlist);
console.log(
  `Electronegativity ${electronVersion}: ${findings.length} findings, ${verdict.allowed} allowed with a reason`,
);
for (const problem of verdict.problems) console.log(problem);
process.exitCode = verdict.ok ? 0 : 1;
