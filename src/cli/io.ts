// The terminal as commands see it. Real process streams in main, buffers in
// tests; TTY-ness is a plain flag so tests can switch it.

export interface IOStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The terminal's width when stdout is one: tables for people fit it; piped output is whole. */
  stdoutColumns?: number;
}

/** All of stdin as text, for --password-stdin: one trailing newline is not part of the secret. */
export async function readAllStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
