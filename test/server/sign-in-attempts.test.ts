// The lock-out counters behind the storage interface, on each backend (the
// vitest project's): a reservation counts the attempt and reports the lock in
// one step; a failure stays counted and locks at the limit; a key full only of
// attempts in flight is told from a locked one; a restart keeps a lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openPostgresStorage } from '../../src/server/storage/postgres';
import { SqliteStorage } from '../../src/server/storage/sqlite';
import { SIGN_IN_LEASE_MS, type AttemptRule, type Storage } from '../../src/server/storage/types';
import { createDatabase } from '../helpers/postgres';

const MINUTE = 60_000;
const RULE: AttemptRule = { maxAttempts: 3, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
const T0 = Date.UTC(2026, 0, 10, 12);

let dir: string;
/** A SQLite file, or a PostgreSQL URL: what a restart reopens. */
let database: string;
let storage: Storage;
/** `instance` names who holds the leases it takes; default one of its own. */
const open = (instance?: string): Promise<Storage> =>
  inject('storageBackend') === 'postgres'
    ? openPostgresStorage({ url: database, poolSize: 10, ...(instance !== undefined && { instance }) })
    : Promise.resolve(new SqliteStorage(database, instance === undefined ? {} : { instance }));
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-attempts-'));
  database = inject('storageBackend') === 'postgres' ? await createDatabase(inject('postgres')!) : join(dir, 'server.db');
  storage = await open();
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const reserveMany = (count: number, now = T0, key = 'k') =>
  Promise.all(Array.from({ length: count }, () => storage.reserveSignInAttempt(key, RULE, now)));
/** maxAttempts reservations that all fail: the key is locked. */
async function failMany(count: number, now = T0, key = 'k') {
  await reserveMany(count, now, key);
  for (let i = 0; i < count; i++) await storage.recordSignInFailure(key, RULE, now);
}

describe('reserveSignInAttempt', () => {
  it('allows exactly maxAttempts of many simultaneous reservations; the rest are refused as in flight, not locked', async () => {
    const results = await reserveMany(10);
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(results.every((r) => r.lockedUntil === 0)).toBe(true);
  });

  it('locks when the failures reach maxAttempts, and then refuses with the lock', async () => {
    await reserveMany(3);
    await storage.recordSignInFailure('k', RULE, T0);
    await storage.recordSignInFailure('k', RULE, T0);
    expect(await storage.reserveSignInAttempt('k', RULE, T0)).toEqual({ allowed: false, lockedUntil: 0 }); // one still in flight
    await storage.releaseSignInAttempt('k'); // that refusal, given back
    await storage.recordSignInFailure('k', RULE, T0 + MINUTE);
    expect(await storage.reserveSignInAttempt('k', RULE, T0 + MINUTE)).toEqual({ allowed: false, lockedUntil: T0 + 16 * MINUTE });
  });

  it('does not lengthen a lock with refused attempts, and starts afresh when it ends', async () => {
    await failMany(3);
    const later = await storage.reserveSignInAttempt('k', RULE, T0 + 10 * MINUTE);
    expect(later).toEqual({ allowed: false, lockedUntil: T0 + 15 * MINUTE });
    await storage.releaseSignInAttempt('k');
    expect(await storage.reserveSignInAttempt('k', RULE, T0 + 15 * MINUTE)).toEqual({ allowed: true, lockedUntil: 0 });
  });

  it('forgets attempts older than the window', async () => {
    await failMany(2);
    expect(await storage.reserveSignInAttempt('k', RULE, T0 + 15 * MINUTE)).toEqual({ allowed: true, lockedUntil: 0 });
    expect(await storage.reserveSignInAttempt('k', RULE, T0 + 15 * MINUTE)).toEqual({ allowed: true, lockedUntil: 0 });
  });

  it('keeps keys apart', async () => {
    await failMany(5, T0, 'a');
    expect(await storage.reserveSignInAttempt('b', RULE, T0)).toEqual({ allowed: true, lockedUntil: 0 });
  });
});

describe('release and clear', () => {
  it('clear lifts a lock', async () => {
    await failMany(3);
    await storage.clearSignInAttempts('k');
    expect(await storage.reserveSignInAttempt('k', RULE, T0)).toEqual({ allowed: true, lockedUntil: 0 });
  });

  it('release gives back one attempt in flight: the next one is allowed', async () => {
    await reserveMany(3);
    await storage.releaseSignInAttempt('k');
    expect(await storage.reserveSignInAttempt('k', RULE, T0)).toEqual({ allowed: true, lockedUntil: 0 });
    expect((await storage.reserveSignInAttempt('k', RULE, T0)).allowed).toBe(false);
  });

  it('a failure keeps its slot: at the limit of failures and attempts in flight, nothing more passes', async () => {
    await reserveMany(3);
    await storage.recordSignInFailure('k', RULE, T0);
    expect((await storage.reserveSignInAttempt('k', RULE, T0)).allowed).toBe(false);
  });

  it('clear forgets the failures and the lock, but not the attempts still in flight', async () => {
    await failMany(2);
    await storage.reserveSignInAttempt('k', RULE, T0); // in flight
    await storage.clearSignInAttempts('k');
    const after = await reserveMany(3);
    expect(after.filter((r) => r.allowed)).toHaveLength(2); // 3 minus the one still in flight
    expect(after.every((r) => r.lockedUntil === 0)).toBe(true);
  });
});

it('a restart keeps a lock', async () => {
  await failMany(3);
  await storage.close();
  storage = await open();
  expect(await storage.reserveSignInAttempt('k', RULE, T0 + MINUTE)).toEqual({ allowed: false, lockedUntil: T0 + 15 * MINUTE });
});

it('pruning deletes only counters whose window and lock have ended', async () => {
  await failMany(3, T0, 'locked');
  await storage.reserveSignInAttempt('counting', RULE, T0 + 10 * MINUTE);
  expect(await storage.pruneSignInAttempts(T0 + 20 * MINUTE)).toBe(1);
  expect((await storage.reserveSignInAttempt('counting', RULE, T0 + 20 * MINUTE)).allowed).toBe(true);
  expect(await storage.pruneSignInAttempts(T0 + 60 * MINUTE)).toBe(1);
});

describe('leases: reservations nobody settles (a process killed mid-check) give their slots back', () => {
  it('by themselves once they expire, to any instance', async () => {
    await reserveMany(3); // this instance then dies: nothing settles them
    const other = await open();
    try {
      expect(await other.reserveSignInAttempt('k', RULE, T0 + SIGN_IN_LEASE_MS - 1)).toEqual({ allowed: false, lockedUntil: 0 });
      await other.releaseSignInAttempt('k');
      const after = await Promise.all(Array.from({ length: 4 }, () => other.reserveSignInAttempt('k', RULE, T0 + SIGN_IN_LEASE_MS)));
      expect(after.filter((r) => r.allowed)).toHaveLength(3);
    } finally {
      await other.close();
    }
  });

  it('at once when the same instance starts again, leaving other instances\' reservations counted', async () => {
    await storage.close();
    storage = await open('host-a 0.0.0.0:8080');
    await reserveMany(2);
    const other = await open('host-b 0.0.0.0:8080');
    try {
      await other.reserveSignInAttempt('k', RULE, T0);
      await storage.close(); // killed
      storage = await open('host-a 0.0.0.0:8080');
      expect(await storage.releaseInstanceReservations()).toBe(2);
      expect(await storage.releaseInstanceReservations()).toBe(0);
      const after = await reserveMany(3);
      expect(after.filter((r) => r.allowed)).toHaveLength(2); // 3 minus host-b's, still in flight
    } finally {
      await other.close();
    }
  });

  it('when pruning finds them expired', async () => {
    await reserveMany(3);
    expect(await storage.pruneSignInAttempts(T0 + SIGN_IN_LEASE_MS)).toBe(0); // the counter's window is still open
    const after = await reserveMany(4, T0 + SIGN_IN_LEASE_MS);
    expect(after.filter((r) => r.allowed)).toHaveLength(3);
  });

  it('a check that outlives its lease still counts its failure, and nothing is given back twice', async () => {
    await reserveMany(1);
    await reserveMany(1, T0 + SIGN_IN_LEASE_MS); // finds the first lease expired and gives it back
    await storage.recordSignInFailure('k', RULE, T0 + SIGN_IN_LEASE_MS); // the first check ends
    await storage.recordSignInFailure('k', RULE, T0 + SIGN_IN_LEASE_MS); // the second
    await storage.releaseSignInAttempt('k'); // nothing left to give back
    // Two failures, nothing in flight: one more passes, then the key is full.
    const after = await reserveMany(2, T0 + SIGN_IN_LEASE_MS);
    expect(after.filter((r) => r.allowed)).toHaveLength(1);
  });
});
