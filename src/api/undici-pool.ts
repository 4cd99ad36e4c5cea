// The client needs one thing from undici: a keep-alive Pool with request().
// undici's index also loads fetch, WebSocket, caches and mocks: bundled that
// is 535 KB and ~115 ms of start-up over bare node on a 2-core machine, the
// largest cost of `appclacks token list`. The Pool and its request API alone
// are 284 KB and ~65 ms (measured with scripts/bench.mjs's method). These
// are internal paths, so undici is pinned exactly in
// package.json and test/api exercises them on every run.
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import PoolImplementation from 'undici/lib/dispatcher/pool.js';
import request from 'undici/lib/api/api-request.js';
import type { Pool as UndiciPool } from 'undici';

// What undici's index does for every dispatcher (Object.assign(Dispatcher.prototype, api)).
const prototype = Dispatcher.prototype as unknown as Record<string, unknown>;
prototype.request ??= request;

export const Pool = PoolImplementation as unknown as typeof UndiciPool;
export type Pool = UndiciPool;
