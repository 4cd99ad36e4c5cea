// The client against the project's own Appclacks-compatible server: every
// call end to end, and the errors that server really sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type AppclacksApi, type PasswordCredentials, type TokenCredentials } from '../../src/api';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let api: AppclacksApi;
let account: PasswordCredentials;
let organizationId: string;

beforeAll(async () => {
  server = await startTestServer();
  api = createClient({ endpoint: server.url });
});

afterAll(async () => {
  await api.close();
  await server.close();
});

describe('every call, in the order a new user makes them', () => {
  let admin: TokenCredentials;
  let readerId: string;

  it('registers an organization and its account', async () => {
    account = { email: `ada-${Date.now()}@example.com`, password: 'correct horse battery' };
    const answer = await api.register({
      organization: { name: 'acme', description: 'rockets' },
      account: { 'first-name': 'Ada', 'last-name': 'Lovelace', ...account },
    });
    expect(answer.organization.name).toBe('acme');
    expect(answer.account.email).toBe(account.email);
    organizationId = answer.organization.id;
  });

  it('reads the organization with the password', async () => {
    const organization = await api.getOrganization(account);
    expect(organization.id).toBe(organizationId);
    expect(organization.description).toBe('rockets');
  });

  it('creates tokens and receives their secrets', async () => {
    const created = await api.createToken(account, { name: 'admin', description: 'ops team', ttl: '72h', permissions: { actions: ['*'] } });
    expect(created.token).toBeTruthy();
    expect(created.permissions.actions).toEqual(['*']);
    admin = { organizationId, token: created.token! };

    const reader = await api.createToken(account, { name: 'reader', ttl: '1h30m', permissions: { actions: ['GetAPIToken'] } });
    readerId = reader.id;
  });

  it('lists the tokens without their secrets', async () => {
    const tokens = await api.listTokens(admin);
    expect(tokens.map((t) => t.name).sort()).toEqual(['admin', 'reader']);
    for (const token of tokens) expect(token.token ?? '').toBe('');
  });

  it('gets one token', async () => {
    const token = await api.getToken(admin, readerId);
    expect(token).toMatchObject({ id: readerId, name: 'reader', permissions: { actions: ['GetAPIToken'] } });
    expect(token.token ?? '').toBe('');
  });

  it('reads the organization by token', async () => {
    expect((await api.getOrganizationByToken(admin)).id).toBe(organizationId);
  });

  it('deletes a token, after which it is not found', async () => {
    const messages = await api.deleteToken(admin, readerId);
    expect(messages.length).toBeGreaterThan(0);
    await expect(api.getToken(admin, readerId)).rejects.toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('changes the password, after which only the new one works', async () => {
    const newPassword = 'an even better passphrase';
    await api.changePassword(account, newPassword);
    await expect(api.getOrganization(account)).rejects.toMatchObject({ kind: 'auth', status: 401 });
    account = { ...account, password: newPassword };
    expect((await api.getOrganization(account)).id).toBe(organizationId);
  });

  it("reports the permission a token lacks, as the server names it", async () => {
    const limited = await api.createToken(account, { name: 'limited', ttl: '1h', permissions: { actions: ['GetAPIToken'] } });
    const error = await api.listTokens({ organizationId, token: limited.token! }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permission', status: 403, permission: 'ListAPITokens' });
    expect(String((error as Error).message)).not.toContain(limited.token!);
  });

  it('rejects a wrong token as an auth error that never shows it', async () => {
    const wrong = 'definitely-not-the-token';
    const error = await api.listTokens({ organizationId, token: wrong }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect((error as Error).message).not.toContain(wrong);
  });

  it("rejects an unknown permission as a validation error with the server's messages", async () => {
    const error = await api
      .createToken(account, { name: 'bad', ttl: '1h', permissions: { actions: ['ListTokens'] } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'validation', status: 400 });
    expect((error as { messages: string[] }).messages.length).toBeGreaterThan(0);
  });
});
