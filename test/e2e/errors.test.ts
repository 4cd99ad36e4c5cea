// Server errors in the real UI: each one is said in words with what to do
// next, nothing crashes, and the terminal still comes back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CreatedToken } from '../helpers/server';
import { createWorld, type E2eWorld } from './support';
import { unusedLoopbackPort } from '../helpers/net';

let world: E2eWorld;
let admin: CreatedToken;
let reader: CreatedToken;

beforeAll(async () => {
  world = await createWorld();
  admin = await world.addToken({ name: 'err-admin', ttl: '1051200h', permissions: ['*'] });
  reader = await world.addToken({ name: 'err-reader', ttl: '1051200h', permissions: ['ListAPITokens', 'GetAPIToken'] });
  world.writeConfig([
    { name: 'work', token: admin },
    { name: 'reader', token: reader },
    { name: 'stale', token: { ...admin, token: 'apc_this-token-was-never-issued' } },
  ]);
});
afterAll(async () => {
  await world?.close();
});


test('no server at the endpoint: the list says so and how to retry; q still quits cleanly', async () => {
  const port = await unusedLoopbackPort();
  const ui = world.spawn({ args: ['tui'], cols: 100, rows: 30, env: { APPCLACKS_API_ENDPOINT: `http://127.0.0.1:${port}` } });
  await ui.waitForText(new RegExp(`127\\.0\\.0\\.1:${port}[\\s\\S]*(refused|not reach|cannot connect|could not connect)`, 'i'), 20_000);
  expect(ui.screen()).toMatch(/\br\b.*(retry|again)|(retry|again).*\br\b/i);
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);
  expect(ui.isAlternateScreen()).toBe(false);
});

test('a token the server does not know: an authentication error with a way out', async () => {
  const ui = world.spawn({ args: ['tui', '-p', 'stale'], cols: 100, rows: 30 });
  await ui.waitForText(/answered 401/);
  expect(ui.screen()).toMatch(/press p/);
  expect(ui.screen()).not.toContain('err-admin');
  ui.press('p');
  await ui.waitForText('Profiles');
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);
});

test('a read-only token deleting: 403 names the missing permission and the token stays', async () => {
  const ui = world.spawn({ args: ['tui', '-p', 'reader'], cols: 100, rows: 30 });
  await ui.waitForText(/ · 1\/\d+/);
  expect(ui.lines().find((line) => line.startsWith('› '))).toMatch(/^› err-admin /);
  ui.press('d');
  await ui.waitForText('Delete token "err-admin"?');
  ui.press('y');
  await ui.waitForText('DeleteAPIToken');
  expect(ui.screen()).toContain('err-admin');
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);

  const listed = await world.cli(['token', 'list']);
  expect(listed.stdout).toContain(admin.id);
});

test('a config file that cannot be read: one error on the normal screen, no UI', async () => {
  const bad = join(world.home, 'broken.yaml');
  writeFileSync(bad, 'profiles: [this is: not, a map\n', { mode: 0o600 });
  const ui = world.spawn({ args: ['tui', '--config', bad], cols: 100, rows: 30 });
  const exit = await ui.exited;
  expect(exit.exitCode).not.toBe(0);
  expect(ui.output()).not.toContain('\x1b[?1049h');
  expect(ui.screen()).toMatch(/^error: .*broken\.yaml/m);
});
