import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site builds and browser tests take seconds each on these 2-core machines.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two workers: one per core. Heavy suites (Astro build, Chromium) share them.
    maxWorkers: 2,
  },
});
