/**
 * Reading Electron's fuses back from a built app and comparing them with electron-builder.yml: a fuse
 * that did not flip (a packaging step that changed, a new Electron) would silently undo a security
 * switch, so the release workflow checks every app it built (scripts/check-fuses.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** How the wire stores each fuse: the bytes '0' and '1', 'r' once Electron removed it. */
const fuseByte = { disabled: 0x30, enabled: 0x31, removed: 0x72 };

/** electron-builder.yml's electronFuses: fuse names in camelCase, plus options that are not fuses. */
export type FuseSettings = Record<string, boolean | undefined>;

/** The differences between the fuses in `app` and `wanted`, one line each; empty when they agree. */
export async function fuseMismatches(app: string, wanted: FuseSettings): Promise<string[]> {
  const wire = await getCurrentFuseWire(app);
  const wireByIndex = wire as unknown as Record<number, number | undefined>;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(wanted)) {
    const option = FuseV1Options[(key[0]!.toUpperCase() + key.slice(1)) as keyof typeof FuseV1Options];
    if (option === undefined || value === undefined) continue; // resetAdHocDarwinSignature and the like
    const actual = wireByIndex[option];
    const expected = value ? fuseByte.enabled : fuseByte.disabled;
    if (actual !== expected)
      problems.push(`${key}: expected ${describe(expected)}, found ${describe(actual)}`);
  }
  return problems;
}

function describe(state: number | undefined): string {
  if (state === fuseByte.enabled) return 'enabled';
  if (state === fuseByte.disabled) return 'disabled';
  if (state === fuseByte.removed) return 'removed';
  return state === undefined ? 'absent from this Electron' : `state ${state}`;
}

/**
 * The apps electron-builder leaves in `dist`: linux-unpacked/<name>, win-unpacked/<productName>.exe,
 * and <productName>.app in mac/, mac-arm64/, mac-universal/.
 */
export function builtApps(dist: string, names: { name: string; productName: string }): string[] {
  if (!existsSync(dist)) return [];
  const candidates = [
    join(dist, 'linux-unpacked', names.name),
    join(dist, 'win-unpacked', `${names.productName}.exe`),
    ...readdirSync(dist)
      .filter((entry) => /^mac(-|$)/.test(entry))
      .map((entry) => join(dist, entry, `${names.productName}.app`)),
  ];
  return candidates.filter((path) => existsSync(path));
}
