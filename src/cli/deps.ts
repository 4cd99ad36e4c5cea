// Everything a command touches, built once per run and lazily: `--help`,
// `completion` and usage errors never read the config file or open a
// connection. The config parser (yaml, zod) and the HTTP client (undici) are
// imported only when first needed, which keeps them off the start-up path of
// those commands (see test/build). main() builds the process version; tests pass buffers, their
// own environment and a real local server.
import type { AppclacksApi } from '../api/types';
import type { ConfigStore } from '../config';
import { ENV, readProcessEnv, warnsOfPlaintext } from '../config/env';
import type { ConfigFlags, Env, ResolvedContext } from '../config/types';
import { systemClock, type Clock } from '../tokens';
import type { IOStreams } from './io';
import { createTerminalPrompter, type Prompter } from './prompter';
import { oneLine } from '../report/report';
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
    ...(process.stdout.isTTY === true && process.stdout.columns > 0 && { stdoutColumns: process.stdout.columns }),
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

/**
 * Every call sends a password or a token. Over plain http to another machine
 * anyone on the path reads them, so the first call says so, once, unless the
 * user said they mean it. Decided on the endpoint alone (src/api/endpoint.ts).
 */
export function plaintextWarning(endpoint: string, env: Env, insecureOk: boolean): string | undefined {
  if (!warnsOfPlaintext(endpoint, env, insecureOk)) return undefined;
  return `${endpoint} is plain http: your password or token crosses the network unencrypted; use https, or pass --insecure-ok (or set ${ENV.insecureOk}=1) if you mean it`;
}

export function createCliDeps(base: BaseDeps, flags: ConfigFlags, options: { insecureOk?: boolean } = {}): DisposableCliDeps {
  const { io } = base;
  let client: AppclacksApi | undefined;

  const context = once(async () => {
    const { resolveContext } = await import('../config/resolve');
    const ctx = await resolveContext({ flags, env: base.env });
    for (const notice of ctx.notices) io.stderr.write(`note: ${oneLine(notice)}\n`);
    for (const warning of ctx.warnings) io.stderr.write(`warning: ${oneLine(warning)}\n`);
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
      const endpoint = (await context()).endpoint.value;
      const warning = plaintextWarning(endpoint, base.env, options.insecureOk === true);
      if (warning !== undefined) io.stderr.write(`warning: ${oneLine(warning)}\n`);
      client = createClient({ endpoint });
      return client;
    }),
    warn: (message) => io.stderr.write(`warning: ${oneLine(message)}\n`),
    // One line per call: a newline in a server's name must not start a line of its own (a fake `error:`).
    say: (message) => io.stderr.write(`${oneLine(message)}\n`),
    async dispose() {
      await client?.close();
    },
  };
}
