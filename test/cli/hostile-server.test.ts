// An endpoint we do not control can put anything in names, descriptions and
// error messages. Our own server refuses control characters, so a scripted
// one plays the hostile (or merely careless) server here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTED_TOKEN, ORGANIZATION, TOKEN_CREDENTIALS } from '../api/fixtures';
import { startScriptedServer, type ScriptedServer } from '../api/scripted-server';
import { createSandbox, type Sandbox } from './helpers/bin';
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
