// The UI against a hostile server, in a real pseudo-terminal: every string of
// every answer carries a clipboard write, a retitle, a clear, a query the
// terminal would answer into stdin, C1 controls and bidi overrides
// (test/api/hostile-answers.ts). Through the list, the detail, the delete and
// rotate dialogs, the rotation's and the wizard's results, the profile picker
// and the error line, the bytes the program writes must carry none of them,
// while the text itself is shown (in caret notation).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKEN_CREDENTIALS } from '../api/fixtures';
import { ATTACK, hostileApi, hostileErrors, SHOWN_CLIPBOARD } from '../api/hostile-answers';
import { startScriptedServer, type ScriptedServer } from '../api/scripted-server';
import { writeConfig } from '../cli/helpers/config-file';
import { ensureBuilt, spawnApp, type PtySession } from '../helpers/pty';

let server: ScriptedServer;
let home: string;
let ui: PtySession | undefined;

beforeAll(async () => {
  ensureBuilt();
  server = await startScriptedServer();
  home = mkdtempSync(join(tmpdir(), 'appclacks-hostile-'));
  writeConfig(join(home, '.config', 'appclacks', 'appclacks.yaml'), [{ name: 'work', organizationId: TOKEN_CREDENTIALS.organizationId, apiToken: TOKEN_CREDENTIALS.token }], 'work');
});

afterAll(async () => {
  await ui?.dispose();
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

/** What the program wrote that a terminal would obey, had it come from the server. */
function obeyed(output: string): string[] {
  const found: string[] = [];
  // ink writes ESC sequences of its own (cursor, colour): the server's are recognised by their contents.
  for (const [name, sequence] of Object.entries(ATTACK)) {
    if (name === 'others' || name === 'separators') continue;
    if (output.includes(sequence)) found.push(name);
  }
  // No BEL, C1, bidi control or separator at all: ink writes none of them.
  const stray = /[\u0007\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u.exec(output);
  if (stray) found.push(`U+${stray[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  return found;
}

/** Waits for the server's text, shown in caret notation after `label`. */
const shown = (session: PtySession, label: string) => session.waitForText(`${label}${SHOWN_CLIPBOARD.slice(0, 12)}`);
const settleKeys = () => new Promise((resolve) => setTimeout(resolve, 700));

describe('the UI against a server whose every string is an attack', () => {
  test('list, detail, dialogs, rotation and wizard results, profile picker and errors show the text and write none of the sequences', async () => {
    server.answerBy(hostileApi);
    ui = spawnApp({
      args: ['tui'],
      cols: 200,
      rows: 40,
      env: {
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        APPCLACKS_API_ENDPOINT: server.url,
        APPCLACKS_ACCOUNT_EMAIL: 'ada@example.com',
        APPCLACKS_ACCOUNT_PASSWORD: 'pw-Secr3t-horse-battery',
      },
    });
    // The list: names, descriptions, permissions.
    await shown(ui, 'live-name');
    await shown(ui, 'live-description');

    // The detail: ID, TTL, permission names.
    ui.press('enter');
    await shown(ui, 'live-id');
    await shown(ui, 'live-ttl');
    await shown(ui, 'live-permission');
    ui.press('esc');
    await shown(ui, 'live-description');

    // The delete question names the token; No.
    ui.press('d');
    await ui.waitForText('Delete token "live-name^[');
    ui.press('n');
    await ui.waitForNoText('Delete token');

    // Rotation: the question, then the result with the new token and the old one's ID.
    ui.press('R');
    await ui.waitForText('Rotate token "live-name^[');
    ui.press('y');
    await shown(ui, 'created-name');
    await shown(ui, 'created-id');
    await settleKeys();
    ui.press('esc');
    await ui.waitForText('Leave anyway?');
    ui.press('y');
    await ui.waitForNoText('Leave anyway?');

    // The wizard's result: the created token's name, ID and secret.
    ui.press('n');
    await ui.waitForText('New token — Name');
    await ui.type('ci');
    ui.press('enter');
    await ui.waitForText('Description (step 2');
    ui.press('enter');
    await ui.waitForText('Lifetime (step 3');
    ui.press('enter');
    await ui.waitForText('Permissions (step 4');
    ui.press('space');
    await ui.waitForText('Chosen: *');
    ui.press('enter');
    await ui.waitForText('Review (step 5');
    ui.press('enter');
    await shown(ui, 'secret');
    await shown(ui, 'created-id');
    await settleKeys();
    ui.press('esc');
    await ui.waitForText('Leave anyway?');
    ui.press('y');
    await ui.waitForNoText('Leave anyway?');

    // The profile picker asks token/current for each profile's expiry.
    ui.press('p');
    await ui.waitForText('Profiles');
    ui.press('esc');
    await ui.waitForNoText(/^Profiles$/m);

    // An error answer: its messages on the message line.
    server.answerBy(hostileErrors(400));
    ui.press('r');
    await shown(ui, 'error-400');

    ui.press('q');
    expect((await ui.exited).exitCode).toBe(0);
    await ui.settle();
    expect(obeyed(ui.output())).toEqual([]);
  }, 90_000);
});
