// ink rendered into memory, as ink-testing-library does, but reading keys the
// way the real UI does: through a KeyStream (src/tui/keyStream.ts) over a fake
// terminal, so the raw bytes of each key reach the app as in a real terminal.
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { ReactElement } from 'react';
import { asInkStdin, KeyStream, type KeyStreamOptions } from '../../src/tui/keyStream';

/** The terminal's output side: every frame in full (ink's debug mode), 100 columns. */
class MemoryStdout extends EventEmitter {
  frames: string[] = [];
  get columns(): number {
    return 100;
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = (): string | undefined => this.frames.at(-1);
}

/** The terminal's input side: what a test writes arrives as one read. */
export class FakeTerminalInput extends EventEmitter {
  readonly isTTY = true;
  rawMode = false;
  setRawMode(mode: boolean): void {
    this.rawMode = mode;
  }
  write(data: string): void {
    this.emit('data', data);
  }
}

/** `tree` is given the stream ink reads, to hand to an App as its keyBytes. */
export function renderInMemory(tree: ReactElement | ((keys: KeyStream) => ReactElement), options: KeyStreamOptions = {}) {
  const stdout = new MemoryStdout();
  const stderr = new MemoryStdout();
  const stdin = new FakeTerminalInput();
  const keys = new KeyStream(stdin, options);
  const instance = render(typeof tree === 'function' ? tree(keys) : tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: asInkStdin(keys),
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    stdin,
    keys,
    stdout,
    lastFrame: stdout.lastFrame,
    unmount: () => {
      instance.unmount();
      keys.dispose();
    },
  };
}
