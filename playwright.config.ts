import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built renderer (out/renderer) in Debian's Chromium, joined to the real main
 * services by a bridge made from the IPC contract (test/e2e/harness). The electron project launches the
 * real app where an Electron binary exists and reports itself skipped, with the reason, where not.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1180, height: 760 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'e2e', testMatch: /.*\.e2e\.ts/ },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
    { name: 'screenshots', testMatch: /screenshots\.shots\.ts/ },
  ],
});
