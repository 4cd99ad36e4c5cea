// Request bodies of API.md, validated with zod. Every failure becomes one
// readable line per problem, naming the field by its wire path.
import { z } from 'zod';
import { parseTtl, validatePermissions } from '../tokens';

const NAME_MAX = 255;

function text(options: { min?: number; max: number }) {
  let schema = z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
  if (options.min !== undefined) {
    schema = schema.min(options.min, options.min === 1 ? 'is required' : `must be at least ${options.min} characters`);
  }
  return schema.max(options.max, `must be at most ${options.max} characters`);
}

const requiredName = () => text({ min: 1, max: NAME_MAX });
const password = () => text({ min: 10, max: 255 });

const object = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an object') });

export const registerRequest = object({
  organization: object({
    name: requiredName(),
    description: text({ max: NAME_MAX }).nullable().optional(),
  }),
  account: object({
    'first-name': requiredName(),
    'last-name': requiredName(),
    // Loose on purpose: real addresses are varied. A colon would break HTTP Basic auth.
    email: requiredName().regex(/^[^\s@:]+@[^\s@:]+$/, 'must be an email address'),
    password: password(),
  }),
});
export type RegisterBody = z.infer<typeof registerRequest>;

export const changePasswordRequest = object({ 'new-password': password() });

/**
 * Go's time.ParseDuration syntax only: days and weeks are a client-side
 * convenience (API.md), and refusing them here keeps this server an honest
 * stand-in for the official one.
 */
const ttl = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .transform((value, context) => {
    if (/[dw]/.test(value)) {
      context.addIssue({ code: 'custom', message: `"${value}" uses days or weeks, which Go duration syntax lacks: send hours, e.g. 168h` });
      return z.NEVER;
    }
    if (value !== value.trim()) {
      context.addIssue({ code: 'custom', message: `"${value}" has surrounding spaces` });
      return z.NEVER;
    }
    const parsed = parseTtl(value);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return { text: value, ms: parsed.ms };
  });

const permissions = object({
  actions: z
    .array(z.string({ error: 'must be a permission name' }), { error: 'must be a list of permission names' })
    .transform((actions, context) => {
      const checked = validatePermissions(actions);
      if (!checked.ok) {
        context.addIssue({ code: 'custom', message: checked.error });
        return z.NEVER;
      }
      return checked.value;
    }),
});

export const createTokenRequest = object({
  name: requiredName(),
  description: text({ max: NAME_MAX }).nullable().optional(),
  ttl,
  permissions,
});
export type CreateTokenBody = z.infer<typeof createTokenRequest>;

/** One message per problem, e.g. `account.password: must be at least 10 characters`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? `request body ${issue.message}` : `${path}: ${issue.message}`;
  });
}
