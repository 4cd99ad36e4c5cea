// Terminal-like streams for runTui: TTY flags, raw mode, size and a record of writes.
import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  chunks: string[] = [];
  write = (chunk: string | Uint8Array) => {
    this.chunks.push(String(chunk));
    return true;
  };
  get text(): string {
    return this.chunks.join('');
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  constructor(tty = true) {
    super();
    this.isTTY = tty;
    if (!tty) (this as { setRawMode?: unknown }).setRawMode = undefined;
  }
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  write(data: string) {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
}

export const asRead = (s: FakeStdin) => s as unknown as NodeJS.ReadStream;
export const asWrite = (s: FakeStdout) => s as unknown as NodeJS.WriteStream;
