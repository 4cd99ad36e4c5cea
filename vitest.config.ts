import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APPCLACKS_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Every suite starts its own loopback server on port 0 and its own temp
    // dirs, so files can run in parallel; pty tests are slower than the rest.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
