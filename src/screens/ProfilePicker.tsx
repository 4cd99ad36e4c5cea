// Every profile of the config file; the default and the active one are marked
// in words and glyphs, tokens are masked.
import { Box, Text } from 'ink';
import { maskToken } from '../config/mask';
import { listViewportRows } from '../state/layout';
import { useAppState } from '../ui/context';
import { cell, shortOrg, windowStart } from '../ui/format';
import { GLYPH, theme } from '../ui/theme';

export function ProfilePicker() {
  const state = useAppState();
  const { profiles, session } = state;
  const viewport = Math.max(1, listViewportRows(state.size) - 1);
  const start = windowStart(profiles.selection, profiles.items.length, viewport);
  const active = session.profileName?.value;
  const nameWidth = Math.max(8, Math.min(24, ...profiles.items.map((p) => p.name.length)));
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
                <Text bold>{cell(profile.name, nameWidth)} </Text>
                <Text color={theme.accent}>{isDefault ? `${GLYPH.default} default ` : '          '}</Text>
                <Text color={theme.ok}>{isActive ? `${GLYPH.active} active ` : '         '}</Text>
                <Text>{`token ${maskToken(profile.apiToken)}  org ${shortOrg(profile.organizationId)}`}</Text>
              </Text>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
