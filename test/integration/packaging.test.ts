import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { build, Platform, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';

/**
 * Installers cannot be built here (electron-builder downloads Electron and its tools), so this checks
 * what can be checked offline: the config against electron-builder's own schema, and the layout of a
 * `dir` build made around a stand-in Electron executable.
 */
describe('packaging', () => {
  let out: ReturnType<typeof tempDir>;
  let config: Configuration;

  beforeAll(async () => {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
    config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    out = tempDir('ryze-pack-');
  }, 120_000);
  afterAll(() => out.remove());

  it('the builder config is valid by electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const broken = await getConfig(process.cwd(), 'electron-builder.yml', {
      nsis: { oneClik: false },
    } as Configuration);
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /does not match the API schema/,
    );
  });

  it('targets every system and keeps the security switches on', () => {
    expect(JSON.stringify(config.win?.target)).toContain('nsis');
    expect(JSON.stringify(config.mac?.target)).toMatch(/dmg.*zip/);
    expect(JSON.stringify(config.linux?.target)).toMatch(/AppImage.*deb/);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('the packed app.asar holds the three bundles, keytar unpacked, and nothing from test/', async () => {
    const electronDist = join(out.path, 'stand-in');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho stand-in\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    await build({
      targets: Platform.LINUX.createTarget('dir'),
      // Fuses are flipped inside the real Electron binary, which a stand-in does not have.
      config: {
        ...config,
        electronDist,
        electronFuses: null,
        directories: { ...config.directories, output: join(out.path, 'dist') },
      },
    });
    const resources = join(out.path, 'dist', 'linux-unpacked', 'resources');
    const files = listPackage(join(resources, 'app.asar'), { isPack: false });
    for (const bundle of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(files).toContain(bundle);
    }
    expect(files.filter((f) => f.startsWith('/test') || f.includes('/emulator/'))).toEqual([]);
    expect(files.filter((f) => /\.(ts|map)$/.test(f) && !f.includes('node_modules'))).toEqual([]);
    expect(
      existsSync(
        join(resources, 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'),
      ),
    ).toBe(true);
  }, 180_000);
});
