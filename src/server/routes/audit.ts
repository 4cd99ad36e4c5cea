// GET /api/v1/audit (an extension, registered only with extensions on): one
// page of the organization's audit trail, newest first.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AUDIT_KINDS, AUDIT_PERMISSION, isAuditKind, type AuditQuery } from '../audit/events';
import { auditEventToWire, cursorOf, parseCursor } from '../audit/wire';
import { HttpError } from '../http-error';
import type { RouteContext } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 1000;

type AuditQueryString = { Querystring: Record<string, string | string[] | undefined> };

export function auditRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get<AuditQueryString>('/api/v1/audit', async (request) => {
    const token = await context.tokens.authenticate(request.headers.authorization, AUDIT_PERMISSION, request.ip);
    const query = parseAuditQuery(request, token.organizationId);
    // One more than asked: whether there is a next page, without a count.
    const events = await context.storage.listAuditEvents({ ...query, limit: query.limit + 1 });
    const page = events.slice(0, query.limit);
    const last = page.at(-1);
    return { result: page.map(auditEventToWire), next: events.length > query.limit && last ? cursorOf(last) : null };
  });
}

function parseAuditQuery(request: FastifyRequest<AuditQueryString>, organizationId: string): AuditQuery {
  const problems: string[] = [];
  const one = (name: string): string | undefined => {
    const value = request.query[name];
    if (Array.isArray(value)) {
      problems.push(`${name}: give it once`);
      return undefined;
    }
    return value === '' ? undefined : value;
  };
  const time = (name: string): number | undefined => {
    const text = one(name);
    if (text === undefined) return undefined;
    const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(ms)) problems.push(`${name}: must be an RFC 3339 time, e.g. 2026-01-31T12:00:00Z`);
    return Number.isNaN(ms) ? undefined : ms;
  };
  const query: AuditQuery = { organizationId, limit: AUDIT_PAGE_DEFAULT };
  const since = time('since');
  const until = time('until');
  if (since !== undefined) query.since = since;
  if (until !== undefined) query.until = until;
  const kind = one('kind');
  if (kind !== undefined) {
    if (isAuditKind(kind)) query.kind = kind;
    else problems.push(`kind: must be one of ${AUDIT_KINDS.join(', ')}`);
  }
  const tokenId = one('token');
  if (tokenId !== undefined) {
    if (UUID.test(tokenId)) query.tokenId = tokenId.toLowerCase();
    else problems.push('token: must be a token ID (a UUID)');
  }
  const limit = one('limit');
  if (limit !== undefined) {
    const n = /^\d{1,7}$/.test(limit) ? Number(limit) : Number.NaN;
    if (n >= 1 && n <= AUDIT_PAGE_MAX) query.limit = n;
    else problems.push(`limit: must be a whole number from 1 to ${AUDIT_PAGE_MAX}`);
  }
  const cursor = one('cursor');
  if (cursor !== undefined) {
    const before = parseCursor(cursor);
    if (before) query.before = before;
    else problems.push('cursor: not a cursor this server gave (use the "next" of the previous page)');
  }
  if (problems.length > 0) throw new HttpError(400, problems);
  return query;
}
