import { configDefaults, defineConfig } from 'vitest/config';
import { findPostgresBinDir, POSTGRES_INSTALL_HINT } from './test/helpers/postgres';

// The server suite runs twice, once per storage backend: the same files,
// with startTestServer choosing the database from the project's
// `storageBackend`. Files named *postgres* need PostgreSQL and run only there.
const POSTGRES_ONLY = 'test/**/*postgres*.test.ts';
// About SQLite files and the command's defaults, not about storage behaviour.
// sign-in-attempts.test.ts is the SQLite side of a storage contract that
// storage-postgres.test.ts checks on PostgreSQL.
const SQLITE_ONLY = [
  'test/server/storage.test.ts',
  'test/server/start.test.ts',
  'test/server/command.test.ts',
  'test/server/sign-in-attempts.test.ts',
];

const postgresFound = findPostgresBinDir() !== undefined;
if (!postgresFound) {
  if (process.env.CI === 'true') throw new Error('CI needs PostgreSQL: install it with `apt-get install -y postgresql` (.ci/run does)');
  console.log(POSTGRES_INSTALL_HINT);
}

export default defineConfig({
  define: { __APPCLACKS_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    // Every suite starts its own loopback server on port 0 and its own temp
    // dirs, so files can run in parallel; pty tests are slower than the rest.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, POSTGRES_ONLY],
          provide: { storageBackend: 'sqlite', postgres: null },
        },
      },
      ...(postgresFound
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['test/server/**/*.test.ts'],
                exclude: [...configDefaults.exclude, ...SQLITE_ONLY],
                globalSetup: ['test/helpers/postgres-global-setup.ts'],
                provide: { storageBackend: 'postgres' as const },
              },
            },
          ]
        : []),
    ],
  },
});
