// Everything that needs ink and react, loaded by run.ts with import() once the
// first request is under way. Owns the terminal until the promise settles.
import { EventEmitter } from 'node:events';
import { render, useStdout } from 'ink';
import { Component, useEffect, type ReactNode } from 'react';
import type { AppclacksApi } from '../api/types';
import type { ConfigFlags, Env, ResolvedContext } from '../config/types';
import { EXIT } from '../errors';
import { BUG_HINT, isDebug, oneLine } from '../report/report';
import { sizeOf } from '../state/layout';
import { terminalSafe } from '../text/terminal-text';
import { initialState } from '../state/reducer';
import { createStore } from '../state/store';
import type { Prefetched, TokenAnswers } from '../state/tokenAnswers';
import type { Message, SessionInput } from '../state/types';
import { App } from '../screens/App';
import { buildStoreDeps } from './deps';
import { CLEAR_SCREEN, redrawOnResize, withFrameCursorFix } from './frameCursorFix';
import { asInkStdin, KeyStream } from './keyStream';
import { applyNoColor } from './firstFrame';
import { createTerminal, onSignals, type SignalSource, type Terminal } from './terminal';

export interface MountOptions {
  ctx: ResolvedContext;
  flags: ConfigFlags;
  env: Env;
  api: AppclacksApi;
  session: SessionInput;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  clock: () => number;
  /** How long a lone ESC waits for the rest of a sequence (src/tui/keyStream.ts). */
  escapeTimeoutMs?: number;
  firstTokenAnswers?: Prefetched<TokenAnswers>;
  /** Shown on the message line at start, after the config file's notices (the plain-http warning). */
  messages?: readonly Message[];
  /** The terminal runTui has already put on the alternate screen, with its first frame. */
  terminal?: Terminal;
  /** Where SIGTERM and SIGHUP arrive; tests pass their own emitter. */
  signals?: SignalSource;
}

/** ink would draw its error box on the alternate screen, lost on restore (docs/terminal.md §5). */
class CrashGuard extends Component<{ onCrash: (error: unknown) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onCrash(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * Hands ink's own stdout writer to the mount: ink writes `data`, then draws
 * its last frame again in full, forgetting what it believed was on screen.
 */
function FrameWriter({ onWriter }: { onWriter: (write: (data: string) => void) => void }) {
  const { write } = useStdout();
  useEffect(() => onWriter(write), [write, onWriter]);
  return null;
}

export function mountTui(options: MountOptions): Promise<number> {
  const { stdout, stderr, env } = options;
  applyNoColor(env);
  const terminal = options.terminal ?? createTerminal(stdout);
  const keys = new KeyStream(options.stdin, options.escapeTimeoutMs === undefined ? {} : { escapeTimeoutMs: options.escapeTimeoutMs });
  const store = createStore(
    buildStoreDeps({
      ctx: options.ctx,
      flags: options.flags,
      env,
      api: options.api,
      clock: options.clock,
      writeTerminal: (sequence) => stdout.write(sequence),
      ...(options.firstTokenAnswers && { firstTokenAnswers: options.firstTokenAnswers }),
    }),
    initialState(options.session, sizeOf(stdout)),
  );
  for (const notice of options.ctx.notices) store.dispatch({ type: 'message/set', message: { kind: 'info', text: notice } });
  for (const text of options.ctx.warnings) store.dispatch({ type: 'message/set', message: { kind: 'error', text } });
  for (const message of options.messages ?? []) store.dispatch({ type: 'message/set', message });
  // Before the first render: when the list has already arrived (it was asked
  // for before ink loaded), the first frame shows it rather than "loading…".
  void store.effects.loadTokens();

  return new Promise<number>((resolve) => {
    let finished = false;
    let instance: ReturnType<typeof render> | undefined;
    const signals = options.signals ?? process;

    const finish = (code: number, error?: unknown) => {
      if (finished) return;
      finished = true;
      stopResize();
      try {
        instance?.unmount();
      } catch {
        // Unmounting a crashed tree may throw; the terminal is restored regardless.
      }
      keys.dispose();
      terminal.restore();
      if (error !== undefined) {
        // On the normal screen now, where it stays readable; a bug, so it says how to report it.
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        stderr.write(`error: the UI crashed: ${oneLine(text)}\n`);
        if (isDebug(env) && error instanceof Error && error.stack) stderr.write(`${error.stack.split('\n').map(terminalSafe).join('\n')}\n`);
        else stderr.write(`hint: ${BUG_HINT}\n`);
      }
      // Our signal handlers stay until the signal that may have called us
      // has reached its other listeners: ink's signal-exit (which unmount
      // just unsubscribed) re-raises a signal when it sees no other listener
      // left, and that would kill the process before it exits with `code`.
      // With the config file's lock loaded, signal-exit was registered first
      // and hid this; the lock now loads only to change the file.
      setImmediate(() => {
        stopSignals();
        resolve(code);
      });
    };

    // SIGINT only arrives from `kill`: in raw mode Ctrl+C is a key.
    const stopSignals = onSignals(signals, (exitCode) => finish(exitCode));

    // Every resize redraws the whole frame (src/tui/frameCursorFix.ts).
    const heldResize = new EventEmitter();
    let writeFrame: ((data: string) => void) | undefined;
    const stopResize = redrawOnResize(stdout, {
      onSize: () => store.dispatch({ type: 'resize', size: sizeOf(stdout) }),
      redraw: () => {
        if (finished) return;
        // ink's listener renders the committed tree unthrottled, so the frame
        // writeFrame draws again is the one at the new size.
        heldResize.emit('resize');
        writeFrame?.(CLEAR_SCREEN);
      },
    });

    terminal.enter();
    try {
      instance = render(
        <CrashGuard onCrash={(error) => setImmediate(() => finish(EXIT.failure, error))}>
          {/* Ctrl+C marks the state interrupted before it exits: 130, as the CLI documents; q is 0. */}
          <App store={store} clock={options.clock} keyBytes={keys} onExit={() => finish(store.getState().interrupted ? EXIT.interrupted : EXIT.ok)} />
          <FrameWriter onWriter={(write) => (writeFrame = write)} />
        </CrashGuard>,
        {
          stdin: asInkStdin(keys),
          // The first frame clears what runTui drew before ink (firstFrame.ts).
          stdout: withFrameCursorFix(stdout, { resizeEvents: heldResize, clearFirstFrame: true }),
          stderr,
          // Ctrl+C goes through the keymap, so the same restore runs for it as for q.
          exitOnCtrlC: false,
          patchConsole: false,
          incrementalRendering: true,
        },
      );
    } catch (error) {
      finish(EXIT.failure, error);
      return;
    }
    instance.waitUntilExit().then(
      () => finish(EXIT.ok),
      (error: unknown) => finish(EXIT.failure, error),
    );
  });
}
