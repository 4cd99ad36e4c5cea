// Every profile of the config file; the default and the active one are marked
// in words and glyphs, tokens are masked.
import { Box, Text } from 'ink';
import type { Profile } from '../config/types';
import { MASK, maskToken } from '../config/mask';
import { listViewportRows } from '../state/layout';
import { displayWidth } from '../terminal-width';
import { useAppState } from '../ui/context';
import { cell, fit, fitMiddle, shortOrg, windowStart } from '../ui/format';
import { GLYPH, theme } from '../ui/theme';
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
  const longest = Math.max(MIN_NAME, ...profiles.map((p) => displayWidth(p.name)));
  const orgRoom = room - longest - displayWidth(ORG_LABEL);
  if (orgRoom >= MIN_ORG) return { name: longest, org: orgRoom };
  return { name: Math.max(MIN_NAME, Math.min(longest, room)), org: 0 };
}

export function ProfilePicker() {
  const state = useAppState();
  const { profiles, session } = state;
  const viewport = Math.max(1, listViewportRows(state.size) - 1);
  const start = windowStart(profiles.selection, profiles.items.length, viewport);
  const active = session.profileName?.value;
  const widths = profileColumns(profiles.items, state.size.columns);
  // The token's expiry goes last, only where the organization ID leaves it room.
  const expiryFits = widths.org - displayWidth(shortOrg(session.organizationId?.value ?? 'x'.repeat(36))) > PROFILE_EXPIRY_WIDTH + 1;
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
        {profiles.items.slice(start, start + viewport).map((profile, i) => {
          const selected = start + i === profiles.selection;
          const isDefault = profile.name === profiles.defaultProfile;
          const isActive = profile.name === active;
          return (
            <Box key={profile.name} height={1}>
              <Text wrap="truncate" inverse={selected}>
                <Text bold={selected}>{selected ? `${GLYPH.selected} ` : '  '}</Text>
                <Text bold>{cell(fitMiddle(profile.name, widths.name), widths.name)} </Text>
                <Text color={theme.accent}>{isDefault ? DEFAULT_MARK : ' '.repeat(displayWidth(DEFAULT_MARK))}</Text>
                <Text color={theme.ok}>{isActive ? ACTIVE_MARK : ' '.repeat(displayWidth(ACTIVE_MARK))}</Text>
                {profile.problems?.length ? (
                  // An incomplete profile has no token to mask: say so rather than show ••••.
                  <Text color={theme.warning}>{cell(`${GLYPH.warning} incomplete`, TOKEN_WIDTH)}</Text>
                ) : (
                  <Text>{cell(`token ${maskToken(profile.apiToken)}`, TOKEN_WIDTH)}</Text>
                )}
                {widths.org > 0 && <Text>{`${ORG_LABEL}${fit(shortOrg(profile.organizationId), widths.org)}`}</Text>}
                {expiryFits && <Text>{'  '}<ProfileTokenExpiry name={profile.name} /></Text>}
              </Text>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
