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
    // What a test polls for (a URL written after the panels re-render, a count in a re-rendered list) follows the map
    // by a frame, a 40 ms rest and a background render; on a loaded 2-core CI machine a view switch (the matrix's big
    // table unmounting) took over vitest's default 1 s. Playwright's own waits are 5 s; polls get the same.
    expect: { poll: { timeout: 5_000 } },
    reporters: ['default'],
  },
});
