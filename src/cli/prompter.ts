// Questions asked on the terminal. Prompts go to stderr so stdout carries only
// data. Without a TTY nothing is asked: the error names the flag or variable
// that supplies the value, so scripts learn what to pass.
import { createInterface } from 'node:readline';
import { CancelledError, UsageError } from '../errors';

export interface PromptSpec {
  /** Shown before the answer, e.g. "Email". */
  message: string;
  /** How to supply the value without a prompt, e.g. "pass --email ADDRESS". */
  instead: string;
}

export interface Prompter {
  text(spec: PromptSpec & { default?: string }): Promise<string>;
  /** Reads without echo. */
  password(spec: PromptSpec): Promise<string>;
  confirm(spec: PromptSpec & { default?: boolean }): Promise<boolean>;
}

export interface TerminalPrompterStreams {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WritableStream;
  stdinIsTTY: boolean;
}

function notATerminal(spec: PromptSpec): UsageError {
  const what = spec.message.replace(/[?:]\s*$/, '').toLowerCase();
  return new UsageError(`cannot ask for ${what}: stdin is not a terminal`, { hint: spec.instead });
}

export function createTerminalPrompter(streams: TerminalPrompterStreams): Prompter {
  const { stdin, stderr, stdinIsTTY } = streams;

  function ask(question: string): Promise<string> {
    const rl = createInterface({ input: stdin, output: stderr, terminal: true });
    return new Promise<string>((resolve, reject) => {
      let answered = false;
      rl.on('SIGINT', () => {
        stderr.write('\n');
        rl.close();
        reject(new CancelledError('interrupted'));
      });
      // Ctrl+D closes the line editor without an answer.
      rl.on('close', () => {
        if (!answered) reject(new CancelledError('interrupted'));
      });
      rl.question(question, (answer) => {
        answered = true;
        rl.close();
        resolve(answer.trim());
      });
    });
  }

  return {
    async text(spec) {
      if (!stdinIsTTY) throw notATerminal(spec);
      const suffix = spec.default ? ` (${spec.default})` : '';
      const answer = await ask(`${spec.message}${suffix}: `);
      return answer === '' && spec.default !== undefined ? spec.default : answer;
    },
    async password(spec) {
      if (!stdinIsTTY) throw notATerminal(spec);
      return readHidden(stdin, stderr, `${spec.message}: `);
    },
    async confirm(spec) {
      if (!stdinIsTTY) throw notATerminal(spec);
      const yes = spec.default === true;
      const answer = (await ask(`${spec.message} [${yes ? 'Y/n' : 'y/N'}] `)).toLowerCase();
      if (answer === '') return yes;
      return answer === 'y' || answer === 'yes';
    },
  };
}

// Arrow keys and other escape sequences must not end up in a password.
const ESCAPE_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[O@-_]./gu;

/** Reads a line in raw mode without echo; Ctrl+C cancels (exit 130), never kills the terminal state. */
function readHidden(stdin: NodeJS.ReadStream, stderr: NodeJS.WritableStream, question: string): Promise<string> {
  stderr.write(question);
  const wasRaw = stdin.isRaw === true;
  stdin.setRawMode?.(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  let value = '';
  return new Promise<string>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(wasRaw);
      stdin.pause();
      stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk).replace(ESCAPE_SEQUENCE, '')) {
        if (ch === '\u0003') return finish(() => reject(new CancelledError('interrupted')));
        if (ch === '\u0004' && value === '') return finish(() => reject(new CancelledError('interrupted')));
        if (ch === '\r' || ch === '\n') return finish(() => resolve(value));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch === '\u0015') value = ''; // Ctrl+U, as in a shell
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
