// The client needs one thing from undici: a keep-alive Pool and its
// request(). undici's index also loads fetch, WebSocket, caches and mocks:
// bundled that is 535 KB and ~115 ms of start-up over bare node on a 2-core
// machine, the largest cost of `appclacks token list`. The Pool and its
// request API alone are 284 KB and ~65 ms (measured with scripts/bench.mjs's
// method). undici has no public entry point for just these, so this adapter
// loads the two modules its index is made of, and nothing else does:
//
// - lib/dispatcher/pool.js is the class undici exports as Pool;
// - lib/api/api-request.js is the function undici's index copies onto every
//   dispatcher as request(). It is called with the pool as `this`, as that
//   copy would be, instead of patching Dispatcher.prototype here.
//
// undici is pinned exactly in package.json, and test/api/undici-pool.test.ts
// checks that both are still what undici's public API exposes, naming the
// version when an upgrade moves them.
import PoolImplementation from 'undici/lib/dispatcher/pool.js';
import requestImplementation from 'undici/lib/api/api-request.js';
import type { Dispatcher, Pool as UndiciPool } from 'undici';

export const Pool = PoolImplementation as unknown as typeof UndiciPool;
export type Pool = UndiciPool;

type RequestOptions = Parameters<UndiciPool['request']>[0];

/** `pool.request(options)`, undici's public method, without undici's index. */
export function poolRequest(pool: Pool, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  return (requestImplementation as (this: Pool, options: RequestOptions) => Promise<Dispatcher.ResponseData>).call(pool, options);
}

/** For the test that holds this adapter to undici's public API. */
export const UNDICI_INTERNALS = { Pool: PoolImplementation, request: requestImplementation };
