// The input components on their own, rendered with ink-testing-library: a text
// field (ink-text-input behind our adapter) and the choice list
// (ink-select-input with our indicator and the profile row). Key-driven tests
// of whole screens use the memory terminal (harness.tsx), which reads keys
// through the app's KeyStream as the real UI does.
import { render } from 'ink-testing-library';
import { useState, type ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Profile } from '../../src/config/types';
import { ChoiceList, type Choice } from '../../src/components/ChoiceList';
import { fieldWindow, TextField } from '../../src/components/TextField';
import { profileChoices, profileColumns, ProfileRow } from '../../src/screens/ProfilePicker';
import { Text } from 'ink';
import { StoreContext } from '../../src/ui/context';
import { fieldText } from '../../src/state/fieldText';
import { fakeStore } from '../helpers/ui-harness';

const LEFT = '\u001b[D';
const RIGHT = '\u001b[C';
const BACKSPACE = '\u007f';

afterEach(() => cleanup());

function withStore(tree: ReactElement, columns = 100) {
  const { store } = fakeStore({}, {}, { columns, rows: 24 });
  return <StoreContext.Provider value={store}>{tree}</StoreContext.Provider>;
}

/** A field whose store is a useState: onChange keeps what the slice rule keeps. */
function Field({ initial = '', hidden = false, onValue = (_: string) => undefined }: { initial?: string; hidden?: boolean; onValue?: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <TextField
      label="Name"
      value={value}
      focused
      hidden={hidden}
      placeholder="e.g. ci-deploy"
      onChange={(next) => {
        const kept = fieldText(next);
        setValue(kept);
        onValue(kept);
        return kept;
      }}
    />
  );
}

async function until(check: () => boolean, what: () => string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Writes one key once the last frame's effects ran (the component listens from then on), and waits for `expect`. */
async function press(app: ReturnType<typeof render>, key: string, expect: string): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  app.stdin.write(key);
  await until(() => (app.lastFrame() ?? '').includes(expect), () => `${JSON.stringify(expect)} in ${app.lastFrame()}`);
}

describe('fieldWindow', () => {
  it('shows everything that fits, cursor anywhere', () => {
    expect(fieldWindow('ci-deploy', 2, 20)).toEqual({ before: 'ci', after: '-deploy' });
  });

  it('keeps the cursor in sight in a long value, the cut ends marked', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    expect(fieldWindow(text, text.length, 11)).toEqual({ before: '…rstuvwxyz', after: '' });
    const start = fieldWindow(text, 0, 11);
    expect(start).toEqual({ before: '', after: 'abcdefghi…' });
    const middle = fieldWindow(text, 13, 11);
    expect(middle.before.startsWith('…')).toBe(true);
    expect(middle.before.endsWith('m')).toBe(true);
    expect(middle.after.startsWith('n')).toBe(true);
  });
});

describe('TextField (ink-text-input behind our adapter)', () => {
  it('draws the label, the placeholder when empty, and a cursor glyph that needs no colour', () => {
    const app = render(withStore(<Field />));
    expect(app.lastFrame()).toBe('› Name: ▏ e.g. ci-deploy');
  });

  it('types at its cursor: ← twice, a letter, → and Backspace', async () => {
    let last = '';
    const app = render(withStore(<Field onValue={(v) => (last = v)} />));
    await press(app, 'ci-dploy', 'ci-dploy▏');
    for (let i = 0; i < 4; i++) await press(app, LEFT, `ci-${'dploy'.slice(0, 4 - i)}▏${'dploy'.slice(4 - i)}`);
    await press(app, 'e', 'ci-de▏ploy');
    await press(app, RIGHT, 'ci-dep▏loy');
    await press(app, BACKSPACE, 'ci-de▏loy');
    expect(last).toBe('ci-deloy');
  });

  it('keeps its cursor at the start when ← is pressed past it, and types there', async () => {
    const name = 'i-deploy';
    const app = render(withStore(<Field initial={name} />));
    for (let at = name.length - 1; at >= 0; at--) await press(app, LEFT, `Name: ${name.slice(0, at)}▏${name.slice(at)}`);
    // Past the start: ink-text-input alone would put its cursor before the text
    // and the next letter before the last one ("i-deplocy").
    for (let i = 0; i < 3; i++) await press(app, LEFT, `Name: ▏${name}`);
    await press(app, 'c', 'Name: c▏i-deploy');
  });

  it('masks a password, and never draws what was typed', async () => {
    const app = render(withStore(<Field hidden />));
    await press(app, 'hunter2', '•••••••▏');
    await press(app, LEFT, '••••••▏•');
    expect(app.frames.join('\n')).not.toContain('hunter');
  });

  it('takes a pasted line with its breaks as one line, and no control characters', async () => {
    let last = '';
    const app = render(withStore(<Field onValue={(v) => (last = v)} />));
    await press(app, 'one\ntwo\u202e', 'one two▏');
    expect(last).toBe('one two');
  });

  it('shows the end of a value wider than the window, the cursor in sight', async () => {
    const app = render(withStore(<Field initial={'x'.repeat(60) + 'tail'} />, 40));
    await until(() => /› Name: …x*tail▏$/.test(app.lastFrame() ?? ''), () => app.lastFrame() ?? '');
    expect((app.lastFrame() ?? '').length).toBeLessThanOrEqual(40);
  });
});

const PROFILES: Profile[] = [
  { name: 'admin', organizationId: '8ecc1d0a-1111-2222-3333-444455556666', apiToken: 'apc_admin_secret_9f3a' },
  { name: 'ro', organizationId: '8ecc1d0a-1111-2222-3333-444455556666', apiToken: 'apc_ro_secret_77b1' },
  { name: 'broken', organizationId: '', apiToken: '', problems: ['no token'] } as unknown as Profile,
];

/** The picker's list on its own: a useState holds the selection, as the store does in the app. */
function Picker({ onUse = (_: number) => undefined, viewport = 3, count = PROFILES.length }: { onUse?: (i: number) => void; viewport?: number; count?: number }) {
  const [selection, setSelection] = useState(0);
  const profiles = count === PROFILES.length;
  const choices: Choice[] = profiles
    ? profileChoices(PROFILES, { widths: profileColumns(PROFILES, 100), defaultProfile: 'admin', active: 'ro' })
    : Array.from({ length: count }, (_, i) => ({ key: `p${i}`, label: `p${i}`, value: i }));
  return (
    <ChoiceList
      choices={choices}
      selection={selection}
      viewport={viewport}
      focused
      itemComponent={profiles ? ProfileRow : ({ label }) => <Text>{label}</Text>}
      onHighlight={setSelection}
      onMove={(delta) => setSelection((s) => Math.max(0, Math.min(count - 1, s + delta)))}
      onSelect={onUse}
    />
  );
}

describe('ChoiceList (ink-select-input with our indicator and rows)', () => {
  it('draws the profile rows: marks, masked tokens only, the incomplete one said in words', () => {
    const app = render(withStore(<Picker />));
    const frame = app.lastFrame() ?? '';
    expect(frame).toMatch(/^› admin\s+★ default\s+token ••••9f3a/m);
    expect(frame).toMatch(/^ {2}ro\s+● active token ••••77b1/m);
    expect(frame).toMatch(/^ {2}broken\s+⚠ incomplete/m);
    expect(frame).not.toContain('secret');
  });

  it('moves with j/k and the arrows, and stops at both ends instead of wrapping', async () => {
    const app = render(withStore(<Picker />));
    await press(app, 'k', '› admin');
    expect(app.lastFrame()).toMatch(/^› admin/m);
    await press(app, 'j', '› ro');
    await press(app, '\u001b[B', '› broken');
    await press(app, 'j', '› broken');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.lastFrame()).toMatch(/^› broken/m);
    await press(app, '\u001b[A', '› ro');
  });

  it('scrolls a window over a longer list rather than rotating it', async () => {
    const app = render(withStore(<Picker count={8} viewport={3} />));
    for (let i = 1; i < 8; i++) await press(app, 'j', `› p${i}`);
    expect((app.lastFrame() ?? '').split('\n').map((l) => l.trim())).toEqual(['p5', 'p6', '› p7']);
    await press(app, 'j', '› p7');
  });

  it('Enter picks the highlighted row, and 3 the third row shown', async () => {
    const used: number[] = [];
    const app = render(withStore(<Picker onUse={(i) => used.push(i)} />));
    await press(app, 'j', '› ro');
    await new Promise((resolve) => setImmediate(resolve));
    app.stdin.write('\r');
    await until(() => used.length === 1, () => 'Enter');
    await new Promise((resolve) => setImmediate(resolve));
    app.stdin.write('3');
    await until(() => used.length === 2, () => '3');
    expect(used).toEqual([1, 2]);
  });
});
