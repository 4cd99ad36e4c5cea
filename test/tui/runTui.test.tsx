import { EventEmitter } from 'node:events';
import chalk from 'chalk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppclacksApi } from '../../src/api/types';
import { resolveContext } from '../../src/config/resolve';
import { mountTui } from '../../src/tui/mount';
import { runTui } from '../../src/tui/run';
import { sessionFromContext } from '../../src/tui/session';
import { startWorld, waitUntil, type World } from '../helpers/ui-harness';
import { token } from '../state/fixtures';
import { asRead, asWrite, FakeStdin, FakeStdout } from './streams';

const ENTER_ALT = '\u001b[?1049h';
const RESTORE = '\u001b[?1049l\u001b[?25h';

function streams(tty = true) {
  const stdin = new FakeStdin(tty);
  const stdout = new FakeStdout();
  const stderr = new FakeStdout();
  if (!tty) stdout.isTTY = false;
  return { stdin, stdout, stderr, deps: { stdin: asRead(stdin), stdout: asWrite(stdout), stderr: asWrite(stderr) } };
}

// The UI reads the terminal through its KeyStream (src/tui/keyStream.ts), which listens for data in raw mode.
const listening = (stdin: FakeStdin) => waitUntil(() => stdin.listenerCount('data') > 0, () => 'the UI to listen for keys');

describe('runTui', () => {
  let world: World;
  const level = chalk.level;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  afterEach(() => {
    chalk.level = level;
  });

  it('without a terminal, exits 2 with one line naming the CLI command, and draws nothing', async () => {
    for (const tty of [false]) {
      const s = streams(tty);
      const code = await runTui({}, { ...s.deps, env: world.env });
      expect(code).toBe(2);
      expect(s.stderr.text).toBe('error: the UI needs a terminal; use `appclacks token list` instead\n');
      expect(s.stdout.text).toBe('');
    }
    const piped = streams(true);
    piped.stdout.isTTY = false;
    expect(await runTui({}, { ...piped.deps, env: world.env })).toBe(2);
  });

  it('a bad flag is reported on stderr before any drawing', async () => {
    const s = streams();
    const code = await runTui({ endpoint: 'ftp://nope' }, { ...s.deps, env: world.env });
    expect(code).toBe(2);
    expect(s.stderr.text).toMatch(/^error: invalid API endpoint/);
    expect(s.stdout.text).toBe('');
  });

  it('draws on the alternate screen and restores the terminal on q', async () => {
    const s = streams();
    const running = runTui({}, { ...s.deps, env: world.env });
    await listening(s.stdin);
    s.stdin.write('q');
    expect(await running).toBe(0);
    expect(s.stdout.text.startsWith(ENTER_ALT)).toBe(true);
    expect(s.stdout.text.endsWith(RESTORE)).toBe(true);
    expect(s.stdout.text).not.toContain(world.admin.token);
  });

  it('restores the terminal on Ctrl+C, and exits 130 (interrupted) as the CLI does', async () => {
    const s = streams();
    const running = runTui({}, { ...s.deps, env: world.env });
    await listening(s.stdin);
    s.stdin.write('\u0003');
    expect(await running).toBe(130);
    expect(s.stdout.text.endsWith(RESTORE)).toBe(true);
  });

  it('on SIGTERM, SIGHUP and SIGINT, unmounts, restores and exits 128 + signal', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const) {
      const s = streams();
      const signals = new EventEmitter();
      const running = runTui({}, { ...s.deps, env: world.env, signals });
      await listening(s.stdin);
      signals.emit(signal);
      expect(await running).toBe(code);
      expect(s.stdout.text.endsWith(RESTORE)).toBe(true);
      expect(signals.listenerCount(signal)).toBe(0);
    }
  });

  it('NO_COLOR removes every colour; without it colours are drawn', async () => {
    const frames: Record<string, string> = {};
    for (const noColor of ['1', undefined]) {
      chalk.level = 1;
      const s = streams();
      const running = runTui({}, { ...s.deps, env: { ...world.env, NO_COLOR: noColor } });
      await listening(s.stdin);
      s.stdin.write('q');
      await running;
      frames[String(noColor)] = s.stdout.text;
    }
    expect(frames['1']).toContain('profile admin');
    expect(frames['1']).not.toMatch(/\u001b\[(3\d|9\d|1|2|7)m/);
    expect(frames['undefined']).toMatch(/\u001b\[3\dm/);
  });

  it('a render crash restores the terminal first, then prints the error on the normal screen', async () => {
    const s = streams();
    const ctx = await resolveContext({ env: world.env });
    const broken = token(1, { 'expires-at': 'not a time' });
    const api = { listTokens: async () => [broken] } as unknown as AppclacksApi;
    const code = await mountTui({
      ctx,
      flags: {},
      env: world.env,
      api,
      session: sessionFromContext(ctx),
      stdin: asRead(s.stdin),
      stdout: asWrite(s.stdout),
      stderr: asWrite(s.stderr),
      clock: Date.now,
      signals: new EventEmitter(),
    });
    expect(code).toBe(1);
    expect(s.stdout.text.endsWith(RESTORE)).toBe(true);
    expect(s.stderr.text).toContain('error: the UI crashed: RangeError: not an RFC 3339 time');
    // A bug: how to report it, and no stack trace unless APPCLACKS_DEBUG=1.
    expect(s.stderr.text).toContain('hint: this looks like a bug in appclacks');
    expect(s.stderr.text).not.toMatch(/\n\s+at /);
  });
});
