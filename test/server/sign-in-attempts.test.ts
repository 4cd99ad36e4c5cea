// The lock-out counters behind the storage interface: a reservation counts the
// attempt and reports the lock in one step, and a restart keeps both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/server/storage/sqlite';
import type { AttemptRule } from '../../src/server/storage/types';

const MINUTE = 60_000;
const RULE: AttemptRule = { maxAttempts: 3, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
const T0 = Date.UTC(2026, 0, 10, 12);

let dir: string;
let storage: SqliteStorage;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-attempts-'));
  storage = new SqliteStorage(join(dir, 'server.db'));
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const reserveMany = (count: number, now = T0, key = 'k') =>
  Promise.all(Array.from({ length: count }, () => storage.reserveSignInAttempt(key, RULE, now)));

describe('reserveSignInAttempt', () => {
  it('allows exactly maxAttempts of many simultaneous reservations; the last allowed one starts the lock', async () => {
    const results = await reserveMany(10);
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(results.slice(0, 2).every((r) => r.lockedUntil === 0)).toBe(true);
    expect(results[2]).toEqual({ allowed: true, lockedUntil: T0 + 15 * MINUTE });
    expect(results.slice(3).every((r) => !r.allowed && r.lockedUntil === T0 + 15 * MINUTE)).toBe(true);
  });

  it('does not lengthen a lock with refused attempts, and starts afresh when it ends', async () => {
    await reserveMany(3);
    const later = await storage.reserveSignInAttempt('k', RULE, T0 + 10 * MINUTE);
    expect(later).toEqual({ allowed: false, lockedUntil: T0 + 15 * MINUTE });
    expect(await storage.reserveSignInAttempt('k', RULE, T0 + 15 * MINUTE)).toEqual({ allowed: true, lockedUntil: 0 });
  });

  it('forgets attempts older than the window', async () => {
    await reserveMany(2);
    expect(await storage.reserveSignInAttempt('k', RULE, T0 + 15 * MINUTE)).toEqual({ allowed: true, lockedUntil: 0 });
    expect(await storage.reserveSignInAttempt('k', RULE, T0 + 15 * MINUTE)).toEqual({ allowed: true, lockedUntil: 0 });
  });

  it('keeps keys apart', async () => {
    await reserveMany(5, T0, 'a');
    expect(await storage.reserveSignInAttempt('b', RULE, T0)).toEqual({ allowed: true, lockedUntil: 0 });
  });
});

describe('release and clear', () => {
  it('release gives back one attempt and lifts the lock that reservation started', async () => {
    await reserveMany(3);
    await storage.releaseSignInAttempt('k', RULE);
    expect(await storage.reserveSignInAttempt('k', RULE, T0)).toEqual({ allowed: true, lockedUntil: T0 + 15 * MINUTE });
    expect((await storage.reserveSignInAttempt('k', RULE, T0)).allowed).toBe(false);
    // Releasing a refused attempt leaves the lock: the key is still over its limit.
    await storage.releaseSignInAttempt('k', RULE);
    expect((await storage.reserveSignInAttempt('k', RULE, T0)).allowed).toBe(false);
  });

  it('clear forgets the count and the lock', async () => {
    await reserveMany(4);
    await storage.clearSignInAttempts('k');
    expect(await storage.reserveSignInAttempt('k', RULE, T0)).toEqual({ allowed: true, lockedUntil: 0 });
  });
});

it('a restart keeps a lock', async () => {
  await reserveMany(3);
  await storage.close();
  storage = new SqliteStorage(join(dir, 'server.db'));
  expect(await storage.reserveSignInAttempt('k', RULE, T0 + MINUTE)).toEqual({ allowed: false, lockedUntil: T0 + 15 * MINUTE });
});

it('pruning deletes only counters whose window and lock have ended', async () => {
  await reserveMany(3, T0, 'locked');
  await storage.reserveSignInAttempt('counting', RULE, T0 + 10 * MINUTE);
  expect(await storage.pruneSignInAttempts(T0 + 20 * MINUTE)).toBe(1);
  expect((await storage.reserveSignInAttempt('counting', RULE, T0 + 20 * MINUTE)).allowed).toBe(true);
  expect(await storage.pruneSignInAttempts(T0 + 60 * MINUTE)).toBe(1);
});
