// zod schemas for every object of docs/api.md. Objects keep their wire names
// (kebab-case) so `-o json` prints exactly what the API sent; unknown fields
// pass through untouched.
import { z } from 'zod';

/** RFC 3339 in UTC, with or without fractional seconds (up to nanoseconds). */
export const apiTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/, 'expected an RFC 3339 time');

export const organizationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  'created-at': apiTime,
});
export type Organization = z.infer<typeof organizationSchema>;

export const accountSchema = z.looseObject({
  id: z.string(),
  'first-name': z.string(),
  'last-name': z.string(),
  email: z.string(),
  'created-at': apiTime,
});
export type Account = z.infer<typeof accountSchema>;

export const permissionsSchema = z.looseObject({
  actions: z.array(z.string()),
});

export const apiTokenSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  /** The secret: only in the answer to a create; absent or empty elsewhere. */
  token: z.string().optional(),
  description: z.string().nullable().optional(),
  permissions: permissionsSchema,
  'created-at': apiTime,
  'expires-at': apiTime,
  ttl: z.string(),
  /**
   * An extension of this project's server (README, API "Extensions"): the
   * last successful authentication, null when never. Official servers leave
   * it out, so absent means "unknown", not "never".
   */
  'last-used-at': apiTime.nullable().optional(),
});
export type APIToken = z.infer<typeof apiTokenSchema>;

/** The answer to a rotation (extension): the new token with its secret, and what became of the old one. */
export const rotatedTokenSchema = apiTokenSchema.extend({
  token: z.string().min(1),
  previous: z.looseObject({
    id: z.string(),
    /** null: deleted at once; otherwise valid until the grace period ends. */
    'expires-at': apiTime.nullable(),
  }),
});
export type RotatedToken = z.infer<typeof rotatedTokenSchema>;

export const tokenListSchema = z.looseObject({ result: z.array(apiTokenSchema).nullable() });

export const registerResponseSchema = z.looseObject({
  organization: organizationSchema,
  account: accountSchema,
});
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

export const messagesSchema = z.looseObject({ messages: z.array(z.string()) });

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
