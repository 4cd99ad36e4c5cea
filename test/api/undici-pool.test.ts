// src/api/undici-pool.ts loads two of undici's internal modules to keep the
// CLI's start-up small. This holds them to undici's public API: when an
// upgrade moves or replaces them, it fails naming the version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Pool as PublicPool } from 'undici';
import { describe, expect, it } from 'vitest';
import { UNDICI_INTERNALS } from '../../src/api/undici-pool';

const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(require.resolve('undici/package.json'), 'utf8')) as { version: string };
const moved = `undici ${version} no longer matches src/api/undici-pool.ts: check its two internal imports`;

describe(`undici ${version}: the internals the client loads are undici's public Pool and request()`, () => {
  it('lib/dispatcher/pool.js is the class undici exports as Pool', () => {
    expect(UNDICI_INTERNALS.Pool, moved).toBe(PublicPool);
  });

  it("lib/api/api-request.js is the request() undici's index puts on every dispatcher", () => {
    expect(UNDICI_INTERNALS.request, moved).toBe(PublicPool.prototype.request);
  });
});
