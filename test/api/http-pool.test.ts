// The client's connection pool (src/api/http-pool.ts) against real loopback
// servers: keep-alive reuse, each timeout, the size cap, cancellation and
// close, each failing with the code error-mapping.ts words.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { errorForFailure } from '../../src/api/error-mapping';
import { HTTP_FAILURE, Pool } from '../../src/api/http-pool';

const servers: Server[] = [];
const pools: Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.destroy()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handle: (response: ServerResponse, body: string) => void): Promise<{ origin: string; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => handle(response, body));
  });
  server.on('connection', (socket) => sockets.add(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

function pool(origin: string, options: Partial<ConstructorParameters<typeof Pool>[1]> = {}): Pool {
  const created = new Pool(origin, { connectTimeoutMs: 1_000, headersTimeoutMs: 1_000, bodyTimeoutMs: 1_000, maxResponseBytes: 1_000, ...options });
  pools.push(created);
  return created;
}

const exchange = { host: '127.0.0.1', auth: 'token' as const, secrets: [], connectTimeoutMs: 1_000, requestTimeoutMs: 200 };

describe('the connection pool', () => {
  it('sends the method, path, headers and body, and answers status, headers and body', async () => {
    const { origin } = await serve((response, body) => {
      response.setHeader('x-echo', Buffer.from(body).toString('base64'));
      response.end(JSON.stringify({ ok: true }));
    });
    const answer = await pool(origin).request({ method: 'POST', path: '/p?q=1', headers: { 'content-type': 'application/json' }, body: '{"é":1}' });
    expect(answer).toMatchObject({ statusCode: 200, body: '{"ok":true}' });
    expect(Buffer.from(String(answer.headers['x-echo']), 'base64').toString()).toBe('{"é":1}');
  });

  it('reuses one keep-alive connection for requests in turn', async () => {
    const { origin, sockets } = await serve((response) => response.end('ok'));
    const client = pool(origin);
    for (let i = 0; i < 5; i++) await client.request({ method: 'GET', path: '/', headers: {} });
    expect(sockets.size).toBe(1);
  });

  it('fails with the headers timeout when no answer comes', async () => {
    const { origin } = await serve(() => undefined);
    const error = await pool(origin, { headersTimeoutMs: 100 }).request({ method: 'GET', path: '/', headers: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: HTTP_FAILURE.headersTimeout });
    expect(errorForFailure(exchange, error, false).message).toBe('127.0.0.1 did not answer within 0.2s');
  });

  it('fails with the body timeout when the body stalls', async () => {
    const { origin } = await serve((response) => {
      response.writeHead(200, { 'content-length': '10' });
      response.write('12345');
    });
    const error = await pool(origin, { bodyTimeoutMs: 100 }).request({ method: 'GET', path: '/', headers: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: HTTP_FAILURE.bodyTimeout });
  });

  it('stops reading an answer over the size cap', async () => {
    const { origin } = await serve((response) => response.end('x'.repeat(5_000)));
    const error = await pool(origin, { maxResponseBytes: 1_000 }).request({ method: 'GET', path: '/', headers: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: HTTP_FAILURE.tooLarge });
    expect(errorForFailure(exchange, error, false).reason).toBe('too-large');
  });

  it('is cancelled by its signal', async () => {
    const { origin } = await serve(() => undefined);
    const controller = new AbortController();
    const pending = pool(origin).request({ method: 'GET', path: '/', headers: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails what is in flight, and what comes after, once closed', async () => {
    const { origin } = await serve(() => undefined);
    const client = pool(origin);
    const pending = client.request({ method: 'GET', path: '/', headers: {} });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.destroy();
    expect(client.destroyed).toBe(true);
    await expect(pending).rejects.toMatchObject({ code: HTTP_FAILURE.closed });
    await expect(client.request({ method: 'GET', path: '/', headers: {} })).rejects.toMatchObject({ code: HTTP_FAILURE.closed });
  });

  it('reports a refused connection with Node’s code', async () => {
    const { origin } = await serve(() => undefined);
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
    const error = await pool(origin).request({ method: 'GET', path: '/', headers: {} }).catch((e: unknown) => e);
    expect(errorForFailure(exchange, error, false).message).toBe('127.0.0.1 refused the connection');
  });
});
