// zod schemas for every object of docs/api.md. Objects keep their wire names
// (kebab-case) so `-o json` prints exactly what the API sent; unknown fields
// pass through untouched. Written with zod's `zod/mini` entry and named
// imports: the same validation, but only the functions used are bundled
// (about 25 KB instead of zod's 450 KB), which is compile time on every CLI
// start. The English messages come from ./zod-messages, as `zod` sets them.
import { array, extend, looseObject, minLength, nullable, optional, regex, string, type infer as Infer } from 'zod/mini';
import './zod-messages';

/** RFC 3339 in UTC, with or without fractional seconds (up to nanoseconds). */
export const apiTime = string().check(
  regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/, 'expected an RFC 3339 time'),
);

export const organizationSchema = looseObject({
  id: string(),
  name: string(),
  description: optional(nullable(string())),
  'created-at': apiTime,
});
export type Organization = Infer<typeof organizationSchema>;

export const accountSchema = looseObject({
  id: string(),
  'first-name': string(),
  'last-name': string(),
  email: string(),
  'created-at': apiTime,
});
export type Account = Infer<typeof accountSchema>;

export const permissionsSchema = looseObject({
  actions: array(string()),
});

export const apiTokenSchema = looseObject({
  id: string(),
  name: string(),
  /** The secret: only in the answer to a create; absent or empty elsewhere. */
  token: optional(string()),
  description: optional(nullable(string())),
  permissions: permissionsSchema,
  'created-at': apiTime,
  'expires-at': apiTime,
  ttl: string(),
  /**
   * An extension of this project's server (README, API "Extensions"): the
   * last successful authentication, null when never. Official servers leave
   * it out, so absent means "unknown", not "never".
   */
  'last-used-at': optional(nullable(apiTime)),
  /** The same extension: the client address of that use (as the server saw it, after its proxies); null when never. */
  'last-used-from': optional(nullable(string())),
});
export type APIToken = Infer<typeof apiTokenSchema>;

/** The answer to a rotation (extension): the new token with its secret, and what became of the old one. */
export const rotatedTokenSchema = extend(apiTokenSchema, {
  token: string().check(minLength(1)),
  previous: looseObject({
    id: string(),
    /** null: deleted at once; otherwise valid until the grace period ends. */
    'expires-at': nullable(apiTime),
  }),
});
export type RotatedToken = Infer<typeof rotatedTokenSchema>;

export const tokenListSchema = looseObject({ result: nullable(array(apiTokenSchema)) });

/** One event of the audit trail (an extension of this project's server, GET /api/v1/audit). */
export const auditEventSchema = looseObject({
  id: string(),
  time: apiTime,
  kind: string(),
  actor: string(),
  'actor-type': string(),
  'token-id': nullable(string()),
  'token-name': nullable(string()),
  'replacement-token-id': optional(nullable(string())),
  'grace-ends-at': optional(nullable(apiTime)),
  detail: optional(nullable(string())),
  'client-address': nullable(string()),
  'user-agent': nullable(string()),
});
export type AuditEvent = Infer<typeof auditEventSchema>;

/** A page, newest first; `next` is the cursor of the following page, null on the last. */
export const auditPageSchema = looseObject({ result: array(auditEventSchema), next: nullable(string()) });
export type AuditPage = Infer<typeof auditPageSchema>;

/** The filters of GET /api/v1/audit; times in ms. */
export interface AuditPageRequest {
  since?: number;
  until?: number;
  kind?: string;
  token?: string;
  limit?: number;
  cursor?: string;
}

export const registerResponseSchema = looseObject({
  organization: organizationSchema,
  account: accountSchema,
});
export type RegisterResponse = Infer<typeof registerResponseSchema>;

export const messagesSchema = looseObject({ messages: array(string()) });

// Requests: what the client sends and the server accepts.

export interface RegisterRequest {
  organization: { name: string; description?: string };
  account: { 'first-name': string; 'last-name': string; email: string; password: string };
}

/** Body of POST /app/v1/token/{id}/rotate (extension); both optional, Go duration syntax. */
export interface RotateTokenRequest {
  ttl?: string;
  grace?: string;
}

export interface CreateTokenRequest {
  name: string;
  description?: string;
  /** Go duration syntax, already validated by src/tokens parseTtl. */
  ttl: string;
  permissions: { actions: string[] };
}
