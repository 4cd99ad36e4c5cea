// docs/terminal.md §16: the first token requests (the list, and token/current
// to mark the session's row) are on the wire before ink and react are loaded,
// so the network wait overlaps module loading.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ConfigStore } from '../../src/config/store';
import { runTui } from '../../src/tui/run';
import { asRead, asWrite, FakeStdin, FakeStdout } from './streams';

/** A terminal that notes in `order` when the first frame (the header) is drawn. */
class OrderedStdout extends FakeStdout {
  override write = (chunk: string | Uint8Array) => {
    if (String(chunk).includes('appclacks │')) order.push('first frame drawn');
    this.chunks.push(String(chunk));
    return true;
  };
}

const order = vi.hoisted(() => [] as string[]);

vi.mock('../../src/api/client', () => ({
  createClient: () => ({
    listTokens: () => {
      order.push('token list requested');
      return new Promise(() => undefined);
    },
    getCurrentToken: () => {
      order.push('token/current requested');
      return new Promise(() => undefined);
    },
    close: async () => undefined,
  }),
}));

vi.mock('../../src/tui/mount', () => {
  order.push('UI modules loaded');
  return { mountTui: async () => 0 };
});

describe('start-up order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'appclacks-order-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('requests the token list and token/current, then draws a first frame, before loading the UI modules', async () => {
    const configPath = join(dir, 'appclacks.yaml');
    await new ConfigStore(configPath).upsertProfile({ name: 'work', organizationId: 'org', apiToken: 'apc_secret_secret' }, { makeDefault: 'always' });
    const code = await runTui({}, {
      env: { HOME: dir, APPCLACKS_CONFIG: configPath },
      stdin: asRead(new FakeStdin()),
      stdout: asWrite(new OrderedStdout()),
      stderr: asWrite(new FakeStdout()),
    });
    expect(code).toBe(0);
    expect(order).toEqual(['token list requested', 'token/current requested', 'first frame drawn', 'UI modules loaded']);
  });
});
