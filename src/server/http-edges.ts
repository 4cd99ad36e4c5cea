// Requests Node's HTTP server answers by itself, before fastify sees them,
// given the documented `{"messages": [...]}` shape instead: an `Expect` other
// than 100-continue (Node's bare 417) and CONNECT (Node drops the connection
// without a word).
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { messages } from './wire';

/** A whole answer in our shape, written straight to a socket; the connection then closes. */
export function rawAnswer(status: number, text: string): string {
  const body = JSON.stringify(messages(text));
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
    `content-type: application/json; charset=utf-8\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    `connection: close\r\n\r\n${body}`
  );
}

export function answerEdgeRequests(server: Server, log: (line: string) => void): void {
  // Node still answers `Expect: 100-continue` itself (a 100, then the route).
  server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    log('client error 417: unsupported Expect header');
    const body = JSON.stringify(messages('the Expect header is not supported: only "100-continue" is'));
    response.writeHead(417, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
  });
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    log('client error 405: CONNECT');
    socket.end(rawAnswer(405, 'CONNECT is not allowed: this server is not a proxy'));
  });
}
