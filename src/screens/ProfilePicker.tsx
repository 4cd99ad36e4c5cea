// Every profile of the config file; the default and the active one are marked
// in words and glyphs, tokens are masked. The list is an ink-select-input
// (ChoiceList): ↑/↓ and j/k move, Enter or 1–9 use a profile; ProfileRow
// draws a row's columns.
import { Box, Text } from 'ink';
import type { ItemProps } from 'ink-select-input';
import type { Profile } from '../config/types';
import { MASK, maskToken } from '../config/mask';
import { listViewportRows } from '../state/layout';
import { terminalSafe } from '../text/terminal-text';
import { displayWidth, widestCell } from '../text/terminal-width';
import { useAppState, useStore } from '../ui/context';
import { cell, fit, fitMiddle, shortOrg } from '../ui/format';
import { useProfile } from '../keys/flows';
import { GLYPH, theme } from '../ui/theme';
import { ChoiceList, type Choice } from '../components/ChoiceList';
import { PROFILE_EXPIRY_WIDTH, ProfileTokenExpiry } from './ProfileTokenExpiry';

const DEFAULT_MARK = `${GLYPH.default} default `;
const ACTIVE_MARK = `${GLYPH.active} active `;
/** A masked token shows at most its last four characters. */
const TOKEN_WIDTH = displayWidth(`token ${MASK}abcd`);
const ORG_LABEL = '  org ';
const MIN_NAME = 8;
/** Cells of the organization ID kept before names are cut ("8ecc…"). */
const MIN_ORG = 5;

interface ProfileColumns {
  name: number;
  /** Cells for the organization ID after `org `; 0 leaves the column out. */
  org: number;
}

/**
 * The name column fits the longest name. When the row does not fit, the
 * organization ID is cut first (down to MIN_ORG cells, then left out), and
 * only then the names. The selection mark, the default/active marks and the
 * masked token always keep their width.
 */
export function profileColumns(profiles: readonly Profile[], columns: number): ProfileColumns {
  const fixed = 2 + 1 + displayWidth(DEFAULT_MARK) + displayWidth(ACTIVE_MARK) + TOKEN_WIDTH;
  const room = columns - fixed;
  const longest = widestCell(profiles.map((p) => terminalSafe(p.name)), MIN_NAME);
  const orgRoom = room - longest - displayWidth(ORG_LABEL);
  if (orgRoom >= MIN_ORG) return { name: longest, org: orgRoom };
  return { name: Math.max(MIN_NAME, Math.min(longest, room)), org: 0 };
}

/** What every row shares: the column widths and which profiles carry a mark. */
/** What one row draws: its profile and the facts it is drawn with, carried by the item itself. */
export interface ProfileChoice extends Choice {
  profile: Profile;
  widths: ProfileColumns;
  defaultProfile?: string;
  active?: string;
  /** Room for each token's expiry after the organization (ProfileTokenExpiry). */
  expiryFits?: boolean;
}

/** The rows of the picker: ink-select-input hands each item's fields to the item component. */
export function profileChoices(
  profiles: readonly Profile[],
  facts: { widths: ProfileColumns; defaultProfile?: string | undefined; active?: string | undefined; expiryFits?: boolean },
): ProfileChoice[] {
  return profiles.map((profile, index) => ({
    key: profile.name,
    label: profile.name,
    value: index,
    profile,
    widths: facts.widths,
    ...(facts.defaultProfile !== undefined && { defaultProfile: facts.defaultProfile }),
    ...(facts.active !== undefined && { active: facts.active }),
    ...(facts.expiryFits !== undefined && { expiryFits: facts.expiryFits }),
  }));
}

/**
 * One profile's row, as ink-select-input's item component: it is handed the
 * item's fields (a ProfileChoice) and isSelected. A new column goes here and
 * in profileColumns.
 */
export function ProfileRow({ isSelected = false, ...item }: ItemProps) {
  const { profile, widths, defaultProfile, active, expiryFits } = item as unknown as ProfileChoice;
  const isDefault = profile.name === defaultProfile;
  const isActive = profile.name === active;
  return (
    <Box height={1}>
      <Text wrap="truncate" inverse={isSelected}>
        <Text bold>{cell(fitMiddle(terminalSafe(profile.name), widths.name), widths.name)} </Text>
        <Text color={theme.accent}>{isDefault ? DEFAULT_MARK : ' '.repeat(displayWidth(DEFAULT_MARK))}</Text>
        <Text color={theme.ok}>{isActive ? ACTIVE_MARK : ' '.repeat(displayWidth(ACTIVE_MARK))}</Text>
        {profile.problems?.length ? (
          // An incomplete profile has no token to mask: say so rather than show ••••.
          <Text color={theme.warning}>{cell(`${GLYPH.warning} incomplete`, TOKEN_WIDTH)}</Text>
        ) : (
          <Text>{cell(`token ${maskToken(profile.apiToken)}`, TOKEN_WIDTH)}</Text>
        )}
        {widths.org > 0 && <Text>{`${ORG_LABEL}${fit(shortOrg(terminalSafe(profile.organizationId)), widths.org)}`}</Text>}
        {expiryFits && <Text>{'  '}<ProfileTokenExpiry name={profile.name} /></Text>}
      </Text>
    </Box>
  );
}

export function ProfilePicker() {
  const state = useAppState();
  const store = useStore();
  const { profiles, session } = state;
  const viewport = Math.max(1, listViewportRows(state.size) - 1);
  const widths = profileColumns(profiles.items, state.size.columns);
  // The token's expiry goes last, only where the organization ID leaves it room.
  const expiryFits = widths.org - displayWidth(shortOrg(session.organizationId?.value ?? 'x'.repeat(36))) > PROFILE_EXPIRY_WIDTH + 1;
  const choices = profileChoices(profiles.items, { widths, defaultProfile: profiles.defaultProfile, active: session.profileName?.value, expiryFits });
  return (
    <Box flexDirection="column" width="100%">
      <Box height={1}>
        <Text wrap="truncate" bold color={theme.accent}>Profiles</Text>
      </Box>
      <Box height={1}>
        {session.overriddenBy.length > 0 ? (
          <Text wrap="truncate" color={theme.warning}>
            {`${GLYPH.warning} ${session.overriddenBy.join(', ')} set in the environment override${session.overriddenBy.length === 1 ? 's' : ''} the chosen profile's values`}
          </Text>
        ) : (
          <Text wrap="truncate" dimColor>{session.configPath}</Text>
        )}
      </Box>
      {profiles.status === 'loading' && profiles.items.length === 0 && <Text>Reading the config file…</Text>}
      {profiles.status === 'error' && profiles.error && (
        <Text wrap="truncate" color={theme.danger}>{`${profiles.error.text} ${profiles.error.hint ?? ''}`}</Text>
      )}
      {profiles.status === 'loaded' && profiles.items.length === 0 && (
        <Box flexDirection="column" paddingLeft={2}>
          <Text wrap="truncate">No profiles in the config file yet.</Text>
          <Text wrap="truncate">Press n to add one: it signs in with your account, as appclacks login does.</Text>
        </Box>
      )}
      <Box flexDirection="column" height={viewport}>
        <ChoiceList
          choices={choices}
          selection={profiles.selection}
          viewport={viewport}
          focused
          itemComponent={ProfileRow}
          onHighlight={(index) => store.dispatch({ type: 'profiles/highlight', index })}
          onMove={(delta) => store.dispatch({ type: 'profiles/move', delta })}
          onSelect={(index) => {
            store.dispatch({ type: 'profiles/highlight', index });
            useProfile({ store, state: store.getState(), input: '', exit: () => undefined });
          }}
        />
      </Box>
    </Box>
  );
}
