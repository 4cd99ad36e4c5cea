// startServer: registration by address, shutdown that lets requests finish.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/api/endpoint';
import { startServer } from '../../src/server/start';
import { SqliteStorage } from '../../src/server/storage/sqlite';
import type { Storage } from '../../src/server/storage/types';
import { registerAccount, startTestServer } from '../helpers/server';
import { send } from './http';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const registration = {
  organization: { name: 'acme' },
  account: { 'first-name': 'A', 'last-name': 'B', email: 'a@example.com', password: 'long enough password' },
};

describe('registration', () => {
  it('when off, POST /register is a 403 that says so, and nothing is stored', async () => {
    const server = await startTestServer({ registration: false });
    try {
      const response = await send(server.url, 'POST', '/register', { body: registration });
      expect(response.status).toBe(403);
      expect(response.json.messages[0]).toMatch(/registration is disabled/);
      expect(await server.storage.counts()).toEqual({ organizations: 0, accounts: 0, tokens: 0 });
    } finally {
      await server.close();
    }
  });

  it('is on by default on a loopback address and off on every interface, unless asked', async () => {
    for (const [host, option, expected] of [
      ['127.0.0.1', undefined, 200],
      ['0.0.0.0', undefined, 403],
      ['0.0.0.0', true, 200],
      ['127.0.0.1', false, 403],
    ] as const) {
      const server = await startServer({
        host,
        port: 0,
        dbPath: join(dir, `${host}-${option}.db`),
        ...(option !== undefined && { registration: option }),
      });
      try {
        const url = server.url.replace('0.0.0.0', '127.0.0.1');
        const response = await send(url, 'POST', '/register', { body: registration });
        expect(response.status, `${host} ${option}`).toBe(expected);
      } finally {
        await server.close();
      }
    }
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'LOCALHOST']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.2', 'example.com', '127.0.0.1.example.com']) expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('close', () => {
  it('lets a request in flight finish, then closes the storage', async () => {
    const real = new SqliteStorage(join(dir, 'server.db'));
    let release!: () => void;
    let entered!: () => void;
    const requestEntered = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    const slow: Storage = Object.assign(Object.create(real) as Storage, {
      async createOrganizationWithAccount(...args: Parameters<Storage['createOrganizationWithAccount']>) {
        entered();
        await gate;
        await real.createOrganizationWithAccount(...args);
        events.push('stored');
      },
      async close() {
        events.push('storage closed');
        await real.close();
      },
    });
    const server = await startServer({ host: '127.0.0.1', port: 0, storage: slow });
    const inFlight = send(server.url, 'POST', '/register', { body: registration });
    await requestEntered;
    const closing = server.close().then(() => events.push('server closed'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]);
    release();
    const done = await inFlight;
    expect(done.status).toBe(200);
    await closing;
    expect(events).toEqual(['stored', 'storage closed', 'server closed']);
  });

  it('can be called twice', async () => {
    const server = await startTestServer();
    await registerAccount(server.url);
    await Promise.all([server.close(), server.close()]);
  });
});
