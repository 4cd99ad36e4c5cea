// Drives the built program in a real pseudo-terminal and reads its screen
// through a headless xterm, so end-to-end tests see what a user would see:
// alternate screen, cursor visibility, reflow on resize, colours or none.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import * as pty from 'node-pty';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'appclacks.js');
const DIST_ENTRY = join(ROOT, 'dist', 'appclacks.js');
const BUILD_LOCK = '/tmp/appclacks-e2e-build.lock';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function distIsStale(): boolean {
  if (!existsSync(DIST_ENTRY)) return true;
  const built = statSync(DIST_ENTRY).mtimeMs;
  return newestMtime(join(ROOT, 'src')) > built || newestMtime(join(ROOT, 'scripts')) > built;
}

/**
 * Builds dist/ when it is missing or older than the sources. `npm test` builds
 * first, so this only costs time when a single file is run during development.
 * The lock keeps parallel test files from building over each other.
 */
export function ensureBuilt(): void {
  if (!distIsStale()) return;
  // Checked again under the lock: another file may have just built.
  const script = `[ -f dist/appclacks.js ] && [ -z "$(find src scripts -newer dist/appclacks.js -print -quit)" ] || npm run --silent build`;
  const options = { cwd: ROOT, stdio: 'pipe', timeout: 120_000 } as const;
  try {
    execFileSync('flock', [BUILD_LOCK, 'sh', '-c', script], options);
  } catch (error) {
    // No flock (macOS): build without the lock rather than not at all.
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    execFileSync('sh', ['-c', script], options);
  }
}

/**
 * The child's environment: only what a terminal session needs plus `extra`.
 * Never `CI` (ink stops drawing, docs/terminal.md §6), never the parent's
 * APPCLACKS_* or colour switches, so tests do not depend on who runs them.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    HOME: process.env.HOME,
    ...extra,
  };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined && key !== 'CI') env[key] = value;
  return env;
}

const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pgup: '\x1b[5~',
  pgdn: '\x1b[6~',
  home: '\x1b[H',
  end: '\x1b[F',
  enter: '\r',
  esc: '\x1b',
  space: ' ',
  backspace: '\x7f',
  delete: '\x1b[3~',
  tab: '\t',
  'shift-tab': '\x1b[Z',
  'ctrl-c': '\x03',
} as const satisfies Record<string, string>;

export type KeyName = keyof typeof KEYS;

export interface PtyExit {
  exitCode: number;
  signal: number | undefined;
}

export interface PtyOptions {
  /** Arguments after `node bin/appclacks.js` (or after `file`). */
  args: string[];
  /** Another program to run instead of the built appclacks (harness self-tests). */
  file?: string;
  cols?: number;
  rows?: number;
  /** Added to childEnv(); a value of undefined removes a variable. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export interface PtySession {
  /** Visible lines, trailing spaces trimmed, joined with newlines. */
  screen(): string;
  lines(): string[];
  /** Resolves with the screen once it contains `text`; rejects with the screen after `timeoutMs`. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves once the screen no longer contains `text`. */
  waitForNoText(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Polls `predicate` on the screen until it holds. */
  waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  /** A named key (up, pgdn, enter, esc, ctrl-c…) or literal text, sent after the keys before it. */
  press(key: KeyName | (string & {})): void;
  /** Types text one character per write, as a person would. */
  type(text: string): Promise<void>;
  /** Sends `parts` as separate writes `gapMs` apart, as a slow link delivers one key in pieces. */
  sendSplit(parts: readonly string[], gapMs: number): Promise<void>;
  /** Queued after the keys pressed before it, like press(). */
  resize(cols: number, rows: number): void;
  /** Queued after the keys pressed before it, like press(). */
  kill(signal?: NodeJS.Signals): void;
  readonly exited: Promise<PtyExit>;
  /** True while the terminal shows the alternate screen buffer. */
  isAlternateScreen(): boolean;
  /** From the last DECTCEM sequence (ESC[?25l / ESC[?25h) in the output; visible by default. */
  cursorVisible(): boolean;
  /** From the last ESC[?2004h / ESC[?2004l in the output; off by default. */
  bracketedPaste(): boolean;
  /** Everything the program wrote, escape sequences included. */
  output(): string;
  /** Resolves once the headless terminal has parsed everything received so far. */
  settle(): Promise<void>;
  /** Kills the child if still running and frees the terminal. */
  dispose(): Promise<void>;
}

const DEFAULT_WAIT_MS = 15_000;
const POLL_MS = 25;
/**
 * ink 6 takes whatever one read returns as one input event, so two keys that
 * arrive together ("\r" and "d") are neither Enter nor d. Keys are paced like
 * a quick typist's; tests still wait for each key's effect before relying on it.
 */
const KEY_GAP_MS = 40;
const CHAR_GAP_MS = 5;

export function spawnApp(options: PtyOptions): PtySession {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  const [file, args] = options.file ? [options.file, options.args] : [process.execPath, [BIN, ...options.args]];
  const child = pty.spawn(file, args, {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? ROOT,
    env: childEnv(options.env),
  });

  let raw = '';
  let exitInfo: PtyExit | undefined;
  let pending = Promise.resolve();
  let writes = Promise.resolve();
  let nextWriteAt = 0;
  // Keys, resizes and signals reach the child in the order the test gave them.
  const enqueue = (act: () => void, gapMs: number): Promise<void> => {
    writes = writes.then(async () => {
      const wait = nextWriteAt - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (!exitInfo) act();
      nextWriteAt = Date.now() + gapMs;
    });
    return writes;
  };
  const send = (data: string, gapMs: number) => enqueue(() => child.write(data), gapMs);
  child.onData((data) => {
    raw += data;
    pending = new Promise<void>((resolve) => terminal.write(data, resolve));
  });
  const exited = new Promise<PtyExit>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      exitInfo = { exitCode, signal: signal === 0 ? undefined : signal };
      // Let the last chunk reach the parser before anyone reads the screen.
      void pending.then(() => resolve(exitInfo as PtyExit));
    });
  });

  const lines = (): string[] => {
    const buffer = terminal.buffer.active;
    const result: string[] = [];
    for (let y = 0; y < terminal.rows; y++) {
      result.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true, 0, terminal.cols) ?? '');
    }
    return result;
  };
  const screen = (): string => lines().join('\n');

  const waitFor = async (predicate: (s: string) => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await pending;
      const current = screen();
      if (predicate(current)) return current;
      if (Date.now() > deadline) {
        const state = exitInfo ? ` (program exited: ${JSON.stringify(exitInfo)})` : '';
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state}; screen was:\n${current}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  const matches = (text: string | RegExp, s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));

  return {
    screen,
    lines,
    waitFor,
    waitForText: (text, timeoutMs) => waitFor((s) => matches(text, s), JSON.stringify(String(text)), timeoutMs),
    waitForNoText: (text, timeoutMs) =>
      waitFor((s) => !matches(text, s), `${JSON.stringify(String(text))} to disappear`, timeoutMs),
    press(key) {
      if (exitInfo) throw new Error(`cannot press ${key}: the program has exited`);
      void send((KEYS as Record<string, string>)[key] ?? key, KEY_GAP_MS);
    },
    async type(text) {
      const chars = [...text];
      await Promise.all(chars.map((char, i) => send(char, i === chars.length - 1 ? KEY_GAP_MS : CHAR_GAP_MS)));
    },
    async sendSplit(parts, gapMs) {
      if (exitInfo) throw new Error('cannot send: the program has exited');
      await Promise.all(parts.map((part, i) => send(part, i === parts.length - 1 ? KEY_GAP_MS : gapMs)));
    },
    resize(newCols, newRows) {
      void enqueue(() => {
        terminal.resize(newCols, newRows);
        child.resize(newCols, newRows);
      }, KEY_GAP_MS);
    },
    kill(signal = 'SIGTERM') {
      void enqueue(() => child.kill(signal), 0);
    },
    exited,
    isAlternateScreen: () => terminal.buffer.active.type === 'alternate',
    cursorVisible() {
      const hidden = raw.lastIndexOf('\x1b[?25l');
      const shown = raw.lastIndexOf('\x1b[?25h');
      return hidden === -1 || shown > hidden;
    },
    bracketedPaste() {
      return raw.lastIndexOf('\x1b[?2004h') > raw.lastIndexOf('\x1b[?2004l');
    },
    output: () => raw,
    settle: () => pending,
    async dispose() {
      if (!exitInfo) {
        child.kill('SIGKILL');
        await exited;
      }
      terminal.dispose();
    },
  };
}
