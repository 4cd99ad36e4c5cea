// The stdin the UI hands to ink's render(): the terminal's bytes, cut into
// keys, with an escape timeout, and each key announced before ink parses it.
//
// Why an adapter rather than the terminal itself:
// - A slow link (SSH, mosh, a serial console) can deliver an arrow key's
//   `ESC` and `[B` in two reads. ink parses each read on its own, so it would
//   see Esc (back) and then typed text. Terminals solve this with an escape
//   timeout (vim's `ttimeoutlen`, tmux's `escape-time`): a lone `ESC` at the
//   end of a read is held that long and joined with what follows when that
//   continues a sequence (`[` or `O`); otherwise it is passed on as Esc.
// - ink names Backspace (\x7f) and Delete (ESC[3~) alike, and passes the
//   bracketed-paste markers on as keys. The app needs the bytes behind each
//   key, and ink offers them only on a private emitter. Here every key is
//   handed to ink in a read() of its own, and announced on this stream's
//   public `key` event first, so the bytes of the key ink is about to parse
//   are known without touching ink's internals.
//
// Cutting follows ink's own parser (CSI, SS3, ESC+character, runs of plain
// text), so that ink makes exactly one input event of each read; a test
// (test/tui/keyStream.ink.test.tsx) fails naming the ink version if a new ink
// cuts differently.
import { EventEmitter } from 'node:events';
import { StringDecoder } from 'node:string_decoder';

const ESC = '\u001b';

/** vim's and tmux's defaults are 50 and 500 ms; a typed key never arrives split, so short is enough. */
export const DEFAULT_ESCAPE_TIMEOUT_MS = 50;
export const MAX_ESCAPE_TIMEOUT_MS = 2000;

export interface SplitKeys {
  /** Complete keys, each one input event for ink. */
  keys: string[];
  /** An escape sequence not finished at the end of the input ('' when none). */
  unfinished: string;
}

const isCsiParameterOrIntermediate = (c: number) => c >= 0x20 && c <= 0x3f;
const isFinal = (c: number) => c >= 0x40 && c <= 0x7e;

/** The end of the CSI or SS3 sequence whose introducer is at `at`; -1 when unfinished, undefined when none. */
function sequenceEnd(input: string, at: number): number | undefined {
  const kind = input[at];
  if (kind === undefined) return -1;
  if (kind === 'O') {
    if (at + 1 >= input.length) return -1;
    return isFinal(input.charCodeAt(at + 1)) ? at + 2 : undefined;
  }
  if (kind !== '[') return undefined;
  for (let i = at + 1; i < input.length; i++) {
    const c = input.charCodeAt(i);
    // Legacy function keys (ESC[[A) repeat the bracket.
    if (isCsiParameterOrIntermediate(c) || (c === 0x5b && i === at + 1)) continue;
    return isFinal(c) ? i + 1 : undefined;
  }
  return -1;
}

/** Cuts terminal input into keys as ink 6 does; an unfinished escape sequence at the end is returned apart. */
export function splitKeys(input: string): SplitKeys {
  const keys: string[] = [];
  let index = 0;
  while (index < input.length) {
    const esc = input.indexOf(ESC, index);
    if (esc === -1) {
      keys.push(input.slice(index));
      break;
    }
    if (esc > index) keys.push(input.slice(index, esc));
    // ESC ESC [ ... is Alt with an arrow; ESC ESC alone is Alt+Esc.
    const prefix = input[esc + 1] === ESC ? 2 : 1;
    const end = sequenceEnd(input, esc + prefix);
    if (end === -1) return { keys, unfinished: input.slice(esc) };
    if (end !== undefined) {
      keys.push(input.slice(esc, end));
      index = end;
      continue;
    }
    if (prefix === 2) {
      keys.push(input.slice(esc, esc + 2));
      index = esc + 2;
      continue;
    }
    // ESC and one character (a whole code point): Alt+key.
    const next = input.codePointAt(esc + 1)!;
    index = esc + 1 + (next > 0xffff ? 2 : 1);
    keys.push(input.slice(esc, index));
  }
  return { keys, unfinished: '' };
}

/** Whether ink would hold this key back as the start of a sequence (and flush it on the next tick). */
function isUnfinished(key: string): boolean {
  return splitKeys(key).unfinished !== '';
}

/** What the adapter reads from: the process's stdin, or a test's fake terminal. */
export interface KeySource {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  off(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  resume?(): unknown;
  pause?(): unknown;
  ref?(): unknown;
  unref?(): unknown;
}

export interface KeyStreamTimers {
  /** Runs `run` after `ms`; returns a function that cancels it. */
  after(ms: number, run: () => void): () => void;
  /** Runs `run` once ink has flushed an escape it held (ink flushes on setImmediate). */
  afterInkFlush(run: () => void): void;
}

const realTimers: KeyStreamTimers = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
  // ink schedules its flush with setImmediate after the read that gave it the
  // escape; an immediate queued from inside that read runs before ink's, so
  // the release waits one more turn.
  afterInkFlush: (run) => void setImmediate(() => setImmediate(run)),
};

export interface KeyStreamOptions {
  escapeTimeoutMs?: number;
  timers?: KeyStreamTimers;
}

/**
 * A readable stream for ink (`render({ stdin })`): ink calls setRawMode,
 * listens for `readable` and calls read() until null; everything else is the
 * source's. Its own event, `key` (bytes: string), gives every key's exact
 * bytes just before ink reads and parses it.
 */
export class KeyStream extends EventEmitter {
  readonly isTTY: boolean;
  private readonly source: KeySource;
  private readonly escapeTimeoutMs: number;
  private readonly timers: KeyStreamTimers;
  private readonly decoder = new StringDecoder('utf8');
  private readonly queue: string[] = [];
  /** An unfinished sequence at the end of the last read, waiting for the rest. */
  private held = '';
  private cancelHeld: (() => void) | undefined;
  /** After ink was given an unfinished key: nothing more until ink has flushed it, or ink would join them. */
  private waitingForInk = false;
  private reading = false;

  constructor(source: KeySource, options: KeyStreamOptions = {}) {
    super();
    this.source = source;
    this.isTTY = source.isTTY === true;
    this.escapeTimeoutMs = options.escapeTimeoutMs ?? DEFAULT_ESCAPE_TIMEOUT_MS;
    this.timers = options.timers ?? realTimers;
  }

  setRawMode(mode: boolean): this {
    this.source.setRawMode?.(mode);
    if (mode && !this.reading) {
      this.reading = true;
      this.source.on('data', this.onData);
      this.source.resume?.();
    } else if (!mode && this.reading) {
      this.reading = false;
      this.source.off('data', this.onData);
      this.source.pause?.();
      this.dropHeld();
    }
    return this;
  }

  /** Keys are already strings (decoded here, split UTF-8 sequences included). */
  setEncoding(): this {
    return this;
  }

  ref(): this {
    this.source.ref?.();
    return this;
  }

  unref(): this {
    this.source.unref?.();
    return this;
  }

  /** Keys received and not yet handed to ink (a held escape is not one: it waits for more input). */
  get undelivered(): number {
    return this.queue.length;
  }

  /** One key per call, so that ink makes one input event of it. */
  read(): string | null {
    if (this.waitingForInk) return null;
    const key = this.queue.shift();
    if (key === undefined) return null;
    this.emit('key', key);
    if (isUnfinished(key)) {
      this.waitingForInk = true;
      this.timers.afterInkFlush(() => {
        this.waitingForInk = false;
        this.announce();
      });
    }
    return key;
  }

  /** Stops reading and forgets a held escape; the source itself stays open. */
  dispose(): void {
    this.setRawMode(false);
    this.queue.length = 0;
  }

  private readonly onData = (chunk: string | Buffer): void => {
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (text === '') return;
    if (this.held !== '') {
      this.cancelHeld?.();
      this.cancelHeld = undefined;
      // A lone Esc followed by a plain key is Esc and then that key, not Alt+key:
      // only the rest of a sequence is joined to it.
      const continues = this.held !== ESC || text[0] === '[' || text[0] === 'O';
      if (continues) text = this.held + text;
      else this.queue.push(this.held);
      this.held = '';
    }
    const { keys, unfinished } = splitKeys(text);
    // One by one: a pasted chunk can hold any number of keys (no spread into arguments).
    for (const key of keys) this.queue.push(key);
    if (unfinished !== '') {
      if (this.escapeTimeoutMs <= 0) this.queue.push(unfinished);
      else {
        this.held = unfinished;
        this.cancelHeld = this.timers.after(this.escapeTimeoutMs, this.releaseHeld);
      }
    }
    this.announce();
  };

  /** The timeout passed: what was held is a key on its own (Esc, most often). */
  private readonly releaseHeld = (): void => {
    this.cancelHeld = undefined;
    if (this.held === '') return;
    this.queue.push(this.held);
    this.held = '';
    this.announce();
  };

  private dropHeld(): void {
    this.cancelHeld?.();
    this.cancelHeld = undefined;
    this.held = '';
  }

  private announce(): void {
    if (this.queue.length > 0 && !this.waitingForInk) this.emit('readable');
  }
}

/** The stream ink reads, as the type render() declares. */
export function asInkStdin(keys: KeyStream): NodeJS.ReadStream {
  return keys as unknown as NodeJS.ReadStream;
}

/** Parses the escape timeout's setting: whole milliseconds, 0 to turn holding off. */
export function parseEscapeTimeout(value: string | undefined): { ok: true; ms: number } | { ok: false } {
  if (value === undefined) return { ok: true, ms: DEFAULT_ESCAPE_TIMEOUT_MS };
  if (!/^\d+$/.test(value.trim())) return { ok: false };
  const ms = Number(value.trim());
  return ms <= MAX_ESCAPE_TIMEOUT_MS ? { ok: true, ms } : { ok: false };
}
