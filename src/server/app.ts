// The HTTP application: routes of docs/api.md, the `{"messages": [...]}` error
// shape for everything that goes wrong, and one log line per request.
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { systemClock, type Clock } from '../tokens';
import { startAuditRetention } from './audit/retention';
import { AuditTrail } from './audit/trail';
import { PasswordAuthenticator, TokenAuthenticator } from './auth';
import { HttpError } from './http-error';
import { answerEdgeRequests, rawAnswer } from './http-edges';
import { MAX_QUEUED_PER_CONNECTION, runOneRequestPerConnection } from './pipelining';
import { RegistrationLimiter } from './registration-limit';
import { TOKEN_PREFIX } from './secrets';
import { DEFAULT_REGISTRATION_LIMITS, type RegistrationLimits, type ServerTimeouts, type TrustProxy } from '../server-options';
import { DEFAULT_RATE_LIMITS, type RateLimitOptions } from './rate-limit';
import { accountRoutes } from './routes/account';
import { auditRoutes } from './routes/audit';
import { apiRoutes } from './routes/api';
import { lifecycleRoutes } from './routes/lifecycle';
import { registerRoutes } from './routes/register';
import { StorageUnavailableError, type Storage } from './storage/types';
import { messages } from './wire';

export const BODY_LIMIT_BYTES = 64 * 1024;

/** Receives one line per request (no trailing newline); never given headers or bodies. */
export type RequestLogger = (line: string) => void;

export interface AppOptions {
  storage: Storage;
  /** Whether POST /register creates organizations; when off it answers 403. */
  registration: boolean;
  clock?: Clock;
  log?: RequestLogger;
  rateLimits?: RateLimitOptions;
  /** This server's API extensions (token/current, rotate, last-used-at). Default on. */
  extensions?: boolean;
  timeouts?: ServerTimeouts;
  /** How long audit events are kept (an extension); default DEFAULT_AUDIT_RETENTION_MS. */
  auditRetentionMs?: number;
  /** Whose X-Forwarded-For sets `request.ip` (and so the lock-out's address); default nobody's. */
  trustProxy?: TrustProxy;
  /** Default DEFAULT_REGISTRATION_LIMITS. */
  registrationLimits?: RegistrationLimits;
}

/**
 * Only the path: a query string could carry anything. A token secret pasted
 * where an ID belongs (a client bug) is masked, so logs never hold one.
 */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  return path.replace(new RegExp(`${TOKEN_PREFIX}[^/]*`, 'g'), `${TOKEN_PREFIX}[redacted]`);
}

/** Seconds a client should wait before retrying while the database is away. */
const UNAVAILABLE_RETRY_AFTER = '5';
/** Seconds before retrying a write on a full database: freeing space takes a person. */
const FULL_RETRY_AFTER = '60';
const FULL_MESSAGE = 'the database is full (no space left to write): reads still work, writes fail until space is freed; try again later';

function errorReply(error: FastifyError | HttpError): { status: number; body: { messages: string[] } } {
  if (error instanceof HttpError) return { status: error.statusCode, body: { messages: error.messages } };
  if (error instanceof StorageUnavailableError) return { status: 503, body: messages('the database is unavailable; try again shortly') };
  const status = error.statusCode ?? 500;
  if (status >= 500) return { status: 500, body: messages('internal server error') };
  if (status === 413) return { status, body: messages(`request body is larger than ${BODY_LIMIT_BYTES} bytes`) };
  if (status === 415) return { status, body: messages('request body must be JSON (content-type: application/json)') };
  return { status, body: messages(error.message) };
}

/**
 * Requests Node's HTTP parser refused (a header line without a colon, as an
 * Authorization value with a newline makes; a bad request line; headers over
 * the size limit) never reach fastify's router or error handler. Answer them
 * in the documented shape too, and log them, naming only the parser's error
 * code: the bytes themselves could be anything, a credential included.
 */
function clientErrorHandler(log: RequestLogger) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, text] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'request headers are too large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request took too long to arrive']
          : [400, 'malformed HTTP request'];
    log(`client error ${status} ${error.code ?? 'unknown'}: ${text}`);
    // As Node's own handler: only when no response is under way on this
    // connection, or its bytes and ours would interleave.
    const current = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (socket.writable && !current?.headersSent) socket.end(rawAnswer(status, text));
    socket.destroySoon();
  };
}

function hostHeaderCount(rawHeaders: string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === 'host') count++;
  return count;
}

/** A hop count as the function fastify documents for it (its types omit the number form). */
function fastifyTrustProxy(trust: TrustProxy): string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export function buildApp(options: AppOptions): FastifyInstance {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const timeouts = options.timeouts;
  const app = Fastify({
    logger: false,
    // Node would answer a request without Host with an empty 400 of its own;
    // let it through to the onRequest hook below, which answers in our shape.
    http: {
      requireHostHeader: false,
      ...(timeouts && {
        headersTimeout: timeouts.headersMs,
        // Node checks the two timeouts above on this interval (30 s by
        // default, which would let a 30 s timeout run to a minute).
        connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
      }),
    },
    ...(timeouts && {
      // A late request gets Node's ERR_HTTP_REQUEST_TIMEOUT: a 408 from clientErrorHandler, logged.
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // A socket silent this long (no bytes either way) is closed: the last
      // resort behind the two request timeouts.
      connectionTimeout: timeouts.requestMs + timeouts.headersMs,
    }),
    ...(options.trustProxy !== undefined && { trustProxy: fastifyTrustProxy(options.trustProxy) }),
    bodyLimit: BODY_LIMIT_BYTES,
    // fastify's own answer while closing is a body of its shape, not ours:
    // the onRequest hook below answers those requests instead.
    return503OnClosing: false,
    clientErrorHandler: clientErrorHandler(log),
    // Router errors (a malformed %-escape, an over-long path segment) skip
    // the error handler; give them the documented shape too.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      // The hook's reply type is generic over route schemas we do not use.
      void (reply as unknown as FastifyReply).status(status).send(messages(status === 414 ? 'request URL is too long' : 'malformed request URL'));
    },
  });

  answerEdgeRequests(app.server, log);

  // First of the onRequest hooks: nothing else runs for a request still waiting its turn.
  runOneRequestPerConnection(app, () => log(`connection closed: more than ${MAX_QUEUED_PER_CONNECTION} pipelined requests waiting`));

  // Set by a write that failed for lack of space, cleared by one that
  // succeeds: /healthz says so meanwhile.
  let databaseFull = false;
  const noteFull = (what: string) => {
    if (!databaseFull) log(`database full: ${what} failed for lack of space; writes answer 503 until one succeeds`);
    databaseFull = true;
  };

  const extensions = options.extensions ?? true;
  const context = {
    storage: options.storage,
    clock,
    registration: options.registration,
    extensions,
    passwords: new PasswordAuthenticator(options.storage, options.rateLimits ?? DEFAULT_RATE_LIMITS, clock, extensions),
    audit: new AuditTrail(extensions, clock),
    tokens: new TokenAuthenticator(options.storage, clock, extensions, {
      written: () => (databaseFull = false),
      failed: (error) => {
        if (options.storage.isFullError(error)) noteFull('recording a token use');
      },
    }),
    registrations: new RegistrationLimiter(options.registrationLimits ?? DEFAULT_REGISTRATION_LIMITS, clock),
  };

  // Clients may send `content-type: application/json` on every request, a
  // DELETE with no body included: an empty body is no body, not an error.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new HttpError(400, 'request body is not valid JSON'), undefined);
    }
  });

  app.setErrorHandler<FastifyError | HttpError>((error, request, reply) => {
    if (options.storage.isFullError(error)) {
      noteFull(`${request.method} ${pathOf(request.url)}`);
      void reply.status(503).header('retry-after', FULL_RETRY_AFTER).send(messages(FULL_MESSAGE));
      return;
    }
    if (options.storage.isBusyError(error)) {
      log(`busy ${request.method} ${pathOf(request.url)}: the database is locked by another process`);
      void reply
        .status(503)
        .header('retry-after', '1')
        .send(messages('the database is busy (another process holds its lock); try again in a moment'));
      return;
    }
    const { status, body } = errorReply(error);
    if (status >= 500) log(`error ${request.method} ${pathOf(request.url)}: ${error.message}`);
    if (error instanceof HttpError) void reply.headers(error.headers);
    if (error instanceof StorageUnavailableError) void reply.header('retry-after', UNAVAILABLE_RETRY_AFTER);
    void reply.status(status).send(body);
  });

  // Every route's method, by path pattern, for 405 and its Allow header.
  const routes: Array<{ pattern: RegExp; method: string }> = [];
  app.addHook('onRoute', (route) => {
    const pattern = new RegExp(`^${route.url.replace(/:[^/]+/g, '[^/]+')}/?$`);
    for (const method of [route.method].flat()) routes.push({ pattern, method });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = [...new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method))].sort();
    if (allowed.length > 0) {
      void reply.status(405).header('allow', allowed.join(', ')).send(messages(`${request.method} is not allowed on ${pathOf(request.url)}: use ${allowed.join(', ')}`));
      return;
    }
    void reply.status(404).send(messages(`no route for ${request.method} ${pathOf(request.url)}`));
  });

  // Set as close() begins. A request that still arrives on an open
  // connection (pipelined, or on a keep-alive connection with a request in
  // flight) is not started: 503, and the client retries (another instance
  // behind the same proxy, or this one once restarted).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (closing) {
      return reply
        .status(503)
        .headers({ 'retry-after': '1', connection: 'close' })
        .send(messages('the server is shutting down; try again in a moment'));
    }
    if (request.headers.host === undefined) throw new HttpError(400, 'request has no Host header');
    // Node keeps the first of several and drops the rest; a proxy may have
    // routed by another (RFC 9112 §3.2: a 400).
    if (hostHeaderCount(request.raw.rawHeaders) > 1) throw new HttpError(400, 'request has more than one Host header');
    return undefined;
  });

  // Responses to signed-in calls can carry a secret (a new token) or an
  // organization's data: no shared or browser cache may keep them.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.headers.authorization !== undefined || request.url.startsWith('/app/') || request.url.startsWith('/api/')) {
      void reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) databaseFull = false;
    log(`${request.method} ${pathOf(request.url)} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
  });

  app.get('/healthz', async (_request, reply) => {
    void reply.type('text/plain; charset=utf-8');
    try {
      await options.storage.ping();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      return reply.status(503).header('retry-after', UNAVAILABLE_RETRY_AFTER).send('unavailable');
    }
    if (databaseFull) return reply.status(503).header('retry-after', FULL_RETRY_AFTER).send('database full');
    return reply.send('ok');
  });
  registerRoutes(app, context);
  accountRoutes(app, context);
  // Before apiRoutes does not matter to the router (a static path beats
  // /api/v1/token/:id), but it reads in the order a request is matched.
  if (extensions) {
    lifecycleRoutes(app, context);
    auditRoutes(app, context);
    const retention = startAuditRetention(options.storage, clock, options.auditRetentionMs, (line) => log(line));
    app.addHook('onClose', async () => retention.stop());
  }
  apiRoutes(app, context);
  return app;
}
