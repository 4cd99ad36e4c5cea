// `appclacks audit list` as a user runs it: the built program, a real server,
// a private config file.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, seedOrganization, startTestServer, type TestServer } from '../helpers/server';
import { BIN_PATH, createSandbox, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

let server: TestServer;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof seedOrganization>>;

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrganization(server.url);
  sandbox = createSandbox(server.url);
  writeConfig(sandbox.configPath, [{ name: 'work', organizationId: org.organization.id, apiToken: org.token.token }], 'work');
});
afterAll(async () => {
  sandbox.remove();
  await server.close();
});

describe('audit list', () => {
  it('prints the trail newest first in a table', async () => {
    await createToken(server.url, org, { name: 'ci' });
    const result = await sandbox.run(['audit', 'list']);
    expect(result.code).toBe(0);
    const [header, dashes, ...rows] = lines(result.stdout);
    expect(header).toMatch(/^Time {2,}Kind {2,}Actor {2,}Token {2,}Name {2,}From {2,}Detail$/);
    expect(dashes).toMatch(/^-{4} {2,}-{4} /);
    expect(rows[0]).toMatch(/^\S+Z {2,}token\.created {2,}\S+@example\.com {2,}[0-9a-f-]{36} {2,}ci {2,}127\.0\.0\.1$/);
    expect(rows.at(-1)).toMatch(/account\.registered/);
  });

  it('filters by kind and token, and prints the API objects with -o json', async () => {
    const doomed = await createToken(server.url, org, { name: 'doomed' });
    expect((await sandbox.run(['token', 'delete', '--id', doomed.id])).code).toBe(0);
    const result = await sandbox.run(['audit', 'list', '--kind', 'token.deleted', '--token', doomed.id, '--since', '1h', '-o', 'json']);
    expect(result.code).toBe(0);
    const events = JSON.parse(result.stdout);
    expect(events).toEqual([expect.objectContaining({ kind: 'token.deleted', 'token-id': doomed.id, 'token-name': 'doomed', actor: org.token.id, 'actor-type': 'token' })]);
    expect(result.stdout).not.toContain(org.token.token);
  });

  it('says what to do, in one line, when the server refuses a filter or lacks the extension', async () => {
    const bad = await sandbox.run(['audit', 'list', '--kind', 'token.exploded']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/^error: .*kind: must be one of account\.registered/m);
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const plain = await startTestServer({ extensions: false });
    try {
      const plainOrg = await seedOrganization(plain.url);
      const result = await sandbox.run(['audit', 'list'], {
        env: { APPCLACKS_API_ENDPOINT: plain.url, APPCLACKS_ORGANIZATION_ID: plainOrg.organization.id, APPCLACKS_TOKEN: plainOrg.token.token },
      });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/lacks the audit trail \(GET \/api\/v1\/audit\), an extension of appclacks server/);
      expect(result.stderr).not.toContain(plainOrg.token.token);
    } finally {
      await plain.close();
    }
  });

  it('refuses bad flags with one line and a hint', async () => {
    for (const args of [['--since', 'yesterday'], ['--limit', '0'], ['--follow', '--until', '1h']]) {
      const result = await sandbox.run(['audit', 'list', ...args]);
      expect(result.code).not.toBe(0);
      expect(lines(result.stderr)[0]).toMatch(/^error: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--follow prints new events as they happen, oldest first, and Ctrl+C ends it with status 0', async () => {
    const child = spawn(process.execPath, [BIN_PATH, 'audit', 'list', '--follow', '--since', '1s'], {
      env: sandbox.baseEnv,
      cwd: sandbox.home,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500)); // started and polling
      await createToken(server.url, org, { name: 'followed-1' });
      await createToken(server.url, org, { name: 'followed-2' });
      await expect.poll(() => stdout, { timeout: 15_000 }).toMatch(/followed-2/);
      const printed = lines(stdout).filter((line) => /followed-/.test(line));
      expect(printed).toHaveLength(2);
      expect(printed[0]).toMatch(/token\.created .*followed-1/);
      expect(printed[1]).toMatch(/token\.created .*followed-2/);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 30_000);
});
