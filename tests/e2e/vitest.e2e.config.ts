import { defineConfig } from 'vitest/config';

// One worker, no file parallelism: every spec file connects to the single Chromium started in global-setup,
// and the software WebGL renderer on 2 cores is the bottleneck anyway.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    reporters: ['default'],
  },
});
