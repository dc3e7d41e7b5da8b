import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// base './' makes every asset URL relative, so dist/ works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    globals: true,
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['./tests/setup-vitest.ts'],
  },
});
