// `appclacks tui`: checks for a terminal, resolves who we are, starts the
// first token requests, draws a first frame without ink (firstFrame.ts), and
// only then loads ink and react (docs/terminal.md §16), so the network wait
// overlaps module loading and the screen is not blank meanwhile. The CLI
// reaches this file only through import(), so `appclacks token list` never
// loads ink.
import { createClient } from '../api/client';
import { resolveContext } from '../config/resolve';
import type { ConfigFlags, Env } from '../config/types';
import { ENV, envValue, warnsOfPlaintext } from '../config/env';
import { EXIT, UsageError } from '../errors';
import { isDebug, reportError } from '../report/report';
import { sizeOf } from '../state/layout';
import { prefetched, requestTokenAnswers, type Prefetched, type TokenAnswers } from '../state/tokenAnswers';
import { createTerminal, restoreOnSignal, type SignalSource } from './terminal';
import { applyNoColor, firstFrame } from './firstFrame';
import { DEFAULT_ESCAPE_TIMEOUT_MS, MAX_ESCAPE_TIMEOUT_MS, parseEscapeTimeout } from './keyStream';
import { sessionFromContext } from './session';
import type { Message } from '../state/types';
import { endpointHost } from '../ui/format';
import { withTerminalSafeAnswers } from './safe-answers';

/** The flags that take part in resolution, as for every CLI command, and --insecure-ok. */
export type TuiOptions = ConfigFlags & { insecureOk?: boolean };

/**
 * The UI sends the session's token at once and passwords later: over plain
 * http to another machine it says so on its message line (stderr is hidden
 * on the alternate screen), unless --insecure-ok or the variable is given.
 */
export function plaintextMessage(endpoint: string, env: Env, insecureOk: boolean): Message | undefined {
  if (!warnsOfPlaintext(endpoint, env, insecureOk)) return undefined;
  return {
    kind: 'error',
    text: `Plain http to ${endpointHost(endpoint)}: your token and password cross the network unencrypted`,
    hint: `use https, or set ${ENV.insecureOk}=1 if you mean it`,
  };
}

export interface TuiDeps {
  env: Env;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  clock?: () => number;
  /** Where SIGTERM and SIGHUP arrive; default the process. */
  signals?: SignalSource;
}

const CLOSE_GRACE_MS = 250;

export const NO_TTY_MESSAGE = 'error: the UI needs a terminal; use `appclacks token list` instead\n';

/** isRawModeSupported is undefined, not false, without a TTY (docs/terminal.md §9). */
export function canRunUi(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): boolean {
  const rawModeSupported = stdin.isTTY === true && typeof stdin.setRawMode === 'function';
  return rawModeSupported === true && stdout.isTTY === true;
}

export async function runTui(options: TuiOptions, deps: TuiDeps): Promise<number> {
  if (!canRunUi(deps.stdin, deps.stdout)) {
    deps.stderr.write(NO_TTY_MESSAGE);
    return EXIT.usage;
  }
  const { insecureOk = false, ...flags } = options;
  const escapeTimeout = parseEscapeTimeout(envValue(deps.env, ENV.escapeTimeoutMs));
  if (!escapeTimeout.ok) {
    const error = new UsageError(`${ENV.escapeTimeoutMs} must be a whole number of milliseconds from 0 to ${MAX_ESCAPE_TIMEOUT_MS}`, {
      hint: `unset it for the default (${DEFAULT_ESCAPE_TIMEOUT_MS}), or set it higher for a slow link, e.g. ${ENV.escapeTimeoutMs}=200`,
    });
    return reportError(error, deps.stderr, isDebug(deps.env));
  }
  let ctx;
  try {
    ctx = await resolveContext({ flags, env: deps.env });
  } catch (error) {
    return reportError(error, deps.stderr, isDebug(deps.env));
  }
  const api = withTerminalSafeAnswers(createClient({ endpoint: ctx.endpoint.value }));
  const plaintext = plaintextMessage(ctx.endpoint.value, deps.env, insecureOk);
  const session = sessionFromContext(ctx);
  let firstTokenAnswers: Prefetched<TokenAnswers> | undefined;
  if (session.organizationId && session.token) {
    firstTokenAnswers = prefetched(requestTokenAnswers(api, { organizationId: session.organizationId.value, token: session.token.value }));
  }
  // The first frame, before ink loads (src/tui/firstFrame.ts); from here on
  // every way out restores the terminal.
  applyNoColor(deps.env);
  const terminal = createTerminal(deps.stdout);
  terminal.enter();
  deps.stdout.write(firstFrame(session, sizeOf(deps.stdout)));
  const early = restoreOnSignal(terminal, deps.signals ?? process);
  try {
    const loaded = await Promise.race([import('./mount'), early.signalled]);
    if (typeof loaded === 'number') return loaded;
    const running = loaded.mountTui({
      ctx,
      flags,
      env: deps.env,
      api,
      session,
      terminal,
      stdin: deps.stdin,
      stdout: deps.stdout,
      stderr: deps.stderr,
      clock: deps.clock ?? Date.now,
      escapeTimeoutMs: escapeTimeout.ms,
      ...(plaintext && { messages: [plaintext] }),
      ...(firstTokenAnswers && { firstTokenAnswers }),
      ...(deps.signals && { signals: deps.signals }),
    });
    // mountTui has installed its own signal handlers by now (synchronously).
    early.stop();
    return await running;
  } finally {
    early.stop();
    terminal.restore();
    // A graceful close waits for requests in flight (up to the 15 s request
    // timeout against a hung server); the person already asked to quit.
    const grace = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
    await Promise.race([api.close().catch(() => undefined), grace]);
  }
}
