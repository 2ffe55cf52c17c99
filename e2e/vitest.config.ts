import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // One browser at a time: two cores are shared with the API, worker and two preview servers.
    fileParallelism: false,
  },
});
