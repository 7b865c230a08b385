import { defineConfig } from 'vitest/config';

// V8 in Node 24 can abort ("Check failed: jit_page.has_value()") when isolates on several threads allocate
// and free code while its memory-protection-key (PKU) page tracking is on; it happened once here in the
// unit tests, which start and stop many store workers. A known V8 race on PKU hardware (AMD EPYC, Xeon),
// not the app's: the forks run without that protection.
const execArgv = ['--no-memory-protection-keys'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          execArgv,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/emulator/**/*.test.ts', 'test/model/**/*.test.ts'],
          environment: 'node',
          execArgv,
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Tests share one OS keychain; run files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
