// Requests Node would answer by itself (an unknown Expect, CONNECT) and a
// request with two Host headers: answered in the documented shape.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Sends raw bytes and returns everything the server wrote until it closed the connection. */
function exchange(text: string): Promise<{ head: string; json: unknown }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(text));
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.once('error', reject);
    socket.once('close', () => {
      const end = received.lastIndexOf('\r\n\r\n');
      resolve({ head: received.slice(0, end), json: JSON.parse(received.slice(end + 4)) });
    });
  });
}

const host = () => new URL(server.url).host;

describe('answers Node would give bare', () => {
  it('refuses an Expect other than 100-continue with a 417 in the messages shape', async () => {
    const { head, json } = await exchange(`GET /healthz HTTP/1.1\r\nHost: ${host()}\r\nExpect: something-else\r\n\r\n`);
    expect(head).toMatch(/^HTTP\/1\.1 417 Expectation Failed\r\n/);
    expect(head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/i);
    expect(json).toEqual({ messages: ['the Expect header is not supported: only "100-continue" is'] });
    expect(server.logs).toContain('client error 417: unsupported Expect header');
  });

  it('still honours Expect: 100-continue', async () => {
    const { head, json } = await exchange(
      `POST /register HTTP/1.1\r\nHost: ${host()}\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    expect(head).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 400 Bad Request\r\n/);
    expect(json).toEqual({ messages: ['organization: is required', 'account: is required'] });
  });

  it('answers CONNECT with a 405 in the messages shape rather than dropping the connection', async () => {
    const { head, json } = await exchange('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(json).toEqual({ messages: ['CONNECT is not allowed: this server is not a proxy'] });
    expect(server.logs).toContain('client error 405: CONNECT');
  });

  it('refuses a request with two Host headers with a 400', async () => {
    const { head, json } = await exchange(`GET /healthz HTTP/1.1\r\nHost: ${host()}\r\nhost: evil.example\r\nConnection: close\r\n\r\n`);
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(json).toEqual({ messages: ['request has more than one Host header'] });
  });
});
