// Registrations are limited per client address and in total: each hashes a
// password with scrypt, and a flood of them starved every sign-in of CPU.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRATION_LIMITS } from '../../src/server-options';
import { RegistrationLimiter } from '../../src/server/registration-limit';
import { startServer } from '../../src/server/start';
import { startTestServer, type TestServer } from '../helpers/server';
import { manualClock } from './http';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  json: any;
}

/** POST /register from a given loopback address (Linux routes all of 127.0.0.0/8 to loopback). */
function registerFrom(localAddress: string, url: string, email = `ada-${randomUUID()}@example.com`): Promise<Answer> {
  const target = new URL(url);
  const body = JSON.stringify({
    organization: { name: 'acme' },
    account: { 'first-name': 'Ada', 'last-name': 'Lovelace', email, password: 'correct horse battery staple' },
  });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, path: '/register', method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], json: JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.skipIf(process.platform !== 'linux')('registration limits', () => {
  it('refuses a fourth registration from one address within the hour, in the messages shape with Retry-After', async () => {
    const clock = manualClock();
    server = await startTestServer({ clock: clock.now, registrationLimits: { perAddressPerHour: 3, totalPerMinute: 0 } });
    for (let i = 0; i < 3; i++) {
      expect((await registerFrom('127.0.0.1', server.url)).status).toBe(200);
      clock.advance(60_000);
    }
    const before = await server.storage.counts();
    const refused = await registerFrom('127.0.0.1', server.url);
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ messages: ['too many registrations from this address; try again later'] });
    // The first of the three leaves the window an hour after it: 57 minutes from now.
    expect(refused.retryAfter).toBe(String(57 * 60));
    expect(await server.storage.counts()).toEqual(before);

    // Another address is not affected; the first gets a slot back when its oldest ages out.
    expect((await registerFrom('127.0.0.2', server.url)).status).toBe(200);
    clock.advance(57 * 60_000);
    expect((await registerFrom('127.0.0.1', server.url)).status).toBe(200);
    expect((await registerFrom('127.0.0.1', server.url)).status).toBe(429);
  });

  it('refuses registrations beyond the total per minute, from any address', async () => {
    const clock = manualClock();
    server = await startTestServer({ clock: clock.now, registrationLimits: { perAddressPerHour: 0, totalPerMinute: 4 } });
    for (const address of ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4']) {
      expect((await registerFrom(address, server.url)).status).toBe(200);
    }
    clock.advance(20_000);
    const refused = await registerFrom('127.0.0.5', server.url);
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ messages: ['too many registrations on this server right now; try again shortly'] });
    expect(refused.retryAfter).toBe('40');
    clock.advance(40_000);
    expect((await registerFrom('127.0.0.5', server.url)).status).toBe(200);
  });

  it('counts a registration of a taken email (its password is hashed too), which stays a 409', async () => {
    server = await startTestServer({ registrationLimits: { perAddressPerHour: 2, totalPerMinute: 0 } });
    const email = `ada-${randomUUID()}@example.com`;
    expect((await registerFrom('127.0.0.1', server.url, email)).status).toBe(200);
    const taken = await registerFrom('127.0.0.1', server.url, email);
    expect(taken.status).toBe(409);
    expect(taken.json).toEqual({ messages: [`an account with email ${email} already exists`] });
    expect((await registerFrom('127.0.0.1', server.url)).status).toBe(429);
  });

  it(`is on by default: ${DEFAULT_REGISTRATION_LIMITS.perAddressPerHour} an hour from one address`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'appclacks-register-'));
    // startServer itself, without the test helper's raised limits.
    const running = await startServer({ host: '127.0.0.1', port: 0, dbPath: join(dir, 'server.db'), registration: true });
    try {
      for (let i = 0; i < DEFAULT_REGISTRATION_LIMITS.perAddressPerHour; i++) {
        expect((await registerFrom('127.0.0.1', running.url)).status).toBe(200);
      }
      expect((await registerFrom('127.0.0.1', running.url)).status).toBe(429);
    } finally {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the per-address count', () => {
  it('keys an IPv6 client by its /64 and an IPv4-mapped one by its IPv4 address, as the lock-out does', () => {
    const limiter = new RegistrationLimiter({ perAddressPerHour: 1, totalPerMinute: 0 }, () => 0);
    limiter.take('2001:db8:1:2::1');
    expect(() => limiter.take('2001:db8:1:2:ffff::9')).toThrow('too many registrations from this address');
    limiter.take('2001:db8:1:3::1');
    limiter.take('192.0.2.7');
    expect(() => limiter.take('::ffff:192.0.2.7')).toThrow('too many registrations from this address');
  });
});
