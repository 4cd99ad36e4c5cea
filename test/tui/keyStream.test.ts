// The KeyStream on its own: a fake terminal in, a fake clock for the escape
// timeout, and reads as ink makes them (read() until null on `readable`).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCAPE_TIMEOUT_MS, KeyStream, parseEscapeTimeout, splitKeys, type KeyStreamTimers } from '../../src/tui/keyStream';

const ESC = '\u001b';

class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  rawMode = false;
  paused = false;
  setRawMode(mode: boolean) {
    this.rawMode = mode;
  }
  resume() {
    this.paused = false;
  }
  pause() {
    this.paused = true;
  }
  write(data: string | Buffer) {
    this.emit('data', data);
  }
}

/** A clock that moves only when told, and ink's flush of a held escape run by hand. */
function fakeTimers() {
  let now = 0;
  let timers: Array<{ at: number; run: () => void }> = [];
  let inkFlushes: Array<() => void> = [];
  const api: KeyStreamTimers & { advance(ms: number): void; inkFlush(): void } = {
    after(ms, run) {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    afterInkFlush(run) {
      inkFlushes.push(run);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
    inkFlush() {
      const runs = inkFlushes;
      inkFlushes = [];
      for (const run of runs) run();
    },
  };
  return api;
}

/** A stream in raw mode, with what a reader like ink would get: each read(), in order. */
function setUp(escapeTimeoutMs?: number) {
  const terminal = new FakeTerminal();
  const timers = fakeTimers();
  const keys = new KeyStream(terminal, { timers, ...(escapeTimeoutMs !== undefined && { escapeTimeoutMs }) });
  const reads: string[] = [];
  const announced: string[] = [];
  keys.on('key', (bytes: string) => announced.push(bytes));
  keys.on('readable', () => {
    let key: string | null;
    while ((key = keys.read()) !== null) {
      // Announced before the reader gets it, so a router knows the bytes first.
      expect(announced.at(-1)).toBe(key);
      reads.push(key);
    }
  });
  keys.setRawMode(true);
  return { terminal, timers, keys, reads, announced };
}

describe('splitKeys cuts input into keys as ink 6 does', () => {
  it.each([
    ['\u001b[B', ['\u001b[B'], ''],
    ['abc', ['abc'], ''],
    ['ab\u001b[Ac', ['ab', '\u001b[A', 'c'], ''],
    ['\u001bOP', ['\u001bOP'], ''],
    ['\u001b[3~\u007f', ['\u001b[3~', '\u007f'], ''],
    ['\u001bj', ['\u001bj'], ''],
    ['\u001b\u001b[A', ['\u001b\u001b[A'], ''],
    ['\u001b[200~pasted\r\u001b[201~', ['\u001b[200~', 'pasted\r', '\u001b[201~'], ''],
    ['\u001b[[A', ['\u001b[[A'], ''],
    ['x\u001b', ['x'], '\u001b'],
    ['\u001b[', [], '\u001b['],
    ['text\u001b[20', ['text'], '\u001b[20'],
    ['\u001bO', [], '\u001bO'],
  ])('%j', (input, keys, unfinished) => {
    expect(splitKeys(input)).toEqual({ keys, unfinished });
  });
});

describe('the escape timeout', () => {
  it('joins ESC and [B that arrive 10 ms apart into one arrow key', () => {
    const { terminal, timers, reads } = setUp();
    terminal.write(ESC);
    timers.advance(10);
    expect(reads).toEqual([]);
    terminal.write('[B');
    expect(reads).toEqual(['\u001b[B']);
    timers.advance(1000);
    expect(reads).toEqual(['\u001b[B']);
  });

  it('joins a sequence cut in three, and a paste marker cut in its middle', () => {
    const { terminal, timers, reads } = setUp();
    terminal.write(ESC);
    timers.advance(5);
    terminal.write('[');
    timers.advance(5);
    terminal.write('A');
    terminal.write('\u001b[20');
    timers.advance(20);
    terminal.write('0~hello\u001b[201~');
    expect(reads).toEqual(['\u001b[A', '\u001b[200~', 'hello', '\u001b[201~']);
  });

  it('passes a lone Esc on once the timeout has passed, and not before', () => {
    const { terminal, timers, reads } = setUp();
    terminal.write(ESC);
    timers.advance(DEFAULT_ESCAPE_TIMEOUT_MS - 1);
    expect(reads).toEqual([]);
    timers.advance(1);
    expect(reads).toEqual([ESC]);
  });

  it('takes Esc then a letter typed within the timeout as Esc and the letter, not Alt+letter', () => {
    const { terminal, timers, reads } = setUp();
    terminal.write(ESC);
    timers.advance(10);
    terminal.write('j');
    expect(reads).toEqual([ESC]);
    // ink flushes the Esc it holds on its next turn; only then does j follow, on its own.
    timers.inkFlush();
    expect(reads).toEqual([ESC, 'j']);
  });

  it('takes two Esc presses as two', () => {
    const { terminal, timers, reads } = setUp();
    terminal.write(ESC);
    terminal.write(ESC);
    timers.inkFlush();
    timers.advance(DEFAULT_ESCAPE_TIMEOUT_MS);
    timers.inkFlush();
    expect(reads).toEqual([ESC, ESC]);
  });

  it('keeps an Esc, a key and an arrow in one read as they are', () => {
    const { terminal, reads } = setUp();
    terminal.write('\u001bj\u001b[B');
    expect(reads).toEqual(['\u001bj', '\u001b[B']);
  });

  it('holds nothing with a timeout of 0', () => {
    const { terminal, reads } = setUp(0);
    terminal.write(ESC);
    expect(reads).toEqual([ESC]);
  });

  it('hands over nothing after an unfinished key until ink has flushed it', () => {
    const { terminal, timers, keys, reads } = setUp();
    terminal.write(ESC);
    timers.advance(DEFAULT_ESCAPE_TIMEOUT_MS);
    terminal.write('q');
    expect(reads).toEqual([ESC]);
    expect(keys.read()).toBeNull();
    expect(keys.undelivered).toBe(1);
    timers.inkFlush();
    expect(reads).toEqual([ESC, 'q']);
    expect(keys.undelivered).toBe(0);
  });
});

describe('the stream ink reads', () => {
  it('hands over one key per read, each announced first with its bytes', () => {
    const { terminal, reads, announced } = setUp();
    terminal.write('\u007f\u001b[3~ab');
    expect(reads).toEqual(['\u007f', '\u001b[3~', 'ab']);
    expect(announced).toEqual(reads);
  });

  it('decodes UTF-8 split between reads', () => {
    const { terminal, reads } = setUp();
    const bytes = Buffer.from('é', 'utf8');
    terminal.write(bytes.subarray(0, 1));
    terminal.write(bytes.subarray(1));
    expect(reads).toEqual(['é']);
  });

  it('follows raw mode: reads while on, stops and pauses the terminal when off, forgetting a held Esc', () => {
    const { terminal, timers, keys, reads } = setUp();
    expect(terminal.rawMode).toBe(true);
    terminal.write(ESC);
    keys.setRawMode(false);
    expect(terminal.rawMode).toBe(false);
    expect(terminal.paused).toBe(true);
    expect(terminal.listenerCount('data')).toBe(0);
    timers.advance(1000);
    expect(reads).toEqual([]);
  });
});

describe('parseEscapeTimeout', () => {
  it('takes whole milliseconds from 0 to 2000, the default when unset', () => {
    expect(parseEscapeTimeout(undefined)).toEqual({ ok: true, ms: DEFAULT_ESCAPE_TIMEOUT_MS });
    expect(parseEscapeTimeout('0')).toEqual({ ok: true, ms: 0 });
    expect(parseEscapeTimeout('200')).toEqual({ ok: true, ms: 200 });
    for (const bad of ['-1', '1.5', '50ms', 'abc', '2001']) expect(parseEscapeTimeout(bad)).toEqual({ ok: false });
  });
});
