// Requests Node's HTTP parser refuses before fastify sees them: they too get
// the `{"messages": [...]}` shape and a log line, and never an echo of the
// bytes that were sent (an Authorization value with a newline splits into a
// header line without a colon, and that line may be half a credential).
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Writes raw bytes and returns everything the server sent until it closed the connection. */
function sendRaw(url: string, bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.setTimeout(5_000, () => socket.destroy(new Error('the server kept the connection open')));
  });
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function parseRaw(text: string): RawResponse {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4) };
}

const SECRET_HALF = 'c2VjcmV0LWhhbGYtb2YtYS1jcmVkZW50aWFs';

describe('a request the HTTP parser refuses', () => {
  it.each([
    [
      'a header line without a colon (an Authorization value with a newline)',
      `GET /api/v1/token HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YWJj\r\n${SECRET_HALF}\r\n\r\n`,
    ],
    ['a request line that is not HTTP', `HELLO ${SECRET_HALF}\r\n\r\n`],
    ['a control byte in the URL', `GET /api/v1/token/\u001b${SECRET_HALF} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['a byte above 0x7F in the URL', Buffer.from(`GET /x\u009b${SECRET_HALF} HTTP/1.1\r\nHost: x\r\n\r\n`, 'latin1')],
  ])('%s: 400 in the messages shape, logged, nothing echoed', async (_name, bytes) => {
    const before = server.logs.length;
    const raw = await sendRaw(server.url, bytes);
    const response = parseRaw(raw);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    expect(JSON.parse(response.body)).toEqual({ messages: ['malformed HTTP request'] });
    expect(raw).not.toContain(SECRET_HALF);

    const logged = server.logs.slice(before);
    expect(logged).toEqual([expect.stringMatching(/^client error 400 HPE_[A-Z_]+: malformed HTTP request$/)]);
    expect(logged.join('\n')).not.toContain(SECRET_HALF);
  });

  it('headers over the size limit: 431 in the messages shape', async () => {
    const raw = await sendRaw(server.url, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    const response = parseRaw(raw);
    expect(response.status).toBe(431);
    expect(JSON.parse(response.body)).toEqual({ messages: ['request headers are too large'] });
    expect(server.logs.at(-1)).toBe('client error 431 HPE_HEADER_OVERFLOW: request headers are too large');
  });

  it('leaves the server answering well-formed requests', async () => {
    await sendRaw(server.url, 'GET / HTTP/1.1\r\nno colon here\r\n\r\n');
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });
});

describe('a request without a Host header', () => {
  it('gets a 400 in the documented shape, not an empty body', async () => {
    const response = parseRaw(await sendRaw(server.url, 'GET /api/v1/token HTTP/1.1\r\nConnection: close\r\n\r\n'));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ messages: ['request has no Host header'] });
  });
});
