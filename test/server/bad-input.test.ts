// Bad requests: each is a 4xx in the messages shape, never a 5xx, and leaves
// the database as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';
import { send, tokenAuth, type SendOptions } from './http';

let server: TestServer;
let registered: RegisteredAccount;
beforeAll(async () => {
  // Many bad password-auth requests are not the point here: no lock-outs.
  const lenient = { maxAttempts: 1_000, windowMs: 60_000, lockMs: 60_000 };
  server = await startTestServer({ rateLimits: { perEmailAndAddress: lenient, perEmail: lenient, perAddress: lenient } });
  registered = await registerAccount(server.url);
});
afterAll(() => server.close());

const long = (n: number) => 'x'.repeat(n);
const validRegistration = () => ({
  organization: { name: 'acme' },
  account: { 'first-name': 'Ada', 'last-name': 'Lovelace', email: `bad-${Math.random()}@example.com`, password: 'long enough password' },
});
const withOrganization = (organization: unknown) => ({ ...validRegistration(), organization });
const withAccount = (fields: Record<string, unknown>) => {
  const body = validRegistration();
  return { ...body, account: { ...body.account, ...fields } };
};
const validToken = () => ({ name: 'ci', description: '', ttl: '72h', permissions: { actions: ['*'] } });
const tokenWith = (fields: Record<string, unknown>) => ({ ...validToken(), ...fields });
const oversized = JSON.stringify({ ...validToken(), description: long(70 * 1024) });

interface BadCase {
  name: string;
  body?: unknown;
  contentType?: string;
  status: number;
  message?: RegExp;
}

const CONTROL = /: must not contain control characters \(U\+0000 to U\+001F, U\+007F to U\+009F\)$/;

const registerCases: BadCase[] = [
  { name: 'malformed JSON', body: '{"organization": {', status: 400, message: /not valid JSON/ },
  { name: 'an empty body', body: '', status: 400 },
  { name: 'no body at all', status: 400 },
  { name: 'a JSON array', body: [], status: 400 },
  { name: 'JSON null', body: 'null', status: 400 },
  { name: 'a JSON string', body: '"hello"', status: 400 },
  { name: 'text/plain', body: JSON.stringify(validRegistration()), contentType: 'text/plain', status: 415 },
  { name: 'a missing organization', body: { account: validRegistration().account }, status: 400, message: /^organization: is required$/ },
  { name: 'a missing account', body: { organization: { name: 'acme' } }, status: 400, message: /^account: is required$/ },
  { name: 'a missing email', body: withAccount({ email: undefined }), status: 400, message: /account\.email: is required/ },
  { name: 'a missing password', body: withAccount({ password: undefined }), status: 400, message: /account\.password: is required/ },
  { name: 'an empty organization name', body: withOrganization({ name: '' }), status: 400, message: /organization\.name: is required/ },
  { name: 'a numeric organization name', body: withOrganization({ name: 42 }), status: 400, message: /must be a string/ },
  { name: 'an organization that is a string', body: withOrganization('acme'), status: 400, message: /must be an object/ },
  { name: 'a 256-character organization name', body: withOrganization({ name: long(256) }), status: 400, message: /at most 255/ },
  { name: 'a 256-character description', body: withOrganization({ name: 'a', description: long(256) }), status: 400, message: /at most 255/ },
  { name: 'a 256-character first name', body: withAccount({ 'first-name': long(256) }), status: 400, message: /first-name: must be at most 255/ },
  { name: 'a 256-character last name', body: withAccount({ 'last-name': long(256) }), status: 400, message: /last-name: must be at most 255/ },
  { name: 'a 9-character password', body: withAccount({ password: long(9) }), status: 400, message: /at least 10/ },
  { name: 'a 256-character password', body: withAccount({ password: long(256) }), status: 400, message: /at most 255/ },
  // Characters are code points, as the CLI counts them: 9 emoji are 18 UTF-16 units and still too short.
  { name: 'a 9-emoji password', body: withAccount({ password: '🔑'.repeat(9) }), status: 400, message: /at least 10/ },
  { name: 'a numeric password', body: withAccount({ password: 1234567890123 }), status: 400, message: /must be a string/ },
  { name: 'an email without @', body: withAccount({ email: 'ada.example.com' }), status: 400, message: /email address/ },
  { name: 'an email with a colon', body: withAccount({ email: 'a:b@example.com' }), status: 400, message: /email address/ },
  { name: 'a blank organization name', body: withOrganization({ name: '   ' }), status: 400, message: /^organization\.name: must not be blank$/ },
  { name: 'a blank first name', body: withAccount({ 'first-name': ' \u00a0 ' }), status: 400, message: /^account\.first-name: must not be blank$/ },
  { name: 'a tab for a last name', body: withAccount({ 'last-name': '\t' }), status: 400, message: /^account\.last-name: must not be blank$/ },
  { name: 'an ESC in the organization name', body: withOrganization({ name: 'acme\u001b]52;c;ZXZpbA==\u0007' }), status: 400, message: CONTROL },
  { name: 'a C1 CSI in the organization description', body: withOrganization({ name: 'acme', description: 'x\u009b2J' }), status: 400, message: CONTROL },
  { name: 'a NUL in the first name', body: withAccount({ 'first-name': 'Ada\u0000' }), status: 400, message: CONTROL },
  { name: 'a DEL in the last name', body: withAccount({ 'last-name': 'Love\u007flace' }), status: 400, message: CONTROL },
  { name: 'an ESC in the email', body: withAccount({ email: 'ada\u001b[2J@example.com' }), status: 400, message: CONTROL },
  { name: 'a 255-character email', body: withAccount({ email: `${long(243)}@example.com` }), status: 400, message: /^account\.email: must be at most 254/ },
  { name: 'a zero-width-only first name', body: withAccount({ 'first-name': '\u200b\u200c\ufeff' }), status: 400, message: /^account\.first-name: must not be blank$/ },
  { name: 'a line separator in the organization name', body: withOrganization({ name: 'acme\u2028corp' }), status: 400, message: /^organization\.name: must not contain line or paragraph separators/ },
  { name: 'a NUL in the password', body: withAccount({ password: 'long enough\u0000password' }), status: 400, message: /^account\.password: must not contain control characters/ },
  { name: 'a tab in the password', body: withAccount({ password: 'long enough\tpassword' }), status: 400, message: /^account\.password: must not contain control characters/ },
  { name: 'a lone surrogate in the password', body: '{"organization":{"name":"acme"},"account":{"first-name":"Ada","last-name":"L","email":"s@x.org","password":"long enough \\udc00"}}', status: 400, message: /^account\.password: must not contain a lone UTF-16 surrogate/ },
  { name: 'a lone surrogate in the organization name', body: '{"organization":{"name":"acme \\ud800"},"account":{"first-name":"Ada","last-name":"L","email":"s@x.org","password":"long enough password"}}', status: 400, message: /^organization\.name: must not contain a lone UTF-16 surrogate/ },
  { name: 'a lone surrogate in the email', body: '{"organization":{"name":"acme"},"account":{"first-name":"Ada","last-name":"L","email":"\\udbff@x.org","password":"long enough password"}}', status: 400, message: /^account\.email: must not contain a lone UTF-16 surrogate/ },
  // Each of these draws nothing: a name made of them looks empty in every list.
  ...['\u3164', '\u2800', '\u115f', '\u17b5', '\u034f', '\u{e0020}', '\u3164 \u2800\u{e0020}'].map((name) => ({
    name: `a first name of only U+${name.codePointAt(0)!.toString(16).toUpperCase()}${name.length > 2 ? ' and others' : ''}`,
    body: withAccount({ 'first-name': name }),
    status: 400,
    message: /^account\.first-name: must not be blank$/,
  })),
  { name: 'a body over 64 KiB', body: JSON.stringify({ ...validRegistration(), pad: long(70 * 1024) }), status: 413, message: /larger than 65536/ },
];

const tokenCases: BadCase[] = [
  { name: 'malformed JSON', body: '{"name": "ci", ', status: 400, message: /not valid JSON/ },
  { name: 'trailing garbage after JSON', body: '{"name": "ci"} x', status: 400 },
  { name: 'a missing name', body: tokenWith({ name: undefined }), status: 400, message: /^name: is required$/ },
  { name: 'a numeric name', body: tokenWith({ name: 7 }), status: 400, message: /^name: must be a string$/ },
  { name: 'a 256-character name', body: tokenWith({ name: long(256) }), status: 400, message: /^name: must be at most 255/ },
  { name: 'a 256-character description', body: tokenWith({ description: long(256) }), status: 400, message: /^description: must be at most 255/ },
  { name: 'a blank name', body: tokenWith({ name: '   ' }), status: 400, message: /^name: must not be blank$/ },
  { name: 'a 256-space name', body: tokenWith({ name: ' '.repeat(256) }), status: 400, message: /^name: must be at most 255/ },
  { name: 'a newline for a name', body: tokenWith({ name: '\n' }), status: 400, message: /^name: must not be blank$/ },
  { name: 'an ESC in the name', body: tokenWith({ name: 'ci\u001b[2J' }), status: 400, message: /^name: must not contain control/ },
  { name: 'an OSC 52 in the description', body: tokenWith({ description: '\u001b]52;c;ZXZpbA==\u0007' }), status: 400, message: /^description: must not contain control/ },
  { name: 'a C1 control in the name', body: tokenWith({ name: 'ci\u0085' }), status: 400, message: CONTROL },
  { name: 'a DEL in the description', body: tokenWith({ description: 'x\u007f' }), status: 400, message: CONTROL },
  { name: 'a newline in the description', body: tokenWith({ description: 'line one\nline two' }), status: 400, message: CONTROL },
  { name: 'a right-to-left override in the name', body: tokenWith({ name: 'invoice\u202egnp.exe' }), status: 400, message: /^name: must not contain bidirectional overrides/ },
  { name: 'a directional isolate in the description', body: tokenWith({ description: 'a\u2066b\u2069' }), status: 400, message: /^description: must not contain bidirectional overrides/ },
  { name: 'an ESC in the TTL', body: tokenWith({ ttl: '1\u001b[2Jh' }), status: 400, message: /^ttl: must not contain control/ },
  { name: 'an ESC in a permission', body: tokenWith({ permissions: { actions: ['List\u001b[2J'] } }), status: 400, message: /^permissions\.actions\.0: must be a permission name$/ },
  { name: 'a 60,003-character TTL', body: tokenWith({ ttl: `${'0'.repeat(60_000)}72h` }), status: 400, message: /^ttl: must be at most 64 characters$/ },
  { name: 'a permission with a leading space', body: tokenWith({ permissions: { actions: [' *'] } }), status: 400, message: /^permissions\.actions\.0: must not have surrounding spaces$/ },
  { name: 'a 65-character permission name', body: tokenWith({ permissions: { actions: [long(65)] } }), status: 400, message: /^permissions\.actions\.0: must be a permission name$/ },
  { name: 'a list of 65 permissions', body: tokenWith({ permissions: { actions: Array(65).fill('ListAPITokens') } }), status: 400, message: /^permissions\.actions: must list at most 64 permissions$/ },
  { name: 'a zero-width-only name', body: tokenWith({ name: '\u200b\u2060' }), status: 400, message: /^name: must not be blank$/ },
  { name: 'a paragraph separator in the description', body: tokenWith({ description: 'one\u2029two' }), status: 400, message: /^description: must not contain line or paragraph separators/ },
  { name: 'a Hangul-filler name', body: tokenWith({ name: '\u3164\u3164' }), status: 400, message: /^name: must not be blank$/ },
  { name: 'a blank-Braille name', body: tokenWith({ name: '\u2800' }), status: 400, message: /^name: must not be blank$/ },
  { name: 'a tag-character name', body: tokenWith({ name: '\u{e0020}\u{e0041}' }), status: 400, message: /^name: must not be blank$/ },
  { name: 'a lone surrogate in the description', body: '{"name":"ci","description":"x\\ud83d","ttl":"72h","permissions":{"actions":["*"]}}', status: 400, message: /^description: must not contain a lone UTF-16 surrogate/ },
  { name: 'a missing TTL', body: tokenWith({ ttl: undefined }), status: 400, message: /^ttl: is required$/ },
  { name: 'a numeric TTL', body: tokenWith({ ttl: 72 }), status: 400, message: /^ttl: must be a string$/ },
  { name: 'an empty TTL', body: tokenWith({ ttl: '' }), status: 400, message: /^ttl: / },
  { name: 'a TTL without a unit', body: tokenWith({ ttl: '72' }), status: 400, message: /^ttl: / },
  { name: 'a TTL that is words', body: tokenWith({ ttl: 'forever' }), status: 400, message: /^ttl: / },
  { name: 'a TTL with an unknown unit', body: tokenWith({ ttl: '3y' }), status: 400, message: /unknown unit/ },
  { name: 'a zero TTL', body: tokenWith({ ttl: '0s' }), status: 400, message: /^ttl: "0s" must be positive: e\.g\. 72h, 30m, 1h30m, 90s, 500ms$/ },
  { name: 'a TTL under a nanosecond', body: tokenWith({ ttl: '0.4ns' }), status: 400, message: /^ttl: "0\.4ns" must be positive, and Go truncates it to 0ns/ },
  { name: 'a TTL of 0.1ns', body: tokenWith({ ttl: '0.0000000001ns' }), status: 400, message: /positive/ },
  { name: 'a TTL in hours that truncates to 0', body: tokenWith({ ttl: '0.0000000000001h' }), status: 400, message: /positive/ },
  { name: 'a TTL with an upper-case unit', body: tokenWith({ ttl: '72H' }), status: 400, message: /^ttl: "72H" has an unknown unit "H" \(Go duration units: ns, us, µs, ms, s, m, h\): e\.g\. 72h/ },
  { name: 'a TTL past 1051200h by a nanosecond', body: tokenWith({ ttl: '1051200h1ns' }), status: 400, message: /maximum/ },
  { name: 'a TTL past Go\'s int64', body: tokenWith({ ttl: '2562048h' }), status: 400, message: /maximum/ },
  { name: 'a bare zero TTL', body: tokenWith({ ttl: '0' }), status: 400, message: /positive/ },
  { name: 'a negative TTL', body: tokenWith({ ttl: '-1h' }), status: 400, message: /positive/ },
  { name: 'a TTL in days', body: tokenWith({ ttl: '7d' }), status: 400, message: /^ttl: "7d" uses days or weeks, which Go duration syntax lacks: send hours, e\.g\. 168h$/ },
  { name: 'a fractional TTL in days', body: tokenWith({ ttl: '0.7d' }), status: 400, message: /send hours, e\.g\. 16h48m$/ },
  { name: 'a TTL in weeks', body: tokenWith({ ttl: '2w' }), status: 400, message: /days or weeks/ },
  { name: 'a TTL with spaces', body: tokenWith({ ttl: ' 72h' }), status: 400, message: /spaces/ },
  { name: 'a TTL over 120 years', body: tokenWith({ ttl: '1051201h' }), status: 400, message: /maximum/ },
  { name: 'missing permissions', body: tokenWith({ permissions: undefined }), status: 400, message: /^permissions: is required$/ },
  { name: 'permissions as a list', body: tokenWith({ permissions: ['*'] }), status: 400, message: /^permissions: must be an object$/ },
  { name: 'actions as a string', body: tokenWith({ permissions: { actions: '*' } }), status: 400, message: /permissions\.actions/ },
  { name: 'a numeric action', body: tokenWith({ permissions: { actions: [42] } }), status: 400, message: /permissions\.actions\.0/ },
  { name: 'no actions', body: tokenWith({ permissions: { actions: [] } }), status: 400, message: /no permission/ },
  { name: 'an unknown permission', body: tokenWith({ permissions: { actions: ['ReadEverything'] } }), status: 400, message: /unknown permission "ReadEverything"/ },
  { name: 'a permission in the wrong case', body: tokenWith({ permissions: { actions: ['listapitokens'] } }), status: 400, message: /did you mean "ListAPITokens"/ },
  { name: 'a body over 64 KiB', body: oversized, status: 413 },
];

async function expectRefusedWithoutChange(path: string, testCase: BadCase, auth?: SendOptions['auth']) {
  const before = await server.storage.counts();
  const options: SendOptions = { ...(auth && { auth }) };
  if (testCase.body !== undefined) options.body = testCase.body;
  if (testCase.contentType !== undefined) options.contentType = testCase.contentType;
  else if (testCase.body === '') options.contentType = 'application/json';
  const response = await send(server.url, 'POST', path, options);
  expect(response.status).toBe(testCase.status);
  // One message per problem, and each case has one problem.
  expect(response.json?.messages).toHaveLength(1);
  if (testCase.message) expect(response.json.messages.join('\n')).toMatch(testCase.message);
  expect(await server.storage.counts()).toEqual(before);
}

describe('POST /register refuses', () => {
  it.each(registerCases)('$name with $status', (testCase) => expectRefusedWithoutChange('/register', testCase));
});

describe('POST /app/v1/token refuses', () => {
  it.each(tokenCases)('$name with $status', (testCase) =>
    expectRefusedWithoutChange('/app/v1/token', testCase, { user: registered.email, password: registered.password }),
  );
});

describe('POST /app/v1/password/change', () => {
  it.each([
    { name: 'a 9-character password', body: { 'new-password': long(9) }, status: 400 },
    { name: 'a 256-character password', body: { 'new-password': long(256) }, status: 400 },
    { name: 'a missing password', body: {}, status: 400 },
    { name: 'a numeric password', body: { 'new-password': 12345678901 }, status: 400 },
    { name: 'malformed JSON', body: '{"new-password":', status: 400 },
    { name: 'a NUL in the password', body: { 'new-password': 'long enough\u0000password' }, status: 400 },
    { name: 'an ESC in the password', body: { 'new-password': 'long enough\u001b[2J' }, status: 400 },
  ])('refuses $name and keeps the old password', async (testCase) => {
    const auth = { user: registered.email, password: registered.password };
    await expectRefusedWithoutChange('/app/v1/password/change', testCase, auth);
    expect((await send(server.url, 'GET', '/app/v1/organization', { auth })).status).toBe(200);
  });
});

describe('authorization headers that are not Basic credentials', () => {
  it.each(['Bearer abc', 'Basic', 'Basic !!!', 'Basic bm9jb2xvbg==', `Basic ${long(10_000)}`])('%s is a 401', async (header) => {
    for (const path of ['/app/v1/organization', '/api/v1/token']) {
      const response = await send(server.url, 'GET', path, { headers: { authorization: header } });
      expect(response.status, path).toBe(401);
    }
  });
});

describe('SQL-looking strings', () => {
  const sqlish = ["Robert'); DROP TABLE organizations;--", "x' OR '1'='1", '"; DELETE FROM api_tokens; --', '%_\\ ☃ \u00a0\u200b'];

  it('are stored and answered verbatim, and change nothing else', async () => {
    const before = await server.storage.counts();
    const account = await registerAccount(server.url, {
      organization: { name: sqlish[0]!, description: sqlish[1]! },
      account: { 'first-name': sqlish[2]!, 'last-name': sqlish[3]! },
    });
    expect(account.organization.name).toBe(sqlish[0]);
    expect(account.organization.description).toBe(sqlish[1]);
    expect(account.account['first-name']).toBe(sqlish[2]);
    const tokens = [];
    for (const text of sqlish) tokens.push(await createToken(server.url, account, { name: text, description: text }));
    expect(await server.storage.counts()).toEqual({
      organizations: before.organizations + 1,
      accounts: before.accounts + 1,
      tokens: before.tokens + sqlish.length,
    });
    const listed = await send(server.url, 'GET', '/api/v1/token', { auth: tokenAuth(account.organization.id, tokens[0]!.token) });
    expect(listed.json.result.map((t: { name: string }) => t.name)).toEqual(sqlish);
    expect(listed.json.result.map((t: { description: string }) => t.description)).toEqual(sqlish);
    const organization = await send(server.url, 'GET', '/app/v1/organization', {
      auth: { user: account.email, password: account.password },
    });
    expect(organization.json.name).toBe(sqlish[0]);
  });
});

describe('limits that are allowed', () => {
  it('accepts 255-character names and 10- and 255-character passwords', async () => {
    const short = await registerAccount(server.url, {
      organization: { name: long(255), description: long(255) },
      account: { 'first-name': long(255), 'last-name': long(255), password: long(10) },
    });
    expect(short.organization.name).toHaveLength(255);
    const longPassword = await registerAccount(server.url, { account: { password: long(255) } });
    const token = await createToken(server.url, longPassword, { name: long(255), description: long(255), ttl: '1051200h' });
    expect(token.name).toHaveLength(255);
    expect(token.ttl).toBe('1051200h');
  });

  it('accepts names and descriptions with spaces inside, and printable Unicode', async () => {
    const token = await createToken(server.url, registered, { name: ' ci  deploy ', description: '   ', ttl: '1h' });
    expect(token.name).toBe(' ci  deploy ');
    expect(token.description).toBe('   ');
    const other = await createToken(server.url, registered, { name: 'Ünïcödé ☃ 名前', description: 'tab-free\u00a0text' });
    expect(other.name).toBe('Ünïcödé ☃ 名前');
  });

  it('accepts the smallest positive TTL, 1ns after Go truncates', async () => {
    for (const ttl of ['1ns', '1.9ns', '0.001us', '0.000000001s']) {
      const token = await createToken(server.url, registered, { name: 'tiny', ttl });
      expect(token.ttl).toBe(ttl);
    }
  });

  it('accepts every Go duration unit', async () => {
    for (const ttl of ['1h30m', '90m', '5400s', '1.5h', '5400000ms', '5400000000us', '5400000000µs', '5400000000000ns']) {
      const token = await createToken(server.url, registered, { name: 'units', ttl });
      expect(token.ttl).toBe(ttl);
      expect(Date.parse(token['expires-at']) - Date.parse(token['created-at'])).toBe(5_400_000);
    }
  });
});
