// The pty harness itself, on a shell script whose output is known, so a
// failing UI test is never a harness bug in disguise.
import { afterEach, expect, test } from 'vitest';
import { spawnApp, type PtySession } from '../helpers/pty';

let session: PtySession | undefined;
afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

const sh = (script: string, cols = 40, rows = 8) => (session = spawnApp({ file: '/bin/sh', args: ['-c', script], cols, rows, env: { CI: 'true' } }));

test('reads the screen, sees the size and never passes CI to the child', async () => {
  const s = sh('echo "ci=${CI:-unset} term=$TERM"; stty size; read line; echo "got $line"');
  await s.waitForText('ci=unset term=xterm-256color');
  await s.waitForText('8 40');
  s.press('hello');
  s.press('enter');
  await s.waitForText('got hello');
  expect(await s.exited).toEqual({ exitCode: 0, signal: undefined });
});

test('tracks the alternate screen and cursor visibility', async () => {
  const s = sh(String.raw`printf '\033[?1049h\033[?25lon alt'; read x; printf '\033[?1049l\033[?25h'; echo back`);
  await s.waitForText('on alt');
  expect(s.isAlternateScreen()).toBe(true);
  expect(s.cursorVisible()).toBe(false);
  s.press('enter');
  await s.exited;
  expect(s.isAlternateScreen()).toBe(false);
  expect(s.cursorVisible()).toBe(true);
  expect(s.screen()).toContain('back');
});

test('delivers resizes and signals', async () => {
  const s = sh(`trap 'stty size; exit 3' TERM; trap 'stty size' WINCH; echo ready; while :; do sleep 0.05; done`);
  await s.waitForText('ready');
  s.resize(30, 6);
  await s.waitForText('6 30');
  s.kill('SIGTERM');
  expect((await s.exited).exitCode).toBe(3);
});

test('a wait that fails names what it waited for and shows the screen', async () => {
  const s = sh('echo something else; sleep 5');
  await s.waitForText('something else');
  await expect(s.waitForText('never', 200)).rejects.toThrow(/waiting for "never".*\n[\s\S]*something else/);
});
