// In-process deps for runCli: buffers for the streams, a TTY switch, a
// scripted prompter that records what it was asked.
import { PassThrough, Readable } from 'node:stream';
import type { BaseDeps } from '../../../src/cli/deps';
import type { Prompter, PromptSpec } from '../../../src/cli/prompter';
import { UsageError } from '../../../src/errors';

export type Answer = string | boolean | Error;

export interface BufferDeps {
  base: BaseDeps;
  stdout(): string;
  stderr(): string;
  /** Messages of the prompts asked, in order. */
  asked: string[];
}

function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

export function scriptedPrompter(answers: Answer[], asked: string[], isTTY: boolean): Prompter {
  const next = async (spec: PromptSpec): Promise<Answer> => {
    if (!isTTY) throw new UsageError(`cannot ask: ${spec.message}`, { hint: spec.instead });
    asked.push(spec.message);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`unexpected prompt: ${spec.message}`);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return {
    text: async (spec) => String(await next(spec)),
    password: async (spec) => String(await next(spec)),
    confirm: async (spec) => (await next(spec)) === true,
  };
}

/** `columns`: the terminal's width when `tty` (a size is the one thing a buffer cannot have). */
export function bufferDeps(options: { env: Record<string, string>; tty?: boolean; columns?: number; answers?: Answer[]; input?: string; now?: number }): BufferDeps {
  const out = sink();
  const err = sink();
  const asked: string[] = [];
  const tty = options.tty ?? false;
  return {
    base: {
      io: {
        stdin: Readable.from(options.input === undefined ? [] : [options.input]) as unknown as NodeJS.ReadStream,
        stdout: out.stream,
        stderr: err.stream,
        stdinIsTTY: tty,
        stdoutIsTTY: tty,
        ...(tty && options.columns !== undefined && { stdoutColumns: options.columns }),
      },
      env: options.env,
      clock: () => options.now ?? Date.now(),
      prompter: scriptedPrompter(options.answers ?? [], asked, tty),
    },
    stdout: out.text,
    stderr: err.text,
    asked,
  };
}
