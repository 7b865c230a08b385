import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { build, Platform, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasesPage } from '../../main/shell/updater.ts';
import { StoreClient } from '../../main/store/store-client.ts';
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

  it('the built store worker starts from the bundle and answers, with the chunks it was built with', async () => {
    const data = tempDir('ryze-pack-store-');
    const store = new StoreClient({
      dataDir: data.path,
      workerFile: resolve('out/main/store/store-worker.js'),
    });
    try {
      await expect(store.opened).resolves.toEqual({ recoveredFrom: null });
      await expect(store.call('accounts.all')).resolves.toEqual([]);
    } finally {
      await store.close();
      data.remove();
    }
  });

  it('targets Windows x64, macOS arm64 and x64, Linux x64, and keeps the security switches on', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac?.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    // GitHub turns spaces in asset names into dots; latest*.yml must name the files as uploaded.
    expect(config.artifactName).not.toMatch(/\s/);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.publish).toEqual({ provider: 'github' });
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('the packed app holds the bundles and the store worker, the updater, keytar unpacked, the feed, and nothing from test/', async () => {
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
        // As the release workflow passes them (-c.publish.owner/-c.publish.repo).
        publish: { provider: 'github', owner: 'ryze-example', repo: 'ryze-desktop' },
        directories: { ...config.directories, output: join(out.path, 'dist') },
      },
    });
    const resources = join(out.path, 'dist', 'linux-unpacked', 'resources');
    const files = listPackage(join(resources, 'app.asar'), { isPack: false });
    for (const bundle of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(files).toContain(bundle);
    }
    // The store worker, where main/index.ts starts it from (beside the client's module, under store/),
    // with every chunk it imports packed too.
    expect(files).toContain('/out/main/store/store-worker.js');
    const worker = extractFile(join(resources, 'app.asar'), 'out/main/store/store-worker.js').toString();
    for (const [, chunk] of worker.matchAll(/from "\.\.\/(chunks\/[^"]+)"/g))
      expect(files).toContain(`/out/main/${chunk}`);
    expect(worker).toContain('node:sqlite');
    expect(files).toContain('/node_modules/electron-updater/package.json');
    expect(files.filter((f) => f.startsWith('/test') || f.includes('/emulator/'))).toEqual([]);
    // The feed the installed app updates from, and the page .deb users are sent to.
    const feed = readFileSync(join(resources, 'app-update.yml'), 'utf8');
    expect(feed).toMatch(/^provider: github$/m);
    expect(releasesPage(feed)).toBe('https://github.com/ryze-example/ryze-desktop/releases/latest');
    expect(files.filter((f) => /\.(ts|map)$/.test(f) && !f.includes('node_modules'))).toEqual([]);
    expect(
      existsSync(
        join(resources, 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'),
      ),
    ).toBe(true);
  }, 180_000);
});
