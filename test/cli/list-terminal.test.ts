// `token list` for a person and for a script: on a terminal the table fits
// the width (DESCRIPTION cut first, then NAME, as gh does) and an empty
// result is a word on stderr; piped, every value is whole and an empty
// result prints nothing. In-process with a terminal width (the one thing a
// buffer cannot have), and once in a real pseudo-terminal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { displayWidth } from '../../src/text/terminal-width';
import { ensureBuilt, spawnApp } from '../helpers/pty';
import { createToken, registerAccount, startTestServer, type TestServer } from '../helpers/server';
import { bufferDeps } from './helpers/buffer-deps';
import { writeConfig } from './helpers/config-file';

const LONG_NAME = 'production-eu-west-1-terraform-state-writer';
const LONG_DESCRIPTION = 'writes the terraform state bucket of the EU production account, rotated monthly by the platform team';

let server: TestServer;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(path.join(tmpdir(), 'appclacks-list-'));
  const account = await registerAccount(server.url);
  const admin = await createToken(server.url, account, { name: 'admin' });
  await createToken(server.url, account, { name: LONG_NAME, description: LONG_DESCRIPTION, permissions: ['ListAPITokens', 'GetAPIToken'] });
  const configPath = path.join(dir, 'appclacks.yaml');
  writeConfig(configPath, [{ name: 'work', organizationId: account.organization.id, apiToken: admin.token }], 'work');
  env = { APPCLACKS_CONFIG: configPath, APPCLACKS_API_ENDPOINT: server.url };
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

async function list(args: string[], terminal?: { columns: number }) {
  const deps = bufferDeps({ env, tty: terminal !== undefined, ...(terminal && { columns: terminal.columns }) });
  const code = await runCli(['token', 'list', ...args], deps.base);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
}

const rowOf = (stdout: string) => stdout.split('\n').find((line) => line.includes('productio'))!;

describe('token list', () => {
  it('piped, prints every value whole however long', async () => {
    const result = await list([]);
    expect(result.code).toBe(0);
    expect(rowOf(result.stdout)).toContain(LONG_NAME);
    expect(rowOf(result.stdout)).toContain(LONG_DESCRIPTION);
  });

  it('on a terminal, fits the width: the description is cut first, then the name', async () => {
    const wide = await list([], { columns: 300 });
    expect(rowOf(wide.stdout)).toContain(LONG_DESCRIPTION); // room for all: nothing cut

    const at200 = await list([], { columns: 200 });
    for (const line of at200.stdout.trimEnd().split('\n')) expect(displayWidth(line), at200.stdout).toBeLessThanOrEqual(200);
    expect(rowOf(at200.stdout)).toContain(`${LONG_NAME}  `);
    expect(rowOf(at200.stdout)).toMatch(/writes the terraform\S*( \S+)*…/);

    // Narrower than the official columns at their minimum: the description keeps its
    // header's width, the name 10 cells; with this server's Last used the rows then run on
    // rather than lose an ID or a time.
    const at120 = await list([], { columns: 120 });
    const [header] = at120.stdout.split('\n');
    expect(header).toMatch(/^ID {2,}Name {2,}Expires at {2,}Description {2}Permissions {2,}Last used$/);
    expect(rowOf(at120.stdout)).toMatch(/ {2}productio… {2,}/);
    expect(rowOf(at120.stdout)).toMatch(/[0-9a-f-]{36} {2}/);
    // Last, a long permission list, to its header's width: the ID and the times stay whole.
    expect(rowOf(at120.stdout)).toMatch(/ {2}\[ListAPITo… {2}never$/);
  });

  it('says "no expired tokens" on stderr on a terminal, prints nothing piped, and keeps the API object for -o json', async () => {
    const terminal = await list(['--expired'], { columns: 120 });
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toBe('');
    expect(terminal.stderr).toBe('no expired tokens\n');
    const piped = await list(['--expired']);
    expect(piped).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse((await list(['--expiring', '1m', '-o', 'json'])).stdout)).toEqual({ result: [] });
    expect((await list(['--expiring', '1m'], { columns: 80 })).stderr).toBe('no tokens expire within 1m\n');
  });

  it('in a real terminal of 160 columns, no line is wider than the window', async () => {
    ensureBuilt();
    const app = spawnApp({ args: ['token', 'list'], env, cols: 160, rows: 30 });
    try {
      expect((await app.exited).exitCode).toBe(0);
      const lines = app.lines().filter((line) => line !== '');
      expect(lines.length).toBe(4);
      for (const line of lines) expect(displayWidth(line), app.screen()).toBeLessThanOrEqual(160);
      expect(app.screen()).toContain('…');
    } finally {
      await app.dispose();
    }
  });
});
