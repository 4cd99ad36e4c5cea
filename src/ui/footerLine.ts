// The footer's one line: as many key hints as the width holds, most used
// first, and the pinned ones (`?` help, Esc back) always, at the end, so
// narrowing the window never takes away the way to help or the way back.
import type { KeyBinding } from '../keys/keymap';
import { hint } from '../keys/keymap';
import { displayWidth } from '../text/terminal-width';

const GAP = '  ';

export function footerLine(bindings: readonly KeyBinding[], columns: number): string {
  const text = (b: KeyBinding) => {
    const h = hint(b);
    return `${h.keys} ${h.label}`;
  };
  const pinned = bindings.filter((b) => b.pinned).map(text);
  let room = columns - displayWidth(pinned.join(GAP));
  const shown: string[] = [];
  for (const b of bindings) {
    if (b.pinned) continue;
    const cost = displayWidth(text(b)) + (pinned.length > 0 || shown.length > 0 ? GAP.length : 0);
    // Skipping one that does not fit lets a shorter one after it still be shown.
    if (cost > room) continue;
    shown.push(text(b));
    room -= cost;
  }
  return [...shown, ...pinned].join(GAP);
}
