// audit_events rows (both databases) to records, and the one SELECT both
// build from a query. Each placeholder takes its own value (SQLite's `?` are
// positional), and the database's style spells it: `?` or `$1`.
import type { AuditEvent, AuditQuery, StoredAuditEvent } from './events';

export interface AuditRow {
  id: number;
  at: number;
  organization_id: string;
  kind: string;
  actor: string;
  actor_type: string;
  token_id: string | null;
  token_name: string | null;
  replacement_token_id: string | null;
  grace_ends_at: number | null;
  detail: string | null;
  client_address: string | null;
  user_agent: string | null;
}

export const AUDIT_INSERT_COLUMNS =
  'at, organization_id, kind, actor, actor_type, token_id, token_name, replacement_token_id, grace_ends_at, detail, client_address, user_agent';

export function auditValues(event: AuditEvent): unknown[] {
  return [
    event.at,
    event.organizationId,
    event.kind,
    event.actor,
    event.actorType,
    event.tokenId,
    event.tokenName,
    event.replacementTokenId,
    event.graceEndsAt,
    event.detail,
    event.clientAddress,
    event.userAgent,
  ];
}

export function toAuditEvent(row: AuditRow): StoredAuditEvent {
  return {
    id: Number(row.id),
    at: Number(row.at),
    organizationId: row.organization_id,
    kind: row.kind as StoredAuditEvent['kind'],
    actor: row.actor,
    actorType: row.actor_type as StoredAuditEvent['actorType'],
    tokenId: row.token_id,
    tokenName: row.token_name,
    replacementTokenId: row.replacement_token_id,
    graceEndsAt: row.grace_ends_at === null ? null : Number(row.grace_ends_at),
    detail: row.detail,
    clientAddress: row.client_address,
    userAgent: row.user_agent,
  };
}

/**
 * Newest first, ties of `at` by insertion order: the SELECT for one page.
 * `placeholder(n)` spells the n-th parameter (1-based) in the database's style.
 */
export function auditSelect(query: AuditQuery, placeholder: (n: number) => string): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return placeholder(values.length);
  };
  // With a token, the organization is checked inside the token's lookups (below).
  const where = query.tokenId === undefined ? [`organization_id = ${param(query.organizationId)}`] : [];
  if (query.since !== undefined) where.push(`at >= ${param(query.since)}`);
  if (query.until !== undefined) where.push(`at < ${param(query.until)}`);
  if (query.kind !== undefined) where.push(`kind = ${param(query.kind)}`);
  if (query.tokenId !== undefined) {
    // Two index lookups of a token's few events, then those rows by ID. An OR,
    // or the organization checked out here too, lets SQLite walk the
    // organization's whole trail in `at` order instead (130-190 ms at
    // 100,000 events of one organization).
    const org = () => param(query.organizationId);
    const token = () => param(query.tokenId);
    where.push(
      `id IN (SELECT id FROM audit_events WHERE organization_id = ${org()} AND token_id = ${token()}` +
        ` UNION ALL SELECT id FROM audit_events WHERE organization_id = ${org()} AND replacement_token_id = ${token()})`,
    );
  }
  if (query.before !== undefined) {
    where.push(`(at < ${param(query.before.at)} OR (at = ${param(query.before.at)} AND id < ${param(query.before.id)}))`);
  }
  const sql = `SELECT * FROM audit_events WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ${param(query.limit)}`;
  return { sql, values };
}
