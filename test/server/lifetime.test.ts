// A connection's lifetime: requests that arrive too slowly get a 408 and
// lose their connection, and a shutdown has a deadline. Attacks from
// outside, on loopback, with raw sockets.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start';
import { send } from './http';

let dir: string;
let server: RunningServer | undefined;
const logs: string[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-lifetime-'));
  logs.length = 0;
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function start(timeouts = { headersMs: 300, requestMs: 600, keepAliveMs: 300 }, shutdownTimeoutMs?: number) {
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dbPath: join(dir, 'server.db'),
    timeouts,
    log: (line) => logs.push(line),
    ...(shutdownTimeoutMs !== undefined && { shutdownTimeoutMs }),
  });
  return server;
}

interface Connection {
  socket: Socket;
  received: () => string;
  closed: Promise<number>;
}

/** A raw connection; `closed` resolves to the milliseconds it stayed open. */
function open(url: string): Promise<Connection> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve({ socket, received: () => text, closed }));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => {});
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    socket.once('error', reject);
  });
}

const body = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));

describe('timeouts', () => {
  it('a body that drips one byte at a time gets a 408 in the messages shape, logged, and its connection closed', async () => {
    const { url } = await start();
    const connection = await open(url);
    connection.socket.write('POST /register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n');
    const drip = setInterval(() => connection.socket.writable && connection.socket.write(' '), 50);
    try {
      const openFor = await connection.closed;
      expect(openFor).toBeLessThan(5_000);
    } finally {
      clearInterval(drip);
    }
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(body(connection.received())).toEqual({ messages: ['request took too long to arrive'] });
    expect(logs).toContain('client error 408 ERR_HTTP_REQUEST_TIMEOUT: request took too long to arrive');
  });

  it('headers that never finish get a 408 after the headers timeout', async () => {
    const { url } = await start();
    const connection = await open(url);
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    expect(await connection.closed).toBeLessThan(5_000);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a connection that sends nothing, or idles after a response, is closed', async () => {
    const { url } = await start();
    const silent = await open(url);
    const idle = await open(url);
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await silent.closed).toBeLessThan(5_000);
    expect(await idle.closed).toBeLessThan(5_000);
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('shutdown', () => {
  it('closes a request still arriving once the deadline passes, then closes the database', async () => {
    const running = await start({ headersMs: 60_000, requestMs: 120_000, keepAliveMs: 60_000 }, 300);
    const connection = await open(running.url);
    connection.socket.write('POST /register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await running.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    await connection.closed;
    server = undefined;
    expect((await send(running.url, 'GET', '/healthz').catch(() => 'refused'))).toBe('refused');
  });

  it('lets a request in flight finish before the deadline', async () => {
    const running = await start(undefined, 5_000);
    const connection = await open(running.url);
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the headers are in: the request is in flight
    const closing = running.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    connection.socket.write('{}');
    await closing;
    server = undefined;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('answers a request that arrives while closing with 503 in the documented shape, not fastify\'s', async () => {
    const running = await start(undefined, 5_000);
    const connection = await open(running.url);
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100)); // in flight: it keeps the connection open
    const closing = running.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The first request's body, and right behind it a second request on the same connection.
    connection.socket.write('{}GET /app/v1/organization HTTP/1.1\r\nHost: x\r\n\r\n');
    await closing;
    await connection.closed;
    server = undefined;
    const [first, second] = connection.received().split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200 /);
    expect(second).toMatch(/^HTTP\/1\.1 503 /);
    expect(second).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(body(second!)).toEqual({ messages: ['the server is shutting down; try again in a moment'] });
  });

  it('a second signal exits at once, saying so', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'run-server.ts'), join(dir, 'signal.db'), dir, JSON.stringify({ shutdownTimeoutMs: 60_000 })],
      { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 400 && !stdout.includes('listening'); i++) await new Promise((r) => setTimeout(r, 25));
    const url = /listening on (\S+)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    // An upload that never finishes holds the first shutdown for the whole minute.
    const connection = await open(url!);
    connection.socket.write('POST /register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    for (let i = 0; i < 200 && !stderr.includes('finishing requests'); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(stderr).toContain('SIGTERM received again: exiting now, requests in flight are dropped');
    expect(stdout).not.toContain('exited cleanly');
  });
});
