/**
 * Fails unless every app built under dist/ has exactly the fuses electron-builder.yml asks for.
 * Run after `electron-builder` by the GitHub workflow: `node scripts/check-fuses.ts [dist]`.
 */
import { readFileSync } from 'node:fs';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { builtApps, fuseMismatches, type FuseSettings } from './fuse-check.ts';

const dist = process.argv[2] ?? 'dist';
const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
const wanted = (config.electronFuses ?? {}) as FuseSettings;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; productName: string };
const apps = builtApps(dist, pkg);

if (Object.keys(wanted).length === 0) {
  console.error('electron-builder.yml sets no electronFuses: nothing to check against.');
  process.exit(1);
}
if (apps.length === 0) {
  console.error(`No built app found in ${dist}/ (looked for linux-unpacked, win-unpacked, mac*/).`);
  process.exit(1);
}
let failed = false;
for (const app of apps) {
  const problems = await fuseMismatches(app, wanted);
  console.log(`${problems.length === 0 ? 'OK  ' : 'FAIL'} ${app}`);
  for (const problem of problems) console.log(`     ${problem}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
