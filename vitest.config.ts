import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'app/**/*.test.ts',
      'test/**/*.test.ts',
      'emulators/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // .env files must never leak into tests (Probot's run() would load one).
    env: { FORCE_COLOR: '0' },
  },
});
