// One profile's token expiry for the profile picker, as the background fetch
// (token/current per profile) learns it. A cell of its own so a list item can
// render it beside the name, whatever draws the list.
import { Text } from 'ink';
import type { ProfileTokenInfo } from '../state/types';
import { expiryState, parseApiTime } from '../tokens';
import { useAppState, useNow } from '../ui/context';
import { cell, expiryText } from '../ui/format';
import { expiryColor, expiryGlyph, GLYPH, theme } from '../ui/theme';

/** Cells the column takes: "✗ expired 27d ago". */
export const PROFILE_EXPIRY_WIDTH = 18;

/** The words for what is known; empty while nothing is (a server without token/current). */
export function profileExpiryText(info: ProfileTokenInfo | undefined, now: number): { text: string; color?: string } {
  if (!info || info.status === 'unknown') return { text: '' };
  if (info.status === 'loading') return { text: '…' };
  if (info.status === 'refused') return { text: `${GLYPH.expired} refused`, color: theme.danger };
  const expiresAt = parseApiTime(info.expiresAt);
  const state = expiryState(expiresAt, now);
  return { text: `${expiryGlyph(state)} ${expiryText(expiresAt, now)}`, color: expiryColor(state) };
}

export function ProfileTokenExpiry({ name }: { name: string }) {
  const { profiles } = useAppState();
  const now = useNow();
  const { text, color } = profileExpiryText(profiles.tokens[name], now);
  return <Text color={color}>{cell(text, PROFILE_EXPIRY_WIDTH)}</Text>;
}
