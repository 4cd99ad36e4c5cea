// Large organizations have large token lists; a wrong endpoint may stream a
// file. The client takes the first and refuses the second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/api/client';
import { MAX_RESPONSE_BYTES } from '../../src/api/limits';
import type { ApiError } from '../../src/errors';
import { hintFor } from '../../src/report/report';
import { LISTED_TOKEN, TOKEN_CREDENTIALS } from './fixtures';
import { startScriptedServer, type ScriptedServer } from './scripted-server';

let server: ScriptedServer;
let api: ReturnType<typeof createClient>;

beforeAll(async () => {
  server = await startScriptedServer();
  api = createClient({ endpoint: server.url, retries: 0 });
});

afterAll(async () => {
  await api.close();
  await server.close();
});

describe('answer sizes', () => {
  it('lists 5,000 of the largest tokens (about 5 MB, over the old 4 MiB limit)', async () => {
    const largest = { ...LISTED_TOKEN, name: 'n'.repeat(255), description: 'd'.repeat(255), permissions: { actions: ['ListAPITokens', 'GetAPIToken', 'DeleteAPIToken', 'GetOrganization', 'ListHealthchecks', 'GetHealthcheck', 'CreateHealthcheck', 'UpdateHealthcheck', 'DeleteHealthcheck', 'ListHealthchecksResults', 'GetHealthchecksMetrics', 'CabourotteDiscovery'] } };
    const result = Array.from({ length: 5000 }, (_, i) => ({ ...largest, id: `${String(i).padStart(8, '0')}-edd1-4948-8b85-a905a5602da4` }));
    const body = JSON.stringify({ result });
    expect(body.length).toBeGreaterThan(4 * 1024 * 1024);
    server.reply({ text: body, headers: { 'content-type': 'application/json' } });
    expect(await api.listTokens(TOKEN_CREDENTIALS)).toHaveLength(5000);
  });

  it('refuses an answer over the limit with one line that says what it looks like', async () => {
    server.reply({ text: 'x'.repeat(MAX_RESPONSE_BYTES + 1), headers: { 'content-type': 'application/json' } });
    const error = await api.listTokens(TOKEN_CREDENTIALS).catch((e: unknown) => e as ApiError);
    expect(error).toMatchObject({ kind: 'protocol', reason: 'too-large', message: expect.stringMatching(/sent an answer over 64 MiB/) });
    expect(hintFor(error as ApiError)).toContain('is the endpoint right?');
  });
});
