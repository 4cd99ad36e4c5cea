// A real HTTP server on a loopback port that records every request and
// answers from a script, so client tests see genuine sockets, resets and
// silences rather than a mocked dispatcher.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { unusedLoopbackPort } from '../helpers/net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply =
  | { status?: number; headers?: Record<string, string>; json?: unknown; text?: string }
  /** Sends a TCP RST after reading the request. */
  | { reset: true }
  /** Reads the request and never answers. */
  | { hang: true };

export interface ScriptedServer {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** host:port as the client names it in messages. */
  host: string;
  requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  /** Queues replies, one per coming request, in order. */
  reply(...replies: Reply[]): void;
  /** The reply once the queue is empty (default: 500 "unscripted request"). */
  otherwise(reply: Reply): void;
  /** Once the queue is empty, answers by request (a whole API, say); `undefined` falls through to otherwise. */
  answerBy(route: ((request: RecordedRequest) => Reply | undefined) | undefined): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  let fallback: Reply = { status: 500, json: { messages: ['unscripted request'] } };
  let route: ((request: RecordedRequest) => Reply | undefined) | undefined;
  const sockets = new Set<Socket>();
  let connections = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      answer(res, queue.shift() ?? route?.(request) ?? fallback);
    });
  });
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    reply: (...replies) => queue.push(...replies),
    otherwise: (reply) => {
      fallback = reply;
    },
    answerBy: (next) => {
      route = next;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(res: ServerResponse, reply: Reply): void {
  if ('reset' in reply) {
    res.socket?.resetAndDestroy();
    return;
  }
  if ('hang' in reply) return;
  const headers = { ...reply.headers };
  let body = '';
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['content-type'] ??= 'application/json';
  } else if (reply.text !== undefined) {
    body = reply.text;
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}

/** A loopback port with nothing listening: connecting to it is refused. */
export async function closedPortUrl(): Promise<string> {
  return `http://127.0.0.1:${await unusedLoopbackPort()}`;
}
