// A real HTTP hop in front of the real server that forwards every request,
// except those a test tells it to fail: how a network blip or a server fault
// at one precise step of a multi-step command is reproduced.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

/** Answer instead of forwarding: a status and the server's error shape. */
export interface Failure {
  status: number;
  message: string;
}

export interface FailingProxy {
  url: string;
  /** Every request seen, in order. */
  seen: ProxiedRequest[];
  /** Decides per request; undefined forwards it. */
  failWhen(rule: (request: ProxiedRequest, index: number) => Failure | undefined): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

export async function startFailingProxy(target: string): Promise<FailingProxy> {
  const seen: ProxiedRequest[] = [];
  let rule: (request: ProxiedRequest, index: number) => Failure | undefined = () => undefined;
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const proxied = { method: request.method ?? 'GET', path: request.url ?? '/', authorization: request.headers.authorization };
      seen.push(proxied);
      const failure = rule(proxied, seen.length - 1);
      if (failure) {
        response.writeHead(failure.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ messages: [failure.message] }));
        return;
      }
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept', 'user-agent']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const upstream = await fetch(`${target}${proxied.path}`, { method: proxied.method, headers, ...(body !== '' && { body }) });
      response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      response.end(await upstream.text());
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    failWhen: (next) => {
      rule = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
