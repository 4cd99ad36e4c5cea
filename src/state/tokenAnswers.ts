// The token list and the answer to "which of these is this session's token"
// are asked together and shown together, so the list's first frame already
// marks the session's row. runTui sends the first pair before the UI's
// modules load; the store sends every later one.
import type { APIToken } from '../api/schemas';
import type { AppclacksApi, Extended, TokenCredentials } from '../api/types';

export interface TokenAnswers {
  items: APIToken[];
  /** token/current's answer; undefined when not asked or when it failed (never a reason for the list to fail). */
  current: Extended<APIToken> | undefined;
}

export function requestTokenAnswers(api: AppclacksApi, credentials: TokenCredentials, options: { askCurrent?: boolean } = {}): Promise<TokenAnswers> {
  const items = api.listTokens(credentials);
  const current = options.askCurrent === false ? undefined : askCurrent(api, credentials);
  return Promise.all([items, current]).then(([items, current]) => ({ items, current }));
}

/** token/current, sent now (not a microtask later: it leaves with the list); any failure is undefined. */
function askCurrent(api: AppclacksApi, credentials: TokenCredentials): Promise<Extended<APIToken> | undefined> {
  try {
    return api.getCurrentToken(credentials).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

/**
 * A request started early, whose answer can be read synchronously once it
 * has arrived: the UI's first frame can then show it instead of "loading…".
 */
export interface Prefetched<T> {
  readonly promise: Promise<T>;
  /** The answer, once the promise has fulfilled; undefined before, and after a failure. */
  answer(): T | undefined;
}

export function prefetched<T>(promise: Promise<T>): Prefetched<T> {
  let answer: { value: T } | undefined;
  // Awaited by the store later; until then a failure must not count as unhandled.
  promise.then(
    (value) => (answer = { value }),
    () => undefined,
  );
  return { promise, answer: () => answer?.value };
}
