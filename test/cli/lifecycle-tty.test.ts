// The lifecycle commands' questions on a terminal (runCli in-process with a
// scripted prompter), and the bound on profile check's parallelism.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_CONCURRENCY } from '../../src/cli/commands/profile/check';
import { mapBounded } from '../../src/flows/bounded';
import { runCli } from '../../src/cli/run-cli';
import { basicAuth, createToken, registerAccount, startTestServer, type TestServer } from '../helpers/server';
import { bufferDeps, type Answer } from './helpers/buffer-deps';
import { writeConfig } from './helpers/config-file';

let offset = 0;
let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer({ clock: () => Date.now() + offset });
  dir = mkdtempSync(path.join(tmpdir(), 'appclacks-lifecycle-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

describe('token delete --expired on a terminal', () => {
  it('asks once; "no" deletes nothing (exit 130), "yes" deletes them', async () => {
    const account = await registerAccount(server.url);
    const admin = await createToken(server.url, account, { name: 'admin' });
    offset = -2 * 24 * 3_600_000;
    const stale = await createToken(server.url, account, { name: 'stale', ttl: '1h' });
    offset = 0;
    const configPath = path.join(dir, 'appclacks.yaml');
    writeConfig(configPath, [{ name: 'work', organizationId: account.organization.id, apiToken: admin.token }], 'work');
    const run = async (answers: Answer[]) => {
      const deps = bufferDeps({ env: { APPCLACKS_CONFIG: configPath, APPCLACKS_API_ENDPOINT: server.url }, tty: true, answers });
      const code = await runCli(['token', 'delete', '--expired'], deps.base);
      return { code, asked: deps.asked, stdout: deps.stdout() };
    };
    const exists = async () =>
      (await fetch(`${server.url}/api/v1/token/${stale.id}`, { headers: { authorization: basicAuth(account.organization.id, admin.token) } })).status === 200;

    const no = await run([false]);
    expect(no.asked).toEqual(['Delete 1 expired token?']);
    expect(no.code).toBe(130);
    expect(await exists()).toBe(true);

    const yes = await run([true]);
    expect(yes.code).toBe(0);
    expect(yes.stdout).toBe(`deleted ${stale.id} stale\n`);
    expect(await exists()).toBe(false);
  });
});

describe('profile check parallelism', () => {
  it(`runs at most ${CHECK_CONCURRENCY} at once and keeps the order`, async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([...Array(11).keys()], CHECK_CONCURRENCY, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return n * 2;
    });
    expect(results).toEqual([...Array(11).keys()].map((n) => n * 2));
    expect(most).toBe(CHECK_CONCURRENCY);
  });
});
