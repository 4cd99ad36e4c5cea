// Request bodies of docs/api.md, validated with zod. Every failure becomes one
// readable line per problem, naming the field by its wire path.
import { z } from 'zod';
import { parseTtl, passwordLengthProblem, validatePermissions } from '../tokens';
import { BIDI_CONTROL, CONTROL_CHARACTER, hasLoneSurrogate, LINE_SEPARATOR, looksBlank } from '../text/terminal-text';
import { EMAIL_MAX } from './rate-limit';

const NAME_MAX = 255;
/** The longest Go duration anyone means is far shorter: `1051199h59m59.999999999s` is 24. */
const TTL_MAX = 64;
/** Catalogue names are short, and a list longer than the catalogue can only be padding. */
const PERMISSION_NAME_MAX = 64;
const PERMISSIONS_MAX = 64;

// Names and descriptions are printed by terminals (ours and the official
// CLI's): an ESC or a C1 CSI in one can move the cursor, rewrite the
// clipboard (OSC 52) or clear the screen; see src/text/terminal-text.ts.
const CONTROL_CHARACTERS_PROBLEM = 'must not contain control characters (U+0000 to U+001F, U+007F to U+009F)';
const SEPARATOR_PROBLEM = 'must not contain line or paragraph separators (U+2028, U+2029)';
const BIDI_PROBLEM = 'must not contain bidirectional overrides (U+202A to U+202E, U+2066 to U+2069)';
const SURROGATE_PROBLEM = 'must not contain a lone UTF-16 surrogate (U+D800 to U+DFFF without its pair)';

const stringField = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });

/**
 * Text people read: a name or a description. One message per field, the
 * first problem found: `is required`, then length, then blankness, then
 * control characters. The issue has no `continue: true`, so zod skips the
 * checks chained after this one (the email pattern).
 */
function text(options: { required: boolean; max: number }) {
  return stringField().check((context) => {
    const value = context.value;
    const problem =
      options.required && value === ''
        ? 'is required'
        : value.length > options.max
          ? `must be at most ${options.max} characters`
          : options.required && looksBlank(value)
            ? 'must not be blank'
            : CONTROL_CHARACTER.test(value)
              ? CONTROL_CHARACTERS_PROBLEM
              : hasLoneSurrogate(value)
                ? SURROGATE_PROBLEM
                : LINE_SEPARATOR.test(value)
                  ? SEPARATOR_PROBLEM
                  : BIDI_CONTROL.test(value)
                    ? BIDI_PROBLEM
                    : undefined;
    if (problem !== undefined) context.issues.push({ code: 'custom', message: problem, input: value });
  });
}

const requiredName = () => text({ required: true, max: NAME_MAX });
const description = () => text({ required: false, max: NAME_MAX });
/**
 * A password arrives later in HTTP Basic, where a control character is
 * refused before anything is counted (auth.ts): one that contained one could
 * never sign in.
 */
const password = () =>
  stringField().check((context) => {
    const value = context.value;
    const problem =
      passwordLengthProblem(value) ??
      (CONTROL_CHARACTER.test(value) ? CONTROL_CHARACTERS_PROBLEM : hasLoneSurrogate(value) ? SURROGATE_PROBLEM : undefined);
    if (problem !== undefined) context.issues.push({ code: 'custom', message: problem, input: value });
  });

const object = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an object') });

export const registerRequest = object({
  organization: object({
    name: requiredName(),
    description: description().nullable().optional(),
  }),
  account: object({
    'first-name': requiredName(),
    'last-name': requiredName(),
    // Loose on purpose: real addresses are varied. A colon would break HTTP Basic auth.
    email: text({ required: true, max: EMAIL_MAX }).regex(/^[^\s@:]+@[^\s@:]+$/, 'must be an email address'),
    password: password(),
  }),
});
export type RegisterBody = z.infer<typeof registerRequest>;

export const changePasswordRequest = object({ 'new-password': password() });

/**
 * Go's time.ParseDuration syntax only: days and weeks are a client-side
 * convenience (docs/api.md), and refusing them here keeps this server an honest
 * stand-in for the official one. Errors name Go's units, not the CLI's.
 */
const ttl = stringField().transform((value, context) => {
  if (value.length > TTL_MAX) {
    context.addIssue({ code: 'custom', message: `must be at most ${TTL_MAX} characters` });
    return z.NEVER;
  }
  if (CONTROL_CHARACTER.test(value)) {
    context.addIssue({ code: 'custom', message: CONTROL_CHARACTERS_PROBLEM });
    return z.NEVER;
  }
  if (value !== value.trim()) {
    context.addIssue({ code: 'custom', message: `"${value}" has surrounding spaces` });
    return z.NEVER;
  }
  const parsed = parseTtl(value, { syntax: 'go' });
  if (!parsed.ok) {
    context.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return { text: value, ms: parsed.ms };
});

const permissions = object({
  actions: z
    .array(
      // Refused before validatePermissions, whose messages quote the name
      // and which trims (for people typing `a, b`): a client that sends
      // " *" has a bug worth hearing about, not a quiet fix.
      z
        .string({ error: 'must be a permission name' })
        .refine((name) => name.length <= PERMISSION_NAME_MAX && !CONTROL_CHARACTER.test(name), 'must be a permission name')
        .refine((name) => name === name.trim(), 'must not have surrounding spaces'),
      { error: 'must be a list of permission names' },
    )
    .max(PERMISSIONS_MAX, `must list at most ${PERMISSIONS_MAX} permissions`)
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
  description: description().nullable().optional(),
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

/** A Go duration field as `ttl` above is: for the extension bodies (routes/lifecycle.ts). */
export const goDurationField = ttl;
