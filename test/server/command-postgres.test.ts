// `appclacks server` choosing PostgreSQL: from --db or APPCLACKS_DATABASE_URL,
// a path still meaning SQLite, and the password kept out of its output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runServerCommand, type ServerCommandOptions } from '../../src/server/command';
import { createDatabase } from '../helpers/postgres';
import { registerAccount } from '../helpers/server';
import { send } from './http';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-command-pg-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function running(options: ServerCommandOptions, env: Record<string, string>) {
  const stdout = { text: '', write: (chunk: string) => (stdout.text += chunk) };
  const stderr = { text: '', write: (chunk: string) => (stderr.text += chunk) };
  const controller = new AbortController();
  const done = runServerCommand(options, { stdout, stderr, env: { HOME: dir, ...env }, signal: controller.signal });
  for (let i = 0; i < 400 && !stdout.text.includes('\n'); i++) {
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 25))]);
  }
  return {
    url: /listening on (\S+)/.exec(stdout.text)?.[1] ?? '',
    stderr,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

/** The run's cluster trusts every local user, so any password is accepted: fine for checking it is never shown. */
const withPassword = (url: string) => url.replace('://appclacks_test@', '://appclacks_test:s3cret-pw@');

describe('appclacks server on PostgreSQL', () => {
  it('takes APPCLACKS_DATABASE_URL, shows the URL without its password, and serves from it', async () => {
    const url = withPassword(await createDatabase(inject('postgres')!));
    const server = await running({ port: 0 }, { APPCLACKS_DATABASE_URL: url });
    try {
      await registerAccount(server.url);
      expect((await send(server.url, 'GET', '/healthz')).text).toBe('ok');
    } finally {
      await server.stop();
    }
    expect(server.stderr.text).toContain(`database ${url.replace('s3cret-pw', '***')}; registration on`);
    expect(server.stderr.text).not.toContain('s3cret-pw');
  });

  it('a password given as ?password= in the URL never appears either', async () => {
    const url = `${await createDatabase(inject('postgres')!)}?password=s3cret-pw&application_name=appclacks`;
    const server = await running({ port: 0, db: url }, {});
    try {
      expect((await send(server.url, 'GET', '/healthz')).text).toBe('ok');
    } finally {
      await server.stop();
    }
    expect(server.stderr.text).toContain('?password=***&application_name=appclacks; registration on');
    expect(server.stderr.text).not.toContain('s3cret-pw');
  });

  it('--db wins over APPCLACKS_DATABASE_URL, and a path there is a SQLite file', async () => {
    const url = await createDatabase(inject('postgres')!);
    const file = join(dir, 'flag.db');
    const server = await running({ port: 0, db: file }, { APPCLACKS_DATABASE_URL: url });
    await server.stop();
    expect(server.stderr.text).toContain(`database ${file}; registration on`);
  });

  it('a database PostgreSQL refuses (no such database) is one line saying so', async () => {
    const url = (await createDatabase(inject('postgres')!)).replace(/\/[^/]+$/, '/no_such_database');
    const stderr = { write: () => true };
    await expect(runServerCommand({ port: 0, db: url }, { stdout: stderr, stderr, env: { HOME: dir } })).rejects.toThrow(
      'PostgreSQL refused: database "no_such_database" does not exist',
    );
  });
});
