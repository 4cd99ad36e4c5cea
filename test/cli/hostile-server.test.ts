// An endpoint we do not control can put anything in names, descriptions and
// error messages. Our own server refuses control characters, so a scripted
// one plays the hostile (or merely careless) server here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LISTED_TOKEN, ORGANIZATION, TOKEN_CREDENTIALS } from '../api/fixtures';
import {
  ACTED_ON,
  HOSTILE_CREATED,
  HOSTILE_LIST,
  HOSTILE_MESSAGES,
  HOSTILE_ORGANIZATION,
  HOSTILE_ROTATED,
  hostileApi,
  hostileErrors,
  hostileToken,
  SHOWN_CLIPBOARD,
} from '../api/hostile-answers';
import { startScriptedServer, type ScriptedServer } from '../api/scripted-server';
import { createSandbox, type BinResult, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

const OSC52 = '\u001b]52;c;ZWNobyBwd25lZA==\u0007';
const CLEAR = '\u001b[2J';
// Anything a terminal would act on: C0 (but newline), DEL, C1.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let server: ScriptedServer;
let sandbox: Sandbox;

beforeAll(async () => {
  server = await startScriptedServer();
  sandbox = createSandbox(server.url);
  writeConfig(sandbox.configPath, [{ name: 'work', organizationId: TOKEN_CREDENTIALS.organizationId, apiToken: TOKEN_CREDENTIALS.token }], 'work');
});

afterAll(async () => {
  sandbox.remove();
  await server.close();
});

afterEach(() => server.answerBy(undefined));

describe('text from the server never reaches the terminal as control sequences', () => {
  it('token list shows control characters in names and descriptions in caret notation; -o json keeps them escaped', async () => {
    const hostile = { ...LISTED_TOKEN, name: `esc${OSC52}red`, description: `line1\nline2${CLEAR}` };
    server.reply({ json: { result: [hostile] } }, { json: { result: [hostile] } });
    const table = await sandbox.run(['token', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(CONTROL);
    expect(table.stdout).toContain('esc^[]52;c;ZWNobyBwd25lZA==^Gred');
    expect(table.stdout).toContain('line1^Jline2^[[2J');
    expect(table.stdout.trim().split('\n')).toHaveLength(3); // header, dashes, one row

    const json = await sandbox.run(['token', 'list', '-o', 'json']);
    expect(JSON.parse(json.stdout).result[0].name).toBe(hostile.name);
    expect(json.stdout).not.toMatch(CONTROL);
  });

  it('error messages the server sends are printed on one safe line', async () => {
    server.reply({ status: 400, json: { messages: [`bad ${OSC52} thing ${CLEAR}`] } });
    const result = await sandbox.run(['token', 'get', '--id', LISTED_TOKEN.id]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(CONTROL);
    expect(result.stderr).toContain('bad ^[]52;c;');
  });

  it('an organization name is shown safely by account-style tables', async () => {
    server.reply({ json: { ...ORGANIZATION, name: `acme${CLEAR}` } });
    const result = await sandbox.run(['account', 'organization'], {
      env: { APPCLACKS_ACCOUNT_EMAIL: 'ada@example.com', APPCLACKS_ACCOUNT_PASSWORD: 'pw-Secr3t-horse-battery' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stdout).toContain('acme^[[2J');
  });

  it('columns line up by terminal cells, so wide names do not push the others', async () => {
    const wide = { ...LISTED_TOKEN, name: '日本語トークン🚀' };
    const narrow = { ...LISTED_TOKEN, id: '77f16f70-edd1-4948-8b85-a905a5602da4', name: 'abc' };
    server.reply({ json: { result: [wide, narrow] } });
    const lines = (await sandbox.run(['token', 'list'])).stdout.split('\n');
    const column = (line: string) => {
      const at = line.indexOf('2026-12-01');
      return [...line.slice(0, at)].reduce((width, ch) => width + (/[\u3000-\u9fff\u{1f300}-\u{1faff}\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
    };
    expect(column(lines[2]!)).toBe(column(lines[3]!));
  });
});

const PASSWORD_ENV = { APPCLACKS_ACCOUNT_EMAIL: 'ada@example.com', APPCLACKS_ACCOUNT_PASSWORD: 'pw-Secr3t-horse-battery' };
const ID = LISTED_TOKEN.id;

/**
 * Every command that shows an answer, with what it asks the server for.
 * `shows` is one field's value that must appear (made safe) in the table
 * output, so a command that dropped the field would not pass unnoticed.
 */
const COMMANDS: ReadonlyArray<{ args: string[]; env?: Record<string, string>; input?: string; json?: unknown; shows?: string; code?: number }> = [
  { args: ['token', 'list'], json: HOSTILE_LIST, shows: 'live-name' },
  { args: ['token', 'list', '--expired'], shows: 'expired-permission' },
  { args: ['token', 'get', '--id', ID], json: hostileToken('current'), shows: 'current-permission' },
  { args: ['token', 'delete', '--id', ID], json: HOSTILE_MESSAGES, shows: 'message-2' },
  { args: ['token', 'delete', '--expired', '--yes'], shows: 'expired-id' },
  { args: ['token', 'create', '--name', 'ci', '--permission', 'ListAPITokens'], env: PASSWORD_ENV, json: HOSTILE_CREATED, shows: 'secret' },
  { args: ['token', 'rotate', '--id', ID], env: PASSWORD_ENV, json: HOSTILE_ROTATED, shows: 'previous-id' },
  { args: ['account', 'organization'], env: PASSWORD_ENV, json: HOSTILE_ORGANIZATION, shows: 'org-description' },
  { args: ['account', 'password', 'change', '--new-password-stdin'], env: PASSWORD_ENV, input: 'pw-N3w-horse-battery', json: HOSTILE_MESSAGES, shows: 'message-1' },
  {
    args: ['organization', 'create', '--organization-name', 'acme', '--account-first-name', 'Ada', '--account-last-name', 'L', '--account-email', 'ada@example.com'],
    env: PASSWORD_ENV,
    shows: 'email',
  },
  { args: ['login', '--profile-name', 'hostile', '--email', 'ada@example.com', '--force'], env: PASSWORD_ENV, shows: 'org-name' },
  { args: ['profile', 'check', '--all'], shows: 'current-permission' },
  { args: ['profile', 'list'], shows: 'org-id' },
  { args: ['profile', 'current', '-p', 'hostile'], shows: 'org-id' },
  { args: ['profile', 'rotate', 'hostile'], env: PASSWORD_ENV, shows: 'created-name', code: 1 },
];

function expectNothingActedOn(result: BinResult): void {
  expect(result.stdout, 'stdout').not.toMatch(ACTED_ON);
  expect(result.stderr, 'stderr').not.toMatch(ACTED_ON);
}

describe('a hostile server: every string of every answer carries escape sequences, C1 and bidi controls', () => {
  // One sandbox for the sequence: login saves a profile made of hostile
  // answers, which profile list, current, check and rotate then show.
  let hostileSandbox: Sandbox;
  beforeAll(() => {
    hostileSandbox = createSandbox(server.url);
    writeConfig(hostileSandbox.configPath, [{ name: 'work', organizationId: TOKEN_CREDENTIALS.organizationId, apiToken: TOKEN_CREDENTIALS.token }], 'work');
  });
  afterAll(() => hostileSandbox.remove());

  for (const command of COMMANDS) {
    it(`appclacks ${command.args.join(' ')}: the terminal gets the text, never the instructions`, async () => {
      server.answerBy(hostileApi);
      const options = { ...(command.env && { env: command.env }), ...(command.input !== undefined && { input: command.input }) };
      const table = await hostileSandbox.run(command.args, options);
      expect(table.code, table.stderr).toBe(command.code ?? 0);
      expectNothingActedOn(table);
      if (command.shows) expect(table.stdout + table.stderr).toContain(`${command.shows}${SHOWN_CLIPBOARD}`);

      if (command.json === undefined) return;
      const json = await hostileSandbox.run([...command.args, '-o', 'json'], options);
      expect(json.code, json.stderr).toBe(0);
      expectNothingActedOn(json);
      // Machine output stays the server's data: escaped in the text, exact once parsed.
      const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
      const expected = command.json as Record<string, unknown>;
      for (const key of ['result', 'messages', 'name', 'ttl', 'description', 'permissions']) {
        if (key in expected && key !== 'token') expect(parsed[key]).toEqual(key === 'result' ? (expected[key] as object[]).map((t) => ({ ...t, token: '' })) : expected[key]);
      }
    });
  }

  for (const status of [400, 403, 404, 409, 429, 500]) {
    it(`a ${status} with hostile messages is one safe error line and hint`, async () => {
      server.answerBy(hostileErrors(status));
      for (const args of [['token', 'list'], ['token', 'delete', '--id', ID], ['token', 'create', '--name', 'ci']]) {
        const result = await hostileSandbox.run(args, { env: { ...PASSWORD_ENV, APPCLACKS_DEBUG: '1' } });
        expect(result.code).not.toBe(0);
        expectNothingActedOn(result);
        expect(result.stderr).toMatch(/^error: /);
        expect(result.stderr).toContain(SHOWN_CLIPBOARD);
      }
    });
  }

  it('an answer the client refuses (a time that is not a time) is reported safely', async () => {
    server.answerBy(() => ({ json: { result: [{ ...hostileToken('bad'), 'expires-at': hostileToken('x').name }] } }));
    const result = await hostileSandbox.run(['token', 'list']);
    expect(result.code).toBe(1);
    expectNothingActedOn(result);
  });
});
