// Colours are data, and only the 16 named ones (docs/terminal.md §12), so light and
// dark themes both work. Meaning never rides on colour alone: every coloured
// state also has a word or a glyph.
import type { ExpiryState } from '../tokens';

export const theme = {
  accent: 'cyan',
  danger: 'red',
  warning: 'yellow',
  ok: 'green',
} as const;

export const GLYPH = {
  selected: '›',
  default: '★',
  active: '●',
  warning: '⚠',
  expired: '✗',
  expiring: '!',
  valid: '✓',
  checked: '[x]',
  unchecked: '[ ]',
  cursor: '▏',
} as const;

export function expiryColor(state: ExpiryState): string {
  return state === 'expired' ? theme.danger : state === 'expiring' ? theme.warning : theme.ok;
}

export function expiryGlyph(state: ExpiryState): string {
  return state === 'expired' ? GLYPH.expired : state === 'expiring' ? GLYPH.expiring : GLYPH.valid;
}
