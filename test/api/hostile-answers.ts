// A hostile (or compromised) Appclacks server: every string of every answer
// carries what a terminal would act on. Used by the CLI's and the UI's tests
// of what reaches the terminal (test/cli/hostile-server.test.ts,
// test/e2e/hostile-server.test.ts) through a scripted server's answerBy.
import type { RecordedRequest, Reply } from './scripted-server';

/** The payloads, each a real attack: clipboard write, retitle, clear, a query the terminal answers into stdin, C1, bidi. */
export const ATTACK = {
  clipboard: '\u001b]52;c;SE9TVElMRQ==\u0007',
  title: '\u001b]0;HOSTILE-TITLE\u0007',
  // In this order, unlike ink's own clear (ESC[2J ESC[3J ESC[H), so a leak is told from ink's frames.
  clear: '\u001b[1;1H\u001b[2J',
  query: '\u001b[6n',
  c1Csi: '\u009b2J',
  c1Title: '\u009d0;C1-TITLE\u009c',
  bidi: '\u202eevil\u202c\u2066x\u2069',
  separators: '\u2028\u2029',
  others: '\u0000\u0007\u0008\u007f\r\n',
} as const;

export const HOSTILE = Object.values(ATTACK).join('');

/** How the clipboard write reads once made safe (caret notation): proof the field was shown, not dropped. */
export const SHOWN_CLIPBOARD = '^[]52;c;SE9TVElMRQ==^G';

/**
 * Anything a terminal acts on, but the newline between lines: C0, DEL, C1,
 * bidirectional controls, line separators. Nothing of this may reach a
 * terminal from a server, whatever the output format.
 */
export const ACTED_ON = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

/** `label` + every payload: each field says which one it is. */
export const hostile = (label: string) => `${label}${HOSTILE}`;

const TIME = '2126-12-01T13:07:28Z';
const USED = '2026-11-30T08:00:00Z';
const PAST = '2020-01-01T00:00:00Z';

export const HOSTILE_ORGANIZATION = {
  id: hostile('org-id'),
  name: hostile('org-name'),
  description: hostile('org-description'),
  'created-at': TIME,
  extra: hostile('org-extra'),
};

export const HOSTILE_ACCOUNT = {
  id: hostile('account-id'),
  'first-name': hostile('first-name'),
  'last-name': hostile('last-name'),
  email: hostile('email'),
  'created-at': TIME,
};

export function hostileToken(label: string, expiresAt = TIME) {
  return {
    id: hostile(`${label}-id`),
    name: hostile(`${label}-name`),
    token: '',
    description: hostile(`${label}-description`),
    permissions: { actions: [hostile(`${label}-permission`), 'ListAPITokens'] },
    'created-at': '2026-11-28T13:07:28.845059Z',
    'expires-at': expiresAt,
    ttl: hostile(`${label}-ttl`),
    'last-used-at': USED,
    extra: hostile(`${label}-extra`),
  };
}

export const HOSTILE_LIST = { result: [hostileToken('live'), hostileToken('expired', PAST)] };
export const HOSTILE_CREATED = { ...hostileToken('created'), token: hostile('secret') };
export const HOSTILE_ROTATED = { ...HOSTILE_CREATED, previous: { id: hostile('previous-id'), 'expires-at': TIME } };
export const HOSTILE_MESSAGES = { messages: [hostile('message-1'), hostile('message-2')] };

/** Every route of the API, answered with hostile objects. */
export function hostileApi(request: RecordedRequest): Reply | undefined {
  const path = request.path.split('?')[0]!;
  if (request.method === 'GET' && path === '/api/v1/token/current') return { json: hostileToken('current') };
  const route = `${request.method} ${path.replace(/^\/(api|app)\/v1\/token\/[^/]+(?=\/rotate$|$)/, '/$1/v1/token/ID')}`;
  switch (route) {
    case 'GET /api/v1/token':
      return { json: HOSTILE_LIST };
    case 'GET /api/v1/token/ID':
      return { json: hostileToken('current') };
    case 'DELETE /api/v1/token/ID':
    case 'POST /app/v1/password/change':
      return { json: HOSTILE_MESSAGES };
    case 'POST /app/v1/token':
      return { json: HOSTILE_CREATED };
    case 'POST /app/v1/token/ID/rotate':
      return { json: HOSTILE_ROTATED };
    case 'GET /app/v1/organization':
    case 'GET /api/v1/organization':
      return { json: HOSTILE_ORGANIZATION };
    case 'POST /register':
      return { json: { organization: HOSTILE_ORGANIZATION, account: HOSTILE_ACCOUNT } };
    default:
      return undefined;
  }
}

/** Every route refusing, with hostile messages (and a hostile permission name in the 403). */
export function hostileErrors(status: number): (request: RecordedRequest) => Reply {
  return () => ({
    status,
    ...(status === 429 && { headers: { 'retry-after': '7' } }),
    json: { messages: [status === 403 ? `missing permission ${hostile('Permission')}` : hostile(`error-${status}`)] },
  });
}
