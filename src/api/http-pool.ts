// The client's HTTP: Node's own node:http (node:https for an https://
// endpoint), one keep-alive Agent per endpoint. Node loads node:http for
// little, while undici's public index is half a megabyte of JavaScript that
// every `appclacks token list` compiled (docs/levers.md has the figures).
//
// What the client needs of a connection pool, and nothing else: keep-alive
// reuse, a connect timeout, a headers timeout (request sent to status line),
// a body timeout (the longest silence between two pieces of the body), a cap
// on the answer's size, cancellation by AbortSignal, and a close that drops
// what is in flight. Failures carry a `code`, which src/api/error-mapping.ts
// words: Node's own (ECONNREFUSED, ECONNRESET, ENOTFOUND, TLS codes…) or one
// of HTTP_FAILURE below.
import type { Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage, RequestOptions } from 'node:http';

export const HTTP_FAILURE = {
  connectTimeout: 'APPCLACKS_CONNECT_TIMEOUT',
  headersTimeout: 'APPCLACKS_HEADERS_TIMEOUT',
  bodyTimeout: 'APPCLACKS_BODY_TIMEOUT',
  tooLarge: 'APPCLACKS_RESPONSE_TOO_LARGE',
  closed: 'APPCLACKS_POOL_CLOSED',
} as const;

export class HttpFailure extends Error {
  constructor(
    readonly code: (typeof HTTP_FAILURE)[keyof typeof HTTP_FAILURE],
    message: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

export interface PoolOptions {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxResponseBytes: number;
}

export interface PoolRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface PoolAnswer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: string;
}

type Transport = Pick<typeof import('node:http'), 'Agent' | 'request'>;

export class Pool {
  private readonly url: URL;
  private transport?: Promise<{ module: Transport; agent: HttpAgent }>;
  private agent?: HttpAgent;
  private closed = false;
  private readonly inFlight = new Set<{ destroy(error?: Error): void }>();

  constructor(
    origin: string,
    private readonly options: PoolOptions,
  ) {
    this.url = new URL(origin);
  }

  get destroyed(): boolean {
    return this.closed;
  }

  /** Closes every connection and fails what is in flight. */
  async destroy(): Promise<void> {
    this.closed = true;
    for (const request of this.inFlight) request.destroy(new HttpFailure(HTTP_FAILURE.closed, 'the connection pool was closed'));
    this.agent?.destroy();
  }

  private load(): Promise<{ module: Transport; agent: HttpAgent }> {
    // node:https loads tls: only for an https:// endpoint.
    this.transport ??= (this.url.protocol === 'https:' ? import('node:https') : import('node:http')).then((module) => {
      const agent = new module.Agent({ keepAlive: true });
      this.agent = agent;
      return { module, agent };
    });
    return this.transport;
  }

  async request(request: PoolRequest): Promise<PoolAnswer> {
    if (this.closed) throw new HttpFailure(HTTP_FAILURE.closed, 'the connection pool was closed');
    const { module, agent } = await this.load();
    const { connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs, maxResponseBytes } = this.options;
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
    const options: RequestOptions = {
      protocol: this.url.protocol,
      hostname: this.url.hostname.replace(/^\[|\]$/g, ''),
      port: this.url.port || undefined,
      method: request.method,
      path: request.path,
      headers,
      agent,
      signal: request.signal,
    };
    return new Promise<PoolAnswer>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const settle = (error?: Error, answer?: PoolAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inFlight.delete(handle);
        if (error) reject(error);
        else resolve(answer!);
      };
      // The caller gets the error; the connection is dropped without it, so
      // that no stream emits it again with nobody listening.
      const fail = (error: Error) => {
        settle(error);
        outgoing.destroy();
      };
      const handle = { destroy: fail };
      const arm = (ms: number, code: HttpFailure['code'], message: string) => {
        clearTimeout(timer);
        timer = setTimeout(() => fail(new HttpFailure(code, message)), ms);
      };
      const outgoing = module.request(options, (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        arm(bodyTimeoutMs, HTTP_FAILURE.bodyTimeout, 'no part of the body arrived in time');
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxResponseBytes) {
            fail(new HttpFailure(HTTP_FAILURE.tooLarge, `the answer is over ${maxResponseBytes} bytes`));
            return;
          }
          chunks.push(chunk);
          arm(bodyTimeoutMs, HTTP_FAILURE.bodyTimeout, 'no part of the body arrived in time');
        });
        response.on('error', (error) => settle(error));
        response.on('aborted', () => settle(Object.assign(new Error('the connection closed before the answer ended'), { code: 'ECONNRESET' })));
        response.on('end', () => {
          settle(undefined, { statusCode: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      this.inFlight.add(handle);
      outgoing.on('error', (error) => settle(error));
      outgoing.on('socket', (socket) => {
        const sent = () => arm(headersTimeoutMs, HTTP_FAILURE.headersTimeout, 'no answer arrived in time');
        // A reused keep-alive socket is connected already.
        if (!socket.connecting) {
          sent();
          return;
        }
        arm(connectTimeoutMs, HTTP_FAILURE.connectTimeout, 'no connection in time');
        socket.once(this.url.protocol === 'https:' ? 'secureConnect' : 'connect', sent);
      });
      outgoing.end(request.body);
    });
  }
}
