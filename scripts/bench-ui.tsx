// The token list's cost per key press with 10,000 tokens, as a ratio to the
// same list with 100: only the visible window is drawn, so the ratio should
// stay near 1 (docs/terminal.md §10 measured ~2.1 s per update when every
// row was drawn). Run by `npm run bench` through tsx; ink renders into
// ink-testing-library's in-memory terminal.
import { drive, fakeStore, KEY } from '../test/helpers/ui-harness';
import { tokens } from '../test/state/fixtures';

// Fewer presses than the small list has rows, so every press moves the selection.
const presses = Math.min(Number(process.argv[2] ?? 60), 99);

async function msPerPress(count: number): Promise<number> {
  const { store } = fakeStore();
  store.dispatch({ type: 'tokens/loaded', items: tokens(count) });
  const ui = await drive(store);
  await ui.waitFor(`${count} tokens · 1/${count}`);
  const start = process.hrtime.bigint();
  for (let i = 2; i <= presses + 1; i++) await ui.press(KEY.down, `${i}/${count}`);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / presses;
  ui.unmount();
  return ms;
}

await msPerPress(100); // warm-up: JIT and ink's first layouts
const small = await msPerPress(100);
const large = await msPerPress(10_000);
console.log(`\nUI token list, ${presses} presses of ↓ (ink, in-memory terminal 100x24)`);
console.log(`  ${'100 tokens (baseline)'.padEnd(34)} ${small.toFixed(2).padStart(6)} ms/press  x1.00`);
console.log(`  ${'10,000 tokens'.padEnd(34)} ${large.toFixed(2).padStart(6)} ms/press  x${(large / small).toFixed(2)}`);
