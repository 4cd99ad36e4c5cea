// Failed password checks lock the email (5 in 15 minutes) and the client
// address (20 in 15 minutes) for 15 minutes, with 429 and Retry-After.
import { afterEach, describe, expect, it } from 'vitest';
import { errorForStatus } from '../../src/api/error-mapping';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustProxy } from '../../src/server-options';
import { IN_FLIGHT_WAIT_MS } from '../../src/server/auth';
import { DEFAULT_RATE_LIMITS } from '../../src/server/rate-limit';
import { startServer } from '../../src/server/start';
import type { Storage } from '../../src/server/storage/types';
import { basicAuth, registerAccount, startTestServer, type TestServer } from '../helpers/server';
import { getFrom, manualClock, send } from './http';

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

describe('one rule for the same email', () => {
  it('emails differing only in non-ASCII case are two accounts with two locks, as the database sees them', async () => {
    server = await startTestServer();
    const upper = await registerAccount(server.url, { account: { email: 'Ü@collide.de' } });
    const lower = await registerAccount(server.url, { account: { email: 'ü@collide.de' } });
    expect(upper.organization.id).not.toBe(lower.organization.id);
    for (let i = 0; i < 5; i++) await organization(server.url, upper.email, 'wrong password');
    expect((await organization(server.url, upper.email, upper.password)).status).toBe(429);
    expect((await organization(server.url, lower.email, lower.password)).status).toBe(200);
  });
});

describe('look-alike emails', () => {
  it('KELVIN SIGN and dotted capital I variants are not the account: they cannot check its password on counters of their own', async () => {
    server = await startTestServer();
    const account = await registerAccount(server.url, { account: { email: 'kiki@lookalike.org' } });
    const variants = ['\u212Aiki@lookalike.org', 'k\u0130ki@lookalike.org', '\u212A\u0130\u212A\u0130@lookalike.org', 'KIKI@lookalike.org'];
    // With lower() under a UTF-8 locale each variant found the account, each with its own pair and email counters.
    for (const variant of variants.slice(0, 3)) expect((await organization(server.url, variant, account.password)).status, variant).toBe(401);
    expect((await organization(server.url, variants[3]!, account.password)).status).toBe(200);

    for (let i = 0; i < 5; i++) await organization(server.url, account.email, 'wrong password');
    expect((await organization(server.url, account.email, account.password)).status).toBe(429);
    expect((await organization(server.url, 'KiKi@lookalike.org', account.password)).status).toBe(429);
    for (const variant of variants.slice(0, 3)) expect((await organization(server.url, variant, account.password)).status, variant).toBe(401);
  });
});

describe('a stranger guessing', () => {
  it('locks the email for their own address only: the owner signs in from another address', async () => {
    server = await startTestServer();
    const account = await registerAccount(server.url);
    for (let i = 0; i < 5; i++) await organization(server.url, account.email, 'wrong password');
    expect((await organization(server.url, account.email, account.password)).status).toBe(429);
    const fromElsewhere = await getFrom('127.0.0.2', server.url, '/app/v1/organization', {
      authorization: basicAuth(account.email, account.password),
    });
    expect(fromElsewhere).toBe(200);
  });

  it('from many addresses, locks the email alone after 30 failures', async () => {
    const clock = manualClock();
    server = await startTestServer({ clock: clock.now });
    const account = await registerAccount(server.url);
    const tryFrom = (address: string, password: string) =>
      getFrom(address, server!.url, '/app/v1/organization', { authorization: basicAuth(account.email, password) });
    for (let a = 2; a < 8; a++) for (let i = 0; i < 5; i++) expect(await tryFrom(`127.0.0.${a}`, 'wrong password')).toBe(401);
    expect(await tryFrom('127.0.0.8', account.password)).toBe(429);
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

describe('parallel guesses', () => {
  it('40 simultaneous tries for one email: at most 5 passwords are checked, the right one among them is not enough', async () => {
    server = await startTestServer();
    const account = await registerAccount(server.url);
    const tries = Array.from({ length: 40 }, (_, i) => (i === 39 ? account.password : `wrong password ${i}`));
    const statuses = await Promise.all(tries.map((password) => organization(server!.url, account.email, password).then((r) => r.status)));
    const checked = statuses.filter((status) => status !== 429);
    expect(checked.length).toBe(5);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(1);
    // Once the 5th attempt is counted the email is locked, whatever the order of arrival.
    expect((await organization(server.url, account.email, account.password)).status).toBe(429);
  });

  it('10 simultaneous token creates with the account password all land: checks in flight are waited for, not refused', async () => {
    server = await startTestServer();
    const account = await registerAccount(server.url);
    const creates = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(server!.url, 'POST', '/app/v1/token', {
          auth: { user: account.email, password: account.password },
          body: { name: `parallel-${i}`, ttl: '1h', permissions: { actions: ['*'] } },
        }),
      ),
    );
    expect(creates.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(await server.storage.counts()).toMatchObject({ tokens: 10 });
    // Nothing was counted as a failure: five wrong tries still lock at the fifth.
    for (let i = 0; i < 5; i++) expect((await organization(server.url, account.email, 'wrong password')).status).toBe(401);
    expect((await organization(server.url, account.email, account.password)).status).toBe(429);
  });

  it('200 simultaneous guesses from one address: at most 20 passwords are checked', async () => {
    server = await startTestServer();
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => organization(server!.url, `guess-${i}@example.com`, 'wrong password').then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 401).length).toBe(20);
    expect(statuses.filter((status) => status === 429).length).toBe(180);
  });
});

describe('waiting for checks in flight', () => {
  // Reservations made here and never settled stand for checks still running
  // (on this instance or another one on the same database).
  const holdAddress = async (storage: Storage, count: number) => {
    for (let i = 0; i < count; i++) await storage.reserveSignInAttempt('address:127.0.0.1', DEFAULT_RATE_LIMITS.perAddress, Date.now());
  };

  it('a sign-in waits for a slot and goes through when one frees up', async () => {
    server = await startTestServer();
    const account = await registerAccount(server.url);
    await holdAddress(server.storage, 20);
    const started = performance.now();
    const pending = organization(server.url, account.email, account.password);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.storage.releaseSignInAttempt('address:127.0.0.1');
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('gives up after a bounded wait with 429, Retry-After: 1 and a message that says why', async () => {
    server = await startTestServer();
    const account = await registerAccount(server.url);
    await holdAddress(server.storage, 20);
    const started = performance.now();
    const refused = await organization(server.url, account.email, account.password);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.json.messages).toEqual(['too many sign-ins from this address are in progress at once']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(IN_FLIGHT_WAIT_MS);
    expect(performance.now() - started).toBeLessThan(IN_FLIGHT_WAIT_MS + 5_000);
  });
});

describe('the counters', () => {
  it('survive a restart: a locked email stays locked', async () => {
    const clock = manualClock();
    const dir = mkdtempSync(join(tmpdir(), 'appclacks-restart-'));
    try {
      const dbPath = join(dir, 'server.db');
      server = await startTestServer({ clock: clock.now, dbPath });
      const account = await registerAccount(server.url);
      for (let i = 0; i < 5; i++) await organization(server.url, account.email, 'wrong password');
      await server.close();
      clock.advance(MINUTE);
      server = await startTestServer({ clock: clock.now, dbPath });
      const locked = await organization(server.url, account.email, account.password);
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toBe('840');
    } finally {
      await server?.close();
      server = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuse control characters in the email or password before anything is counted, and leave no slot taken', async () => {
    server = await startTestServer();
    const account = await registerAccount(server.url);
    const hostile = ['\u0000', 'a\u0000@x.org', `${account.email}\u0000`, '\u001b[2J', 'tab\t@x.org', 'c1\u0085@x.org', 'del\u007f@x.org'];
    for (let i = 0; i < 25; i++) {
      const user = hostile[i % hostile.length]!;
      const answer = i % 2 ? await organization(server.url, user, 'wrong password') : await organization(server.url, account.email, `pass\u0000word ${i}`);
      expect(answer.status, JSON.stringify(user)).toBe(401);
      expect(answer.json.messages).toEqual(['an email or password cannot contain control characters (U+0000 to U+001F, U+007F to U+009F)']);
    }
    expect(await server.storage.pruneSignInAttempts(Number.MAX_SAFE_INTEGER)).toBe(0);
    expect((await organization(server.url, account.email, account.password)).status).toBe(200);
  });

  it('refuse an email longer than any address can be before it is counted', async () => {
    server = await startTestServer();
    for (let i = 0; i < 30; i++) {
      const response = await organization(server.url, `${'x'.repeat(11_000)}${i}@example.com`, 'wrong password');
      expect(response.status).toBe(401);
    }
    // Pruning as of the end of time deletes every counter there is: none may exist.
    expect(await server.storage.pruneSignInAttempts(Number.MAX_SAFE_INTEGER)).toBe(0);
  });
});

describe('behind a reverse proxy', () => {
  const startBehindProxy = async (trustProxy?: TrustProxy) => {
    const dir = mkdtempSync(join(tmpdir(), 'appclacks-proxy-'));
    const running = await startServer({
      host: '127.0.0.1',
      port: 0,
      dbPath: join(dir, 'server.db'),
      registration: true,
      ...(trustProxy !== undefined && { trustProxy }),
    });
    return {
      url: running.url,
      async close() {
        await running.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
  const via = (url: string, forwardedFor: string, user: string, password: string) =>
    send(url, 'GET', '/app/v1/organization', { auth: { user, password }, headers: { 'x-forwarded-for': forwardedFor } });

  it('with --trust-proxy, one client locking its address does not lock everyone else behind the proxy', async () => {
    const proxied = await startBehindProxy(['127.0.0.1']);
    try {
      const account = await registerAccount(proxied.url);
      for (let i = 0; i < 20; i++) expect((await via(proxied.url, '203.0.113.9', `guess-${i}@example.com`, 'wrong password')).status).toBe(401);
      expect((await via(proxied.url, '203.0.113.9', account.email, account.password)).status).toBe(429);
      expect((await via(proxied.url, '198.51.100.7', account.email, account.password)).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('without it, X-Forwarded-For is ignored: a guesser cannot pick a fresh address per try', async () => {
    const direct = await startBehindProxy();
    try {
      for (let i = 0; i < 20; i++) await via(direct.url, `203.0.113.${i}`, `guess-${i}@example.com`, 'wrong password');
      expect((await via(direct.url, '198.51.100.7', 'someone@example.com', 'wrong password')).status).toBe(429);
    } finally {
      await direct.close();
    }
  });
  it('counts an IPv6 client by its /64: a fresh address per guess in the same /64 is the same client', async () => {
    const proxied = await startBehindProxy(['127.0.0.1']);
    try {
      const account = await registerAccount(proxied.url);
      for (let i = 0; i < 20; i++) {
        expect((await via(proxied.url, `2001:db8:1:2::${(i + 1).toString(16)}`, `guess-${i}@example.com`, 'wrong password')).status).toBe(401);
      }
      expect((await via(proxied.url, '2001:db8:1:2:ffff:ffff:ffff:ffff', account.email, account.password)).status).toBe(429);
      expect((await via(proxied.url, '2001:db8:1:3::1', account.email, account.password)).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', async () => {
    const proxied = await startBehindProxy(['127.0.0.1']);
    try {
      const account = await registerAccount(proxied.url);
      for (let i = 0; i < 10; i++) await via(proxied.url, '::ffff:203.0.113.9', `guess-${i}@example.com`, 'wrong password');
      for (let i = 10; i < 20; i++) await via(proxied.url, '203.0.113.9', `guess-${i}@example.com`, 'wrong password');
      expect((await via(proxied.url, '::ffff:cb00:7109', account.email, account.password)).status).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});
