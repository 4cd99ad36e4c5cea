// The UI over plain http to a host that is not loopback: the warning is on
// its message line (stderr is not seen on the alternate screen), the frame
// stays whole, and APPCLACKS_INSECURE_OK or --insecure-ok silences it.
// http://0.0.0.0:PORT is not a loopback address, yet Linux delivers it to
// the test server on 127.0.0.1 (as in test/cli/plaintext-warning.test.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWorld, expectRestored, type E2eWorld } from './support';

let world: E2eWorld;
let remote: string;

beforeAll(async () => {
  world = await createWorld();
  const admin = await world.addToken({ name: 'plain-admin', ttl: '1051200h', permissions: ['*'] });
  world.writeConfig([{ name: 'work', token: admin }]);
  remote = world.server.url.replace('127.0.0.1', '0.0.0.0');
});
afterAll(async () => {
  await world?.close();
});

describe('credentials over plain http in the UI', () => {
  test('the message line says so, under a whole frame', async () => {
    const ui = world.spawn({ args: ['tui'], cols: 120, rows: 30, env: { APPCLACKS_API_ENDPOINT: remote } });
    await ui.waitForText('plain-admin');
    const screen = await ui.waitForText(`Plain http to ${new URL(remote).host}: your token and password cross the network unencrypted`);
    expect(screen).toContain('APPCLACKS_INSECURE_OK=1');
    expect(ui.lines()[0]).toMatch(/^appclacks │ profile work/);
    // Not the CLI's stderr line, which would land in the middle of the frame (the pty shows both streams).
    expect(ui.output()).not.toContain('warning:');
    ui.press('q');
    expect((await ui.exited).exitCode).toBe(0);
    await expectRestored(ui);
  });

  test('APPCLACKS_INSECURE_OK and --insecure-ok silence it', async () => {
    for (const options of [
      { args: ['tui'], env: { APPCLACKS_API_ENDPOINT: remote, APPCLACKS_INSECURE_OK: '1' } },
      { args: ['tui', '--insecure-ok'], env: { APPCLACKS_API_ENDPOINT: remote } },
    ]) {
      const ui = world.spawn({ ...options, cols: 120, rows: 30 });
      await ui.waitForText('plain-admin');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ui.output()).not.toContain('Plain http');
      ui.press('q');
      expect((await ui.exited).exitCode).toBe(0);
    }
  });
});
