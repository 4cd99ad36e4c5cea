// `appclacks server` as the CLI runs it: URL on stdout, default database in
// the data directory, clean stop.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { runServerCommand, type ServerCommandOptions } from '../../src/server/command';
import { send } from './http';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-command-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  const sink = { text: '', write: (chunk: string) => (sink.text += chunk) };
  return sink;
}

async function running(options: ServerCommandOptions, env: Record<string, string> = { HOME: dir }) {
  const stdout = sink();
  const stderr = sink();
  const controller = new AbortController();
  const done = runServerCommand(options, { stdout, stderr, env, signal: controller.signal });
  const failed = done.then(() => undefined);
  for (let i = 0; i < 200 && !stdout.text.includes('\n'); i++) {
    await Promise.race([failed, new Promise((resolve) => setTimeout(resolve, 25))]);
  }
  const url = /listening on (\S+)/.exec(stdout.text)?.[1] ?? '';
  return {
    url,
    stdout,
    stderr,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

describe('runServerCommand', () => {
  it('prints the URL, serves, logs requests to stderr and stops on abort', async () => {
    const db = join(dir, 'my.db');
    const server = await running({ port: 0, db });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.stdout.text).toBe(`appclacks server listening on ${server.url}\n`);
    expect((await send(server.url, 'GET', '/healthz')).text).toBe('ok');
    await server.stop();
    expect(server.stderr.text).toContain(`database ${db}; registration on`);
    expect(server.stderr.text).toMatch(/GET \/healthz 200 /);
    expect(server.stderr.text).toContain('server stopped');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('puts the default database in $XDG_DATA_HOME/appclacks, owner-only', async () => {
    const data = join(dir, 'data');
    const server = await running({ port: 0 }, { HOME: dir, XDG_DATA_HOME: data });
    await server.stop();
    const dbPath = join(data, 'appclacks', 'server.db');
    expect(server.stderr.text).toContain(`database ${dbPath}`);
    expect(statSync(dbPath).mode & 0o777).toBe(0o600);
    expect(statSync(join(data, 'appclacks')).mode & 0o777).toBe(0o700);
  });

  it('falls back to ~/.local/share/appclacks/server.db', async () => {
    const server = await running({ port: 0 }, { HOME: dir });
    await server.stop();
    expect(server.stderr.text).toContain(`database ${join(dir, '.local', 'share', 'appclacks', 'server.db')}`);
  });

  it('--registration off turns registration off even on loopback', async () => {
    const server = await running({ port: 0, db: join(dir, 'x.db'), registration: 'off' });
    try {
      const response = await send(server.url, 'POST', '/register', {
        body: { organization: { name: 'a' }, account: { 'first-name': 'a', 'last-name': 'b', email: 'a@b.c', password: 'long enough pw' } },
      });
      expect(response.status).toBe(403);
    } finally {
      await server.stop();
    }
    expect(server.stderr.text).toContain('registration off');
  });

  it('says so when --db names something that is not a server database', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const io = { stdout: sink(), stderr: sink(), env: { HOME: dir } };
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'x'.repeat(4096));
    await expect(runServerCommand({ port: 0, db: notDb }, io)).rejects.toThrow(`${notDb} is not an appclacks server database`);
    const directory = join(dir, 'a-directory');
    mkdirSync(directory);
    await expect(runServerCommand({ port: 0, db: directory }, io)).rejects.toThrow(/cannot open .* for writing/);
    expect(io.stdout.text).toBe('');
  });

  it('refuses a database URL it cannot parse in one line that does not echo it', async () => {
    const io = { stdout: sink(), stderr: sink(), env: { HOME: dir } };
    for (const db of ['postgres://app:pw1@127.0.0.1:99999/app', 'postgres://app@[::1/app?password=pw2']) {
      const error = await runServerCommand({ port: 0, db }, io).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe('the database URL (--db) is not a well-formed URL');
      expect(`${(error as UsageError).message} ${(error as UsageError).hint}`).not.toMatch(/pw1|pw2/);
    }
    expect(io.stdout.text + io.stderr.text).toBe('');
  });

  it('refuses a bad port and a port in use with a usage error', async () => {
    const io = { stdout: sink(), stderr: sink(), env: { HOME: dir } };
    await expect(runServerCommand({ port: 70_000, db: join(dir, 'x.db') }, io)).rejects.toBeInstanceOf(UsageError);
    await expect(runServerCommand({ port: 1.5, db: join(dir, 'x.db') }, io)).rejects.toBeInstanceOf(UsageError);

    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await runServerCommand({ port, db: join(dir, 'x.db') }, io).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(`127.0.0.1:${port} is already in use`);
      expect((error as UsageError).hint).toMatch(/--port/);
    } finally {
      blocker.close();
    }
  });
});

describe.each(['SIGINT', 'SIGTERM'] as const)('on %s', (signal) => {
  it('finishes, closes the database and exits 0', async () => {
    const { spawn } = await import('node:child_process');
    const db = join(dir, 'signal.db');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'run-server.ts'), db, dir], {
      // tsx resolves from the working directory: the repository's.
      cwd: join(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 400 && !stdout.includes('listening'); i++) await new Promise((r) => setTimeout(r, 25));
    const url = /listening on (\S+)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    expect((await send(url!, 'GET', '/healthz')).status).toBe(200);
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(stdout).toContain('exited cleanly');
    // A cleanly closed WAL database checkpoints and removes its -wal file.
    const { existsSync } = await import('node:fs');
    expect(existsSync(`${db}-wal`)).toBe(false);
  });
});
