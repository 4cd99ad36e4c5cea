// Only GETs are retried, only on 502/503/504 and dropped connections, with a
// short backoff; a POST or DELETE is sent exactly once whatever happens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors';
import { AppclacksClient, type ClientDeps } from '../../src/api';
import { startScriptedServer, type ScriptedServer } from './scripted-server';
import { ACCOUNT, LISTED_TOKEN, ORGANIZATION, TOKEN_CREDENTIALS } from './fixtures';

let server: ScriptedServer;
let waits: number[];
let api: AppclacksClient;

const recordWaits: ClientDeps = {
  sleep: async (ms) => {
    waits.push(ms);
  },
};

beforeEach(async () => {
  server = await startScriptedServer();
  waits = [];
  api = new AppclacksClient({ endpoint: server.url, requestTimeoutMs: 3_000 }, recordWaits);
});

afterEach(async () => {
  await api.close();
  await server.close();
});

const createRequest = { name: 'a', ttl: '1h', permissions: { actions: ['*'] } };

describe('GET', () => {
  it.each([502, 503, 504])('retries after a %i and returns the answer that follows', async (status) => {
    server.reply({ status, text: 'busy' }, { json: ORGANIZATION });
    await expect(api.getOrganizationByToken(TOKEN_CREDENTIALS)).resolves.toEqual(ORGANIZATION);
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([100]);
  });

  it('gives up after two retries with growing waits, reporting the last status', async () => {
    server.reply({ status: 502 }, { status: 503 }, { status: 504, json: { messages: ['upstream timed out'] } });
    const error = await api.listTokens(TOKEN_CREDENTIALS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'server', status: 504, messages: ['upstream timed out'] });
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([100, 300]);
  });

  it('retries a reset connection', async () => {
    server.reply({ reset: true }, { json: LISTED_TOKEN });
    await expect(api.getToken(TOKEN_CREDENTIALS, LISTED_TOKEN.id)).resolves.toEqual(LISTED_TOKEN);
    expect(server.requests).toHaveLength(2);
  });

  it('reports a network error when every attempt is reset', async () => {
    server.otherwise({ reset: true });
    const error = await api.getToken(TOKEN_CREDENTIALS, LISTED_TOKEN.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network' });
    expect(server.requests).toHaveLength(3);
  });

  it.each([500, 429, 404, 401])('does not retry a %i', async (status) => {
    server.otherwise({ status, json: { messages: ['no'] } });
    await expect(api.listTokens(TOKEN_CREDENTIALS)).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('does not retry when retries is 0', async () => {
    const once = new AppclacksClient({ endpoint: server.url, retries: 0 }, recordWaits);
    server.otherwise({ status: 503 });
    await expect(once.listTokens(TOKEN_CREDENTIALS)).rejects.toMatchObject({ kind: 'server' });
    await once.close();
    expect(server.requests).toHaveLength(1);
  });

  it('waits for real between attempts by default', async () => {
    const real = new AppclacksClient({ endpoint: server.url });
    server.reply({ status: 503 }, { json: ORGANIZATION });
    const started = Date.now();
    await real.getOrganizationByToken(TOKEN_CREDENTIALS);
    await real.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('keeps retries inside the whole-request timeout', async () => {
    const slowWaits = new AppclacksClient(
      { endpoint: server.url, requestTimeoutMs: 250 },
      { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms * 10)) },
    );
    server.otherwise({ status: 503 });
    const started = Date.now();
    const error = await slowWaits.listTokens(TOKEN_CREDENTIALS).catch((e: unknown) => e);
    await slowWaits.close();
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(900);
  });
});

describe('POST and DELETE are never retried', () => {
  it('a reset POST is sent once', async () => {
    server.otherwise({ reset: true });
    await expect(api.createToken(ACCOUNT, createRequest)).rejects.toMatchObject({ kind: 'network' });
    expect(server.requests).toHaveLength(1);
  });

  it('a reset DELETE is sent once', async () => {
    server.otherwise({ reset: true });
    await expect(api.deleteToken(TOKEN_CREDENTIALS, LISTED_TOKEN.id)).rejects.toMatchObject({ kind: 'network' });
    expect(server.requests).toHaveLength(1);
  });

  it('a POST answered 503 is sent once', async () => {
    server.otherwise({ status: 503 });
    await expect(api.changePassword(ACCOUNT, 'another long password')).rejects.toMatchObject({ kind: 'server' });
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('a DELETE answered 502 is sent once', async () => {
    server.otherwise({ status: 502 });
    await expect(api.deleteToken(TOKEN_CREDENTIALS, LISTED_TOKEN.id)).rejects.toMatchObject({ kind: 'server' });
    expect(server.requests).toHaveLength(1);
  });
});
