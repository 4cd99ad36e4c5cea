// Everything a command touches, built once per run and lazily: `--help`,
// `completion` and usage errors never read the config file or open a
// connection. The config parser (yaml, zod) and the HTTP client are
// imported only when first needed, which keeps them off the start-up path of
// those commands (see test/build). main() builds the process version; tests pass buffers, their
// own environment and a real local server.
import type { AppclacksApi } from '../api/types';
import type { ConfigStore } from '../config';
import { readProcessEnv } from '../config/env';
import type { ConfigFlags, Env, ResolvedContext } from '../config/types';
import { systemClock, type Clock } from '../tokens';
import type { IOStreams } from './io';
import { createTerminalPrompter, type Prompter } from './prompter';
import { oneLine } from '../errors/report';
import { terminalSafe } from '../text/terminal-text';

/** What exists before the command line is parsed. */
export interface BaseDeps {
  io: IOStreams;
  env: Env;
  clock: Clock;
  prompter: Prompter;
}

export interface CliDeps extends BaseDeps {
  /** Profile, credentials and endpoint with their sources; reads the config file on first use. */
  context(): Promise<ResolvedContext>;
  /** Changes the config file the context read. */
  configStore(): Promise<ConfigStore>;
  /** A client for the resolved endpoint. */
  api(): Promise<AppclacksApi>;
  /** Prints a warning line on stderr (`warning: ...`). */
  warn(message: string): void;
  /** Prints a status line on stderr; stdout carries only results. */
  say(message: string): void;
}

export interface DisposableCliDeps extends CliDeps {
  /** Closes what was opened (the client's connection pool). */
  dispose(): Promise<void>;
}

export function processBaseDeps(): BaseDeps {
  const io: IOStreams = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
  return {
    io,
    env: readProcessEnv(),
    clock: systemClock,
    prompter: createTerminalPrompter({ stdin: io.stdin, stderr: io.stderr, stdinIsTTY: io.stdinIsTTY }),
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

export function createCliDeps(base: BaseDeps, flags: ConfigFlags): DisposableCliDeps {
  const { io } = base;
  let client: AppclacksApi | undefined;

  const context = once(async () => {
    const { resolveContext } = await import('../config/resolve');
    const ctx = await resolveContext({ flags, env: base.env });
    for (const notice of ctx.notices) io.stderr.write(`note: ${notice}\n`);
    return ctx;
  });

  return {
    ...base,
    context,
    configStore: once(async () => {
      const { configStoreFor } = await import('../config/resolve');
      return configStoreFor(await context());
    }),
    api: once(async () => {
      const { createClient } = await import('../api/client');
      client = createClient({ endpoint: (await context()).endpoint.value });
      return client;
    }),
    warn: (message) => io.stderr.write(`warning: ${oneLine(message)}\n`),
    say: (message) => io.stderr.write(`${message.split('\n').map(terminalSafe).join('\n')}\n`),
    async dispose() {
      await client?.close();
    },
  };
}
