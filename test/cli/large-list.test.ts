// An organization can hold any number of tokens, and the client must print
// them all: a spread of the rows into a call's arguments (Math.max(...rows))
// overflows V8's stack somewhere above 100,000 of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTED_TOKEN, TOKEN_CREDENTIALS } from '../api/fixtures';
import { startScriptedServer, type ScriptedServer } from '../api/scripted-server';
import { createSandbox, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

const COUNT = 200_000;

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

describe('a very long token list', () => {
  it(`token list prints ${COUNT.toLocaleString('en')} tokens in table and JSON`, async () => {
    const result = Array.from({ length: COUNT }, (_, i) => ({ ...LISTED_TOKEN, id: `${String(i).padStart(8, '0')}-edd1-4948-8b85-a905a5602da4`, name: `t${i}` }));
    const body = JSON.stringify({ result });
    server.reply({ text: body }, { text: body });

    const table = await sandbox.run(['token', 'list']);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(COUNT + 2);
    // The columns are as wide as the widest cell: the last row lines up with the first.
    expect(lines[COUNT + 1]!.indexOf('2026-12-01')).toBe(lines[2]!.indexOf('2026-12-01'));

    const json = await sandbox.run(['token', 'list', '-o', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).result).toHaveLength(COUNT);
  }, 120_000);
});
