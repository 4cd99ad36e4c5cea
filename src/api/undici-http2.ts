// What undici's HTTP/2 client takes from `node:http2`, without loading it.
//
// undici's Client requires its HTTP/2 half (lib/dispatcher/client-h2.js) when
// it loads, and that file requires `node:http2` at once, only to read ten
// header-name constants. Loading `node:http2` also loads `tls`, `http` and
// their helpers: about 5 ms of every `appclacks token list` on a 2-core
// machine, for a protocol undici only speaks after a TLS handshake has
// negotiated it (ALPN, with `allowH2`), never over `http://`. The build hands
// this module to that one file in place of `node:http2` (scripts/build.mjs):
// the constants are copied, and `connect`, the one function undici calls,
// loads the real module on first use.
//
// test/api/undici-http2.test.ts checks the copy against Node's own constants
// and that client-h2.js still uses nothing else, naming undici's version
// when an upgrade changes that.
import { createRequire } from 'node:module';

type Http2 = typeof import('node:http2');

export const constants = {
  HTTP2_HEADER_AUTHORITY: ':authority',
  HTTP2_HEADER_METHOD: ':method',
  HTTP2_HEADER_PATH: ':path',
  HTTP2_HEADER_SCHEME: ':scheme',
  HTTP2_HEADER_CONTENT_LENGTH: 'content-length',
  HTTP2_HEADER_EXPECT: 'expect',
  HTTP2_HEADER_STATUS: ':status',
  HTTP2_HEADER_PROTOCOL: ':protocol',
  NGHTTP2_REFUSED_STREAM: 7,
  NGHTTP2_CANCEL: 8,
} as const;

/** `http2.connect`, loading `node:http2` the first time a session opens. */
export const connect = ((...args: unknown[]) => {
  const http2 = createRequire(import.meta.url)('node:http2') as Http2;
  return (http2.connect as (...args: unknown[]) => ReturnType<Http2['connect']>)(...args);
}) as Http2['connect'];
