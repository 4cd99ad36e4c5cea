import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';
import { INK_STRING_WIDTH, inkSubstitute } from './scripts/ink-substitutes.mjs';

// The server suite runs twice, once per storage backend: the same files,
// with startTestServer choosing the database from the project's
// `storageBackend`. Files named *postgres* need PostgreSQL and run only there.
const POSTGRES_ONLY = 'test/**/*postgres*.test.ts';
// About SQLite files and the command's defaults, not about storage behaviour.
const SQLITE_ONLY = [
  'test/server/storage.test.ts',
  'test/server/start.test.ts',
  'test/server/command.test.ts',
  'test/server/database-file.test.ts',
  'test/server/server-flags.test.ts',
  'test/server/disk-full.test.ts',
];

// Where test/helpers/postgres.ts looks for initdb (kept here without imports:
// the config loader warns about extension-less local imports).
function postgresInstalled(): boolean {
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot) && readdirSync(debianRoot).some((version) => existsSync(`${debianRoot}/${version}/bin/initdb`))) return true;
  const probe = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return probe.status === 0 && existsSync(`${probe.stdout.trim()}/initdb`);
}

const postgresFound = postgresInstalled();
if (!postgresFound) {
  if (process.env.CI === 'true') throw new Error('CI needs PostgreSQL: install it with `apt-get install -y postgresql` (.ci/run does)');
  // Printed once per run: the postgres project is left out.
  if (!process.env.VITEST_POOL_ID) {
    console.log('PostgreSQL tests skipped: no initdb found; install it with `apt-get install -y postgresql` (Debian/Ubuntu) to run them');
  }
}

export default defineConfig({
  define: { __APPCLACKS_VERSION__: JSON.stringify('0.0.0-test') },
  // ink with the measure the build gives it (scripts/ink-substitutes.mjs):
  // its packages go through vite, so the import can be substituted.
  plugins: [{ name: 'ink-measures-with-our-width', enforce: 'pre', resolveId: (source, importer) => inkSubstitute(source, importer) }],
  test: {
    server: { deps: { inline: INK_STRING_WIDTH.packages } },
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
