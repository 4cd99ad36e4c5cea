// The extension calls against the project's server, with its extensions on
// and off: a server without them is data ("not supported"), never an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type AppclacksApi } from '../../src/api';
import { ApiError } from '../../src/errors';
import { seedOrganization, startTestServer, type TestServer } from '../helpers/server';

let full: TestServer;
let plain: TestServer;
let fullApi: AppclacksApi;
let plainApi: AppclacksApi;

beforeAll(async () => {
  [full, plain] = await Promise.all([startTestServer(), startTestServer({ extensions: false })]);
  fullApi = createClient({ endpoint: full.url });
  plainApi = createClient({ endpoint: plain.url });
});

afterAll(async () => {
  await Promise.all([fullApi.close(), plainApi.close()]);
  await Promise.all([full.close(), plain.close()]);
});

describe('with the extensions', () => {
  it('getCurrentToken answers the token of the credentials, last-used-at included', async () => {
    const org = await seedOrganization(full.url, { name: 'ci', permissions: ['GetOrganization'] });
    const credentials = { organizationId: org.organization.id, token: org.token.token };
    // Asking token/current is not a use: use the token first, so there is a time to read.
    await fullApi.getOrganizationByToken(credentials);
    const answer = await fullApi.getCurrentToken(credentials);
    expect(answer.supported).toBe(true);
    if (!answer.supported) return;
    expect(answer.value.id).toBe(org.token.id);
    expect(answer.value['last-used-at']).toMatch(/^\d{4}-/);
    expect(answer.value).not.toHaveProperty('token');
  });

  it('rotateToken answers the new token with its secret and the old one\'s end', async () => {
    const org = await seedOrganization(full.url, { name: 'ci' });
    const answer = await fullApi.rotateToken(org, org.token.id, { grace: '5m' });
    expect(answer.supported).toBe(true);
    if (!answer.supported) return;
    expect(answer.value.name).toBe('ci');
    expect(answer.value.token).toMatch(/^apc_/);
    expect(answer.value.previous.id).toBe(org.token.id);
    expect(answer.value.previous['expires-at']).not.toBeNull();
  });

  it('an unknown token ID is a not-found error, not a missing extension', async () => {
    const org = await seedOrganization(full.url);
    const error = await fullApi.rotateToken(org, '8c3ae4a6-8d1e-4be3-9a0c-3d5a4c8f0e11', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('not-found');
  });

  it('a refused token is an auth error, not a missing extension', async () => {
    const org = await seedOrganization(full.url);
    // Change the secret's last character to one it is not (a fixed 'x' is already there one time in 62).
    const last = org.token.token.slice(-1);
    const wrong = `${org.token.token.slice(0, -1)}${last === 'x' ? 'y' : 'x'}`;
    const error = await fullApi.getCurrentToken({ organizationId: org.organization.id, token: wrong }).catch((e: unknown) => e);
    expect((error as ApiError).kind).toBe('auth');
  });
});

describe('without them', () => {
  it('both calls say which extension the host lacks', async () => {
    const org = await seedOrganization(plain.url);
    const host = new URL(plain.url).host;
    expect(await plainApi.getCurrentToken({ organizationId: org.organization.id, token: org.token.token })).toEqual({ supported: false, extension: 'token-current', host });
    expect(await plainApi.rotateToken(org, org.token.id, {})).toEqual({ supported: false, extension: 'token-rotate', host });
    expect((await plainApi.listTokens({ organizationId: org.organization.id, token: org.token.token }))[0]).not.toHaveProperty('last-used-at');
  });
});
