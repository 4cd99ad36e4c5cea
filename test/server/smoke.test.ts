import { afterAll, beforeAll, expect, it } from 'vitest';
import { basicAuth, seedOrganization, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('registers, creates a token and lists with it', async () => {
  const seeded = await seedOrganization(server.url);
  const response = await fetch(`${server.url}/api/v1/token`, {
    headers: { authorization: basicAuth(seeded.organization.id, seeded.token.token) },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { result: unknown[] };
  expect(body.result).toHaveLength(1);
});
