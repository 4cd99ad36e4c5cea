// `-o json`: what every command that calls the API prints, so that scripts
// written for the official Appclacks CLI keep working (`jq '.result[] | .id'`).
//
// The convention, for every command that calls the API (new ones included):
// - print the API's response object for the call, whole: `{"result": [...]}`
//   for a list, `{"messages": [...]}` for a delete or a password change,
//   `{"organization": ..., "account": ...}` for a registration; never a part
//   of it and never a reshaped one. The official CLI marshals the response
//   struct it decoded, so that is its output.
// - every key the official CLI prints is present, at the same place and in
//   its order, even when a server left it out (with the value Go's decoder
//   gives a missing field: `""`, or `null` for a pointer); keys a server adds
//   beyond the official API (ours adds some) follow, unchanged.
// - the secret `token` carries a value only in the answer to a call that
//   creates a token (create, rotate): everywhere else it is `""`, whatever a
//   server sent, because a secret is shown once.
// - a command that prints no API object (`login`) prints nothing on stdout.
// Our own commands (`profile ...`) print their own documented objects.
import type { Account, APIToken, Organization, RegisterResponse } from '../../api/schemas';
import { jsonTerminalSafe } from '../../text/terminal-text';

/**
 * A value as pretty JSON, two-space indented, one trailing newline. The data
 * is the server's, unchanged; the characters a terminal would act on are
 * written as \uXXXX escapes (see jsonTerminalSafe for why).
 */
export function renderJson(value: unknown): string {
  return `${jsonTerminalSafe(JSON.stringify(value, null, 2))}\n`;
}

type Json = Record<string, unknown>;

/** The official keys first, in order, absent ones at their zero value; then the rest as sent. */
function withOfficialKeys(value: Json, official: Json): Json {
  const shaped: Json = {};
  for (const [key, zero] of Object.entries(official)) shaped[key] = value[key] ?? zero;
  for (const [key, extra] of Object.entries(value)) if (!(key in shaped)) shaped[key] = extra;
  return shaped;
}

export function organizationJson(organization: Organization): Json {
  return withOfficialKeys(organization, { id: '', name: '', description: null, 'created-at': '' });
}

export function accountJson(account: Account): Json {
  return withOfficialKeys(account, { id: '', 'first-name': '', 'last-name': '', email: '', 'created-at': '' });
}

/** An APIToken; its secret only when `withSecret` (the answer to a create). */
export function tokenJson(token: APIToken, { withSecret }: { withSecret: boolean }): Json {
  const shaped = withOfficialKeys(token, {
    id: '',
    name: '',
    token: '',
    description: '',
    permissions: { actions: [] },
    'created-at': '',
    'expires-at': '',
    ttl: '',
  });
  if (!withSecret) shaped.token = '';
  return shaped;
}

/** `GET /api/v1/token`: the list object, never a bare array. */
export function tokenListJson(tokens: readonly APIToken[]): Json {
  return { result: tokens.map((token) => tokenJson(token, { withSecret: false })) };
}

/** `POST /register`. */
export function registerJson(created: RegisterResponse): Json {
  return withOfficialKeys(
    { ...created, organization: organizationJson(created.organization), account: accountJson(created.account) },
    { organization: {}, account: {} },
  );
}

/** Answers that only say something: delete, password change. */
export function messagesJson(messages: readonly string[]): Json {
  return { messages: [...messages] };
}
