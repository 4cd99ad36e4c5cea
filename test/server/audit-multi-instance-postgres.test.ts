// Two server instances on one PostgreSQL database, as behind a load
// balancer: creates, rotations and deletes spread over both (some at once)
// leave one complete trail, each event once, in time order, the same read
// from either instance.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../helpers/postgres';
import { createToken, seedOrganization, startTestServer, type TestServer } from '../helpers/server';
import { send, tokenAuth } from './http';

let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  const databaseUrl = await createDatabase(inject('postgres')!);
  [a, b] = await Promise.all([startTestServer({ databaseUrl }), startTestServer({ databaseUrl })]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

interface Event {
  id: string;
  time: string;
  kind: string;
  'token-id': string | null;
  'replacement-token-id': string | null;
}

async function wholeTrail(url: string, organizationId: string, secret: string): Promise<Event[]> {
  const events: Event[] = [];
  let query = '?limit=7';
  for (;;) {
    const page = await send(url, 'GET', `/api/v1/audit${query}`, { auth: tokenAuth(organizationId, secret) });
    expect(page.status).toBe(200);
    events.push(...page.json.result);
    if (page.json.next === null) return events;
    query = `?limit=7&cursor=${page.json.next}`;
  }
}

describe('the audit trail of two instances', () => {
  it('holds every change made on either, once each, newest first, the same from both', async () => {
    const org = await seedOrganization(a.url);
    const auth = { user: org.email, password: org.password };
    const instances = [a, b];
    // Twelve creates, half on each, six at a time.
    const created = [];
    for (let round = 0; round < 2; round++) {
      created.push(
        ...(await Promise.all(Array.from({ length: 6 }, (_, i) => createToken(instances[i % 2]!.url, org, { name: `t${round}-${i}` })))),
      );
    }
    // Rotate the first six on the instance that did not create them, at once.
    const rotations = await Promise.all(
      created.slice(0, 6).map((token, i) => send(instances[(i + 1) % 2]!.url, 'POST', `/app/v1/token/${token.id}/rotate`, { auth })),
    );
    for (const rotation of rotations) expect(rotation.status).toBe(200);
    // Delete the other six, and the rotations' replacements, alternating instances, at once.
    const deleted = [...created.slice(6).map((t) => t.id), ...rotations.map((r) => r.json.id as string)];
    const deletes = await Promise.all(
      deleted.map((id, i) => send(instances[i % 2]!.url, 'DELETE', `/api/v1/token/${id}`, { auth: tokenAuth(org.organization.id, org.token.token) })),
    );
    for (const response of deletes) expect(response.status).toBe(200);

    const fromA = await wholeTrail(a.url, org.organization.id, org.token.token);
    const fromB = await wholeTrail(b.url, org.organization.id, org.token.token);
    expect(fromB).toEqual(fromA);

    const count = (kind: string) => fromA.filter((e) => e.kind === kind).length;
    expect(count('account.registered')).toBe(1);
    expect(count('token.created')).toBe(13); // the admin token and twelve
    expect(count('token.rotated')).toBe(6);
    expect(count('token.deleted')).toBe(12);
    expect(fromA).toHaveLength(32);
    // Once each: no event ID twice, and each change's subject exactly once.
    expect(new Set(fromA.map((e) => e.id)).size).toBe(fromA.length);
    const subjects = (kind: string) => fromA.filter((e) => e.kind === kind).map((e) => e['token-id']).sort();
    expect(subjects('token.created')).toEqual([org.token.id, ...created.map((t) => t.id)].sort());
    expect(subjects('token.deleted')).toEqual([...deleted].sort());
    expect(fromA.filter((e) => e.kind === 'token.rotated').map((e) => e['replacement-token-id']).sort()).toEqual(rotations.map((r) => r.json.id).sort());
    // Newest first.
    const times = fromA.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    // Every token's own story in order: created before rotated or deleted.
    for (const token of created) {
      const story = [...fromA].reverse().filter((e) => e['token-id'] === token.id).map((e) => e.kind);
      expect(story[0]).toBe('token.created');
      expect(story).toHaveLength(2);
    }
  });
});
