// The terminal prompter on a fake TTY: no echo for passwords, Ctrl+C cancels
// and restores the terminal mode, and without a TTY nothing is asked.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalPrompter } from '../../src/cli/prompter';
import { CancelledError, UsageError } from '../../src/errors';

class FakeTty extends PassThrough {
  isTTY = true;
  isRaw = false;
  rawModes: boolean[] = [];
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    this.rawModes.push(mode);
    return this;
  }
}

function setup(stdinIsTTY = true) {
  const stdin = new FakeTty();
  const stderr = new PassThrough();
  let written = '';
  stderr.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  const prompter = createTerminalPrompter({ stdin: stdin as unknown as NodeJS.ReadStream, stderr, stdinIsTTY });
  return { stdin, prompter, written: () => written };
}

const spec = { message: 'Account password', instead: 'set APPCLACKS_ACCOUNT_PASSWORD' };

describe('hidden password prompt', () => {
  it('reads without echo, handles backspace and ignores arrow keys', async () => {
    const { stdin, prompter, written } = setup();
    const answer = prompter.password(spec);
    stdin.write('sec');
    stdin.write('\u007f');
    stdin.write('\u001b[Dret\r');
    expect(await answer).toBe('seret');
    expect(written()).toBe('Account password: \n');
    expect(stdin.rawModes).toEqual([true, false]);
  });

  it('Ctrl+C cancels (exit 130) and leaves raw mode', async () => {
    const { stdin, prompter } = setup();
    const answer = prompter.password(spec);
    stdin.write('abc\u0003');
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
    expect(stdin.isRaw).toBe(false);
  });

  it('without a TTY asks nothing and names what to set instead', async () => {
    const { prompter, written } = setup(false);
    const error = await prompter.password(spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('cannot ask for account password: stdin is not a terminal');
    expect((error as UsageError).hint).toBe('set APPCLACKS_ACCOUNT_PASSWORD');
    expect(written()).toBe('');
  });
});

describe('text and confirm prompts', () => {
  it('reads a line, trimmed', async () => {
    const { stdin, prompter } = setup();
    const answer = prompter.text({ message: 'Profile name', instead: 'pass --profile-name NAME' });
    stdin.write(' work \r');
    expect(await answer).toBe('work');
  });

  it('confirm defaults to the given answer on Enter and accepts y/yes', async () => {
    const { stdin, prompter } = setup();
    const first = prompter.confirm({ message: 'Replace it?', instead: 'pass --force', default: false });
    stdin.write('\r');
    expect(await first).toBe(false);
    const second = prompter.confirm({ message: 'Replace it?', instead: 'pass --force', default: false });
    stdin.write('yes\r');
    expect(await second).toBe(true);
  });

  it('Ctrl+C at a line prompt cancels', async () => {
    const { stdin, prompter } = setup();
    const answer = prompter.text({ message: 'Email', instead: 'pass --email' });
    stdin.write('\u0003');
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });
});
