// The KeyStream's contract with ink, checked against the installed ink: each
// key it hands over in a read of its own becomes exactly one input event, so
// the bytes it announced are the bytes of the key the app's useInput sees.
// If a new ink cuts or joins keys differently, this fails naming its version.
import { readFileSync } from 'node:fs';
import { Text, useInput, type Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { renderInMemory } from '../helpers/memory-terminal';

// ink's exports do not include its package.json; read it from where node_modules keeps it.
const inkVersion = (JSON.parse(readFileSync(new URL('../../node_modules/ink/package.json', import.meta.url), 'utf8')) as { version: string }).version;

function Recorder({ events }: { events: Array<{ input: string; key: Key }> }) {
  useInput((input, key) => {
    events.push({ input, key });
  });
  return <Text>ready</Text>;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`ink ${inkVersion}: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe(`ink ${inkVersion} reads the KeyStream one input event per key`, () => {
  it('pairs every announced key with one useInput call, in order', async () => {
    const events: Array<{ input: string; key: Key }> = [];
    const announced: string[] = [];
    const app = renderInMemory(<Recorder events={events} />, { escapeTimeoutMs: 20 });
    app.keys.on('key', (bytes: string) => announced.push(bytes));
    await until(() => app.keys.listenerCount('readable') > 0, 'the input listener');

    const writes = ['\u007f', '\u001b[3~', 'abc', '\u001b[B', '\u001b[200~pasted text\r\u001b[201~', '\u001bOA', '\u001b', 'x', '\u001b', '[A'];
    for (const write of writes) {
      app.stdin.write(write);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await until(() => app.keys.undelivered === 0 && events.length >= announced.length && announced.length >= 11, 'every key');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const failure = `ink ${inkVersion} no longer makes one input event of each key the KeyStream hands it (src/tui/keyStream.ts): ` +
      `announced ${JSON.stringify(announced)}, events ${JSON.stringify(events.map((e) => e.input))}`;
    expect(events.length, failure).toBe(announced.length);
    expect(announced).toEqual(['\u007f', '\u001b[3~', 'abc', '\u001b[B', '\u001b[200~', 'pasted text\r', '\u001b[201~', '\u001bOA', '\u001b', 'x', '\u001b[A']);
    // What the app's router relies on ink to say about them.
    const [backspace, del, text, down, , pasted, , up, esc, x, upAgain] = events;
    expect(backspace!.key.delete || backspace!.key.backspace, failure).toBe(true);
    expect(del!.key.delete, failure).toBe(true);
    expect(text!.input).toBe('abc');
    expect(down!.key.downArrow).toBe(true);
    expect(pasted!.input).toBe('pasted text\r');
    expect(up!.key.upArrow).toBe(true);
    expect(esc!.key.escape).toBe(true);
    expect(x).toMatchObject({ input: 'x', key: { meta: false } });
    expect(upAgain!.key.upArrow).toBe(true);
    app.unmount();
  });
});
