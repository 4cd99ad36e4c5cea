// Between the first frame (drawn before ink loads) and ink's own signal
// handlers, a signal must still restore the terminal: the UI's modules are
// held back here, as on a machine slow to load them.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ConfigStore } from '../../src/config/store';
import { runTui } from '../../src/tui/run';
import type { SignalSource } from '../../src/tui/terminal';
import { asRead, asWrite, FakeStdin, FakeStdout } from './streams';

vi.mock('../../src/api/client', () => ({
  createClient: () => ({
    listTokens: () => new Promise(() => undefined),
    getCurrentToken: () => new Promise(() => undefined),
    close: async () => undefined,
  }),
}));

// The UI's modules never finish loading.
vi.mock('../../src/tui/mount', () => new Promise(() => undefined));

const ENTER_ALT = '\u001b[?1049h';
const RESTORE = '\u001b[?2004l\u001b[?1049l\u001b[?25h';

describe('a signal before ink has loaded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'appclacks-early-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s restores the terminal and exits %i', async (signal, code) => {
    const configPath = join(dir, 'appclacks.yaml');
    await new ConfigStore(configPath).upsertProfile({ name: 'work', organizationId: 'org', apiToken: 'apc_secret_secret' }, { makeDefault: 'always' });
    const stdout = new FakeStdout();
    const signals = new EventEmitter();
    const running = runTui({}, {
      env: { HOME: dir, APPCLACKS_CONFIG: configPath },
      stdin: asRead(new FakeStdin()),
      stdout: asWrite(stdout),
      stderr: asWrite(new FakeStdout()),
      signals: signals as unknown as SignalSource,
    });
    await vi.waitFor(() => expect(stdout.text).toContain('Loading tokens from'));
    expect(stdout.text.startsWith(ENTER_ALT)).toBe(true);
    signals.emit(signal);
    expect(await running).toBe(code);
    expect(stdout.text.endsWith(RESTORE)).toBe(true);
    expect(stdout.text).not.toContain('apc_secret_secret');
    // Nothing is left listening once it has returned.
    expect(signals.eventNames()).toEqual([]);
  });
});
