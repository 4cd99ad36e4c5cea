// An audit event as GET /api/v1/audit answers it (kebab-case, RFC 3339 UTC
// times, as every object of docs/api.md); and the page cursor, opaque to
// clients: the position of the page's last event.
import { apiTimeOf } from '../wire';
import type { StoredAuditEvent } from './events';

export interface AuditEventWire {
  id: string;
  time: string;
  kind: string;
  actor: string;
  'actor-type': string;
  'token-id': string | null;
  'token-name': string | null;
  'replacement-token-id': string | null;
  'grace-ends-at': string | null;
  detail: string | null;
  'client-address': string | null;
  'user-agent': string | null;
}

export function auditEventToWire(event: StoredAuditEvent): AuditEventWire {
  return {
    id: String(event.id),
    time: apiTimeOf(event.at),
    kind: event.kind,
    actor: event.actor,
    'actor-type': event.actorType,
    'token-id': event.tokenId,
    'token-name': event.tokenName,
    'replacement-token-id': event.replacementTokenId,
    'grace-ends-at': event.graceEndsAt === null ? null : apiTimeOf(event.graceEndsAt),
    detail: event.detail,
    'client-address': event.clientAddress,
    'user-agent': event.userAgent,
  };
}

export function cursorOf(event: StoredAuditEvent): string {
  return `${event.at}.${event.id}`;
}

/** Undefined when the text is not a cursor this server made. */
export function parseCursor(text: string): { at: number; id: number } | undefined {
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(text);
  if (!match) return undefined;
  return { at: Number(match[1]), id: Number(match[2]) };
}
