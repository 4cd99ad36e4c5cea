// The audit trail (an extension, README "Audit trail"): what happened to the
// accounts and tokens of an organization, who did it and from where. Events
// are written in the same transaction as the change they describe, so the
// trail never shows a change that did not happen nor misses one that did.
// Never a secret: no token, password or hash is ever part of an event.
import { terminalSafe } from '../../text/terminal-text';

export const AUDIT_KINDS = [
  'account.registered',
  'account.password-changed',
  'sign-in.failed',
  'sign-in.locked',
  'token.created',
  'token.rotated',
  'token.deleted',
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

export function isAuditKind(text: string): text is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(text);
}

/**
 * The permission GET /api/v1/audit needs. Not in the official catalogue
 * (src/tokens/permissions.ts), so no token can be created with it: only `*`
 * tokens hold it, and the official CLI never sees the name.
 */
export const AUDIT_PERMISSION = 'ReadAuditTrail';

/** Who acted: an account (by email, for /register and /app/v1) or a token (by ID, for /api/v1). */
export type ActorType = 'account' | 'token';

export interface AuditEvent {
  at: number;
  organizationId: string;
  kind: AuditKind;
  actor: string;
  actorType: ActorType;
  /** The token the event is about (the old one for a rotation). */
  tokenId: string | null;
  tokenName: string | null;
  /** A rotation's new token. */
  replacementTokenId: string | null;
  /** A rotation with a grace period: when the old token stops working. */
  graceEndsAt: number | null;
  /** What a sign-in lock is on: `email`, `email+address` or `address`. */
  detail: string | null;
  clientAddress: string | null;
  userAgent: string | null;
}

export interface StoredAuditEvent extends AuditEvent {
  /** Increasing in insertion order on one database; breaks ties of `at`. */
  id: number;
}

/** Where a request came from, as the audit trail records it. */
export interface AuditOrigin {
  /** After --trust-proxy: fastify's request.ip. */
  clientAddress: string;
  userAgent: string | null;
}

/** Longer user agents are cut: they are for a person to read, and an attacker chooses them. */
export const USER_AGENT_MAX = 200;

/**
 * Control characters in caret notation and bidirectional overrides replaced
 * (the value reaches terminals of whoever reads the trail), then cut.
 */
export function sanitiseUserAgent(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header.join(', ') : header;
  if (value === undefined || value === '') return null;
  const safe = [...terminalSafe(value)];
  return safe.length > USER_AGENT_MAX ? `${safe.slice(0, USER_AGENT_MAX - 1).join('')}…` : safe.join('');
}

export interface AuditQuery {
  organizationId: string;
  /** Inclusive, ms. */
  since?: number;
  /** Exclusive, ms. */
  until?: number;
  kind?: AuditKind;
  /** Events about this token, as subject or as a rotation's replacement. */
  tokenId?: string;
  limit: number;
  /** Only events strictly older than this position (the previous page's last). */
  before?: { at: number; id: number };
}

/** The fields every event starts from; the route fills in the rest. */
export type AuditFields = Partial<Omit<AuditEvent, 'at' | 'organizationId' | 'kind' | 'actor' | 'actorType'>> &
  Pick<AuditEvent, 'organizationId' | 'kind' | 'actor' | 'actorType'>;

export function auditEvent(at: number, origin: AuditOrigin, fields: AuditFields): AuditEvent {
  return {
    at,
    tokenId: null,
    tokenName: null,
    replacementTokenId: null,
    graceEndsAt: null,
    detail: null,
    clientAddress: origin.clientAddress,
    userAgent: origin.userAgent,
    ...fields,
  };
}
