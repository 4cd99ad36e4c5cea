// Failed password checks lock the email (5 in 15 minutes) and the client
// address (20 in 15 minutes) for 15 minutes, with 429 and Retry-After.
import { afterEach, describe, expect, it } from 'vitest';
import { errorForStatus } from '../../src/api/error-mapping';
import { FailureLimiter } from '../../src/server/rate-limit';
import { registerAccount, startTestServer, type TestServer } from '../helpers/server';
import { manualClock, send } from './http';

const MINUTE = 60_000;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const organization = (url: string, user: string, password: string) =>
  send(url, 'GET', '/app/v1/organization', { auth: { user, password } });

describe('per email', () => {
  it('locks after 5 failures, refuses even the right password until the lock ends, then resets', async () => {
    const clock = manualClock();
    server = await startTestServer({ clock: clock.now });
    const account = await registerAccount(server.url);
    for (let i = 0; i < 5; i++) expect((await organization(server.url, account.email, 'wrong password')).status).toBe(401);

    const locked = await organization(server.url, account.email, account.password);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    // The wait is in Retry-After only: clients append it (`; retry in 900s`), so the message carries no number.
    expect(locked.json.messages).toEqual(['sign-in for this email is locked after too many failed attempts']);

    clock.advance(10 * MINUTE);
    const stillLocked = await organization(server.url, account.email.toUpperCase(), account.password);
    expect(stillLocked.status).toBe(429);
    expect(stillLocked.headers.get('retry-after')).toBe('300');

    clock.advance(5 * MINUTE);
    expect((await organization(server.url, account.email, account.password)).status).toBe(200);
    // The count starts afresh after a lock: four more failures do not lock again.
    for (let i = 0; i < 4; i++) expect((await organization(server.url, account.email, 'wrong password')).status).toBe(401);
    expect((await organization(server.url, account.email, account.password)).status).toBe(200);
  });

  it('reads as one sentence once the client adds Retry-After', async () => {
    const clock = manualClock();
    server = await startTestServer({ clock: clock.now });
    const account = await registerAccount(server.url);
    for (let i = 0; i < 5; i++) await organization(server.url, account.email, 'wrong password');
    clock.advance(7 * MINUTE - 1_000);
    const locked = await organization(server.url, account.email, account.password);
    const host = new URL(server.url).host;
    const exchange = { host, auth: 'password' as const, secrets: [], connectTimeoutMs: 1_000, requestTimeoutMs: 1_000 };
    const error = errorForStatus(exchange, {
      status: locked.status,
      headers: Object.fromEntries(locked.headers),
      body: locked.text,
    });
    expect(error.message).toBe(`${host} answered 429: sign-in for this email is locked after too many failed attempts; retry in 481s`);
  });

  it('forgets failures older than the window, and a success clears the count', async () => {
    const clock = manualClock();
    server = await startTestServer({ clock: clock.now });
    const account = await registerAccount(server.url);
    for (let i = 0; i < 4; i++) await organization(server.url, account.email, 'wrong password');
    clock.advance(15 * MINUTE);
    for (let i = 0; i < 4; i++) await organization(server.url, account.email, 'wrong password');
    expect((await organization(server.url, account.email, account.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) await organization(server.url, account.email, 'wrong password');
    expect((await organization(server.url, account.email, account.password)).status).toBe(200);
  });

  it('locks only that email: another account at the same address still signs in', async () => {
    const clock = manualClock();
    server = await startTestServer({ clock: clock.now });
    const victim = await registerAccount(server.url);
    const bystander = await registerAccount(server.url);
    for (let i = 0; i < 5; i++) await organization(server.url, victim.email, 'wrong password');
    expect((await organization(server.url, victim.email, victim.password)).status).toBe(429);
    expect((await organization(server.url, bystander.email, bystander.password)).status).toBe(200);
  });

  it('counts unknown emails too, and locks token creation like every /app/v1 call', async () => {
    const clock = manualClock();
    server = await startTestServer({ clock: clock.now });
    for (let i = 0; i < 5; i++) await organization(server.url, 'nobody@example.com', 'wrong password');
    expect((await organization(server.url, 'nobody@example.com', 'wrong password')).status).toBe(429);
    const account = await registerAccount(server.url);
    for (let i = 0; i < 5; i++) await organization(server.url, account.email, 'wrong password');
    const create = await send(server.url, 'POST', '/app/v1/token', {
      auth: { user: account.email, password: account.password },
      body: { name: 'x', ttl: '1h', permissions: { actions: ['*'] } },
    });
    expect(create.status).toBe(429);
    expect(await server.storage.counts()).toMatchObject({ tokens: 0 });
  });
});

describe('per address', () => {
  it('locks the address after 20 failures across many emails, for every email', async () => {
    const clock = manualClock();
    server = await startTestServer({ clock: clock.now });
    const account = await registerAccount(server.url);
    for (let i = 0; i < 20; i++) {
      expect((await organization(server.url, `guess-${i}@example.com`, 'wrong password')).status).toBe(401);
    }
    const locked = await organization(server.url, account.email, account.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(900);
    expect(locked.json.messages).toEqual(['sign-in from this address is locked after too many failed attempts']);
    clock.advance(15 * MINUTE);
    expect((await organization(server.url, account.email, account.password)).status).toBe(200);
  });
});

describe('FailureLimiter', () => {
  it('keeps memory bounded when keys are endless', () => {
    const clock = manualClock();
    const limiter = new FailureLimiter({ maxFailures: 2, windowMs: MINUTE, lockMs: MINUTE }, clock.now);
    limiter.recordFailure('first');
    limiter.recordFailure('first');
    expect(limiter.lockedFor('first')).toBe(MINUTE);
    for (let i = 0; i < 60_000; i++) limiter.recordFailure(`key-${i}`);
    // The oldest key was evicted to make room; the newest are still tracked.
    expect(limiter.lockedFor('first')).toBe(0);
    limiter.recordFailure('key-59999');
    expect(limiter.lockedFor('key-59999')).toBe(MINUTE);
  });
});
