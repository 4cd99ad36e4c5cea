// The parts of the wizard screen that a rotation adds: the line shown while
// it rotates (there is nothing to review), what became of the old token, and
// the offer to give the profile that held it the new one (Update is chosen
// first: that profile's old token no longer works).
import { Box, Text } from 'ink';
import type { State } from '../state/types';
import { absoluteTime } from '../ui/format';
import { GLYPH, theme } from '../ui/theme';
import { parseApiTime } from '../tokens';

export function RotateReview({ state }: { state: State }) {
  const w = state.wizard;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">{`Token:  ${w.rotating?.name ?? ''} (ID ${w.rotating?.id ?? ''})`}</Text>
      <Box height={1} />
      <Text bold wrap="truncate">
        {w.busy ? 'Rotating the token… only Ctrl+C acts until its new secret arrives.' : 'Press Enter to rotate the token, Esc to go back.'}
      </Text>
    </Box>
  );
}

export function RotatedLines({ state }: { state: State }) {
  const w = state.wizard;
  const token = w.result;
  if (!token) return null;
  const previous = w.previousExpiresAt;
  const old = w.rotating?.id ?? '';
  return (
    <>
      {/* The new ID before the name, which a narrow window cuts (the title names the token). */}
      <Text wrap="truncate" color={theme.ok}>{`${GLYPH.valid} Rotated: new ID ${token.id}, ${token.name}`}</Text>
      <Text wrap="truncate">
        {previous === null || previous === undefined
          ? `The old token ${old} is deleted.`
          : `The old token ${old} stays valid until ${absoluteTime(parseApiTime(previous))}.`}
      </Text>
    </>
  );
}

export function ProfileUpdateOfferView({ state }: { state: State }) {
  const offer = state.wizard.profileUpdate;
  if (!offer) return null;
  if (offer.done === 'updated') return <Text wrap="truncate" color={theme.ok}>{`${GLYPH.valid} Profile ${offer.profile} now uses the new token.`}</Text>;
  if (offer.done === 'kept') return <Text wrap="truncate" color={theme.warning}>{`${GLYPH.warning} Profile ${offer.profile} still holds the old token.`}</Text>;
  const choice = (value: 'update' | 'keep', label: string) => {
    const here = offer.choice === value;
    return (
      <Text wrap="truncate" bold={here} inverse={here}>{`${here ? GLYPH.selected : ' '} (${here ? '•' : ' '}) ${label}`}</Text>
    );
  };
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" bold>{`Profile ${offer.profile} signs in with the old token:`}</Text>
      {choice('update', `Update profile ${offer.profile} with the new token`)}
      {choice('keep', `Leave profile ${offer.profile} as it is`)}
    </Box>
  );
}
