import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtApps, fuseMismatches } from '../../scripts/fuse-check.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The release workflow's fuse check, run on stand-in binaries: bytes around the fuse wire exactly as
 * Electron lays it out (sentinel, version, length, one byte per fuse), flipped by @electron/fuses itself,
 * the same library electron-builder flips them with.
 */
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const wanted = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  resetAdHocDarwinSignature: true,
};

function standInElectron(path: string): void {
  // Electron's defaults: run-as-node, NODE_OPTIONS, --inspect and file:// privileges on; the rest off.
  const wire = Buffer.from('10110001', 'latin1');
  const header = Buffer.concat([Buffer.from(sentinel, 'latin1'), Buffer.from([1, wire.length])]);
  writeFileSync(path, Buffer.concat([Buffer.alloc(4096, 7), header, wire, Buffer.alloc(1024, 9)]));
}

describe('reading the fuses back from a built app', () => {
  let dir: ReturnType<typeof tempDir>;
  let binary: string;
  beforeEach(() => {
    dir = tempDir();
    binary = join(dir.path, 'ryze-desktop');
    standInElectron(binary);
  });
  afterEach(() => dir.remove());

  it('passes an app flipped as electron-builder.yml says', async () => {
    await flipFuses(binary, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(await fuseMismatches(binary, wanted)).toEqual([]);
  });

  it('names every fuse that did not flip', async () => {
    await flipFuses(binary, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
    expect(await fuseMismatches(binary, wanted)).toEqual([
      'enableNodeOptionsEnvironmentVariable: expected disabled, found enabled',
      'enableNodeCliInspectArguments: expected disabled, found enabled',
      'enableEmbeddedAsarIntegrityValidation: expected enabled, found disabled',
      'onlyLoadAppFromAsar: expected enabled, found disabled',
      'grantFileProtocolExtraPrivileges: expected disabled, found enabled',
    ]);
  });

  it('fails on a file that is not an Electron binary', async () => {
    writeFileSync(binary, 'not electron');
    await expect(fuseMismatches(binary, wanted)).rejects.toThrow(/sentinel/);
  });

  it('finds each app electron-builder built, on every system', () => {
    const dist = join(dir.path, 'dist');
    for (const sub of [
      'linux-unpacked',
      'win-unpacked',
      'mac/Ryze Desktop.app',
      'mac-arm64/Ryze Desktop.app',
    ])
      mkdirSync(join(dist, sub), { recursive: true });
    writeFileSync(join(dist, 'linux-unpacked', 'ryze-desktop'), '');
    writeFileSync(join(dist, 'win-unpacked', 'Ryze Desktop.exe'), '');
    expect(builtApps(dist, { name: 'ryze-desktop', productName: 'Ryze Desktop' }).sort()).toEqual(
      [
        join(dist, 'linux-unpacked', 'ryze-desktop'),
        join(dist, 'mac', 'Ryze Desktop.app'),
        join(dist, 'mac-arm64', 'Ryze Desktop.app'),
        join(dist, 'win-unpacked', 'Ryze Desktop.exe'),
      ].sort(),
    );
    expect(builtApps(join(dir.path, 'nothing'), { name: 'x', productName: 'X' })).toEqual([]);
  });

  it('the workflow’s command passes only when every built app matches electron-builder.yml', async () => {
    const run = (dist: string) => {
      try {
        const out = execFileSync(process.execPath, ['scripts/check-fuses.ts', dist], { stdio: 'pipe' });
        return { status: 0, out: out.toString() };
      } catch (error) {
        const e = error as { status: number; stdout: Buffer; stderr: Buffer };
        return { status: e.status, out: `${e.stdout.toString()}${e.stderr.toString()}` };
      }
    };
    expect(run(join(dir.path, 'empty'))).toMatchObject({
      status: 1,
      out: expect.stringMatching(/No built app/),
    });

    const dist = join(dir.path, 'dist');
    const app = join(dist, 'linux-unpacked', 'ryze-desktop');
    mkdirSync(join(dist, 'linux-unpacked'), { recursive: true });
    standInElectron(app);
    const fromYml = Object.fromEntries(
      Object.entries(wanted)
        .filter(([key]) => key !== 'resetAdHocDarwinSignature')
        .map(([key, value]) => [
          FuseV1Options[(key[0]!.toUpperCase() + key.slice(1)) as keyof typeof FuseV1Options],
          value,
        ]),
    );
    await flipFuses(app, { version: FuseVersion.V1, ...fromYml });
    expect(run(dist)).toMatchObject({ status: 0, out: expect.stringMatching(/OK +\S*ryze-desktop/) });

    await flipFuses(app, { version: FuseVersion.V1, [FuseV1Options.RunAsNode]: true });
    expect(run(dist)).toMatchObject({
      status: 1,
      out: expect.stringMatching(/runAsNode: expected disabled, found enabled/),
    });
  });
});
