// Retention of the audit trail: events older than --audit-retention are
// deleted in small batches, newer ones kept; on the test project's database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/server';
import { auditEvent } from '../../src/server/audit/events';
import { startAuditRetention } from '../../src/server/audit/retention';
import { UsageError } from '../../src/errors';
import { parseAuditRetention } from '../../src/server-options';
import { seedOrganization, startTestServer, type TestServer } from '../helpers/server';

const DAY = 86_400_000;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('audit retention', () => {
  it('deletes the events older than the retention, in batches, and keeps the rest', async () => {
    const org = await seedOrganization(server.url);
    const now = Date.now();
    const origin = { clientAddress: '127.0.0.1', userAgent: null };
    const at = (daysAgo: number) =>
      auditEvent(now - daysAgo * DAY, origin, { organizationId: org.organization.id, kind: 'token.created', actor: org.email, actorType: 'account' });
    for (let i = 0; i < 23; i++) await server.storage.recordAuditEvent(at(91 + i / 100));
    for (let i = 0; i < 4; i++) await server.storage.recordAuditEvent(at(89));
    const calls: number[] = [];
    const storage = {
      pruneAuditEvents: async (before: number, batch: number) => {
        const deleted = await server.storage.pruneAuditEvents(before, batch);
        calls.push(deleted);
        return deleted;
      },
    };
    const retention = startAuditRetention(storage, () => now, 90 * DAY, () => {}, { batch: 5, autoStart: false });
    expect(await retention.runOnce()).toBe(23);
    expect(calls).toEqual([5, 5, 5, 5, 3]); // never more than a batch per statement
    const left = await server.storage.listAuditEvents({ organizationId: org.organization.id, limit: 100 });
    // The four kept, and the registration and token creation of just now.
    expect(left.filter((e) => e.at < now - 90 * DAY)).toEqual([]);
    expect(left.filter((e) => e.at === now - 89 * DAY)).toHaveLength(4);
    expect(left).toHaveLength(6);
  });

  it('runs by itself on its timer, and stops', async () => {
    const org = await seedOrganization(server.url);
    const origin = { clientAddress: '127.0.0.1', userAgent: null };
    await server.storage.recordAuditEvent(
      auditEvent(Date.now() - 2 * DAY, origin, { organizationId: org.organization.id, kind: 'token.deleted', actor: org.email, actorType: 'account' }),
    );
    const retention = startAuditRetention(server.storage, Date.now, DAY, () => {}, { everyMs: 20 });
    try {
      await expect.poll(async () => (await server.storage.listAuditEvents({ organizationId: org.organization.id, kind: 'token.deleted', limit: 10 })).length).toBe(0);
    } finally {
      retention.stop();
    }
  });
});

describe('--audit-retention', () => {
  it('takes hours, days or weeks', () => {
    expect(parseAuditRetention('90d')).toBe(90 * DAY);
    expect(parseAuditRetention('2w')).toBe(14 * DAY);
    expect(parseAuditRetention('36h')).toBe(1.5 * DAY);
    expect(command.parse({ flags: { auditRetention: '30d' } } as never)).toEqual({ auditRetentionMs: 30 * DAY });
  });

  it.each(['', '0d', '90', '1.5d', '3651d', '90 days', '-1d'])('refuses %j with one line', (text) => {
    expect(() => parseAuditRetention(text)).toThrow(UsageError);
    expect(() => parseAuditRetention(text)).toThrow(/^--audit-retention must be a whole number of hours, days or weeks/);
  });
});
