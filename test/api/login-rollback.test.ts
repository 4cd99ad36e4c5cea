// logIn creates an unlimited token and then stores it: if storing fails,
// that token must not stay behind on the server with a secret nobody has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/api/client';
import { ConfigError } from '../../src/errors';
import { logIn } from '../../src/flows/login';
import { createToken, registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';

let server: TestServer;
let account: RegisteredAccount;
let api: ReturnType<typeof createClient>;
let listAs: { organizationId: string; token: string };

beforeAll(async () => {
  server = await startTestServer();
  account = await registerAccount(server.url);
  api = createClient({ endpoint: server.url });
  const admin = await createToken(server.url, account, { name: 'admin' });
  listAs = { organizationId: account.organization.id, token: admin.token };
});

afterAll(async () => {
  await api.close();
  await server.close();
});

const names = async () => (await api.listTokens(listAs)).map((t) => t.name);
const credentials = () => ({ email: account.email, password: account.password });

describe('logIn when the profile cannot be stored', () => {
  it('deletes the token it created, and says so in the error', async () => {
    const failure = new ConfigError('cannot write /cfg/appclacks.yaml: EROFS', { hint: 'point to another file with --config PATH' });
    const attempt = logIn(api, credentials(), 'orphan', async () => {
      expect(await names()).toContain('orphan-cli');
      throw failure;
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining('was deleted again'), hint: failure.hint });
    expect(await names()).not.toContain('orphan-cli');
  });

  it('names the token and how to delete it when the delete fails too', async () => {
    let createdId = '';
    const attempt = logIn(api, credentials(), 'stuck', async (profile) => {
      const created = (await api.listTokens(listAs)).find((t) => t.name === 'stuck-cli')!;
      createdId = created.id;
      // The token can no longer delete itself: its own secret is refused from here on.
      await api.deleteToken(listAs, created.id);
      expect(profile.apiToken).not.toBe('');
      throw new ConfigError('cannot write the config file');
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'config', message: expect.stringContaining(`(${createdId}) created for the profile is still valid`) });
    expect((error as ConfigError).hint).toContain(`appclacks token delete --id ${createdId}`);
    expect(String((error as Error).message)).not.toContain('apc_');
  });
});
