import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on (bound, then released): connecting to it
 * is refused, and a server may take it.
 */
export async function unusedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  return address.port;
}
