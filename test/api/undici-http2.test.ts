// The build gives undici's HTTP/2 half src/api/undici-http2.ts in place of
// `node:http2` (scripts/build.mjs), so that a plain http:// request loads
// neither http2 nor tls. This holds that stand-in to what the file uses and to
// Node's own values: when an upgrade changes either, it fails naming the version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as http2 from 'node:http2';
import { describe, expect, it } from 'vitest';
import { connect, constants } from '../../src/api/undici-http2';

const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(require.resolve('undici/package.json'), 'utf8')) as { version: string };
const source = readFileSync(require.resolve('undici/lib/dispatcher/client-h2.js'), 'utf8');
const moved = `undici ${version} lib/dispatcher/client-h2.js no longer matches src/api/undici-http2.ts`;

describe(`undici ${version}: what its HTTP/2 client takes from node:http2`, () => {
  it('is required in lib/dispatcher/client-h2.js, the file the build hands the stand-in to', () => {
    expect(source.match(/require\('node:http2'\)/g), moved).toEqual(["require('node:http2')"]);
  });

  it('is the constants the stand-in copies, and connect()', () => {
    const destructured = /constants:\s*\{([^}]*)\}\s*\}\s*=\s*http2/.exec(source)?.[1];
    expect(destructured, moved).toBeDefined();
    const names = destructured!.split(',').map((name) => name.trim()).filter(Boolean);
    expect(names.sort(), moved).toEqual(Object.keys(constants).sort());
    const members = new Set([...source.matchAll(/\bhttp2\.(\w+)/g)].map((match) => match[1]));
    expect([...members], moved).toEqual(['connect']);
  });
});

describe(`Node ${process.version}: the stand-in for node:http2`, () => {
  it("copies Node's values of the constants", () => {
    for (const [name, value] of Object.entries(constants)) {
      expect(value, name).toBe((http2.constants as Record<string, unknown>)[name]);
    }
  });

  it('opens a real session through connect()', async () => {
    const server = http2.createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const session = connect(`http://127.0.0.1:${port}`);
    try {
      const stream = session.request({ [constants.HTTP2_HEADER_PATH]: '/' });
      let body = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (body += chunk));
      await new Promise((resolve) => stream.on('end', resolve));
      expect(body).toBe('ok');
    } finally {
      session.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
