// One line: who this session is. Overrides and an expiring session token are
// said in words near the start, so truncation on a narrow terminal keeps them.
import { Box, Text } from 'ink';
import { expiryState, parseApiTime, formatExpiry } from '../tokens';
import { useAppState, useNow } from '../ui/context';
import { describeSource } from '../config/context';
import { endpointHost, shortOrg } from '../ui/format';
import { GLYPH, theme } from '../ui/theme';

export function Header() {
  const { session, tokens } = useAppState();
  const now = useNow();
  const profile = session.profileName?.value;
  const warnings: string[] = [];
  if (session.credentialsGone) warnings.push('credentials gone');
  if (profile !== undefined && session.overriddenBy.length > 0) {
    warnings.push(`${session.overriddenBy.join(', ')} override${session.overriddenBy.length === 1 ? 's' : ''} profile ${profile}`);
  }
  // Exactly the server's word (token/current) where it has the route; else the list row guessed to be ours.
  const own = session.current ?? (session.tokenId === undefined ? undefined : tokens.items.find((t) => t.id === session.tokenId));
  if (own) {
    const expiresAt = parseApiTime(own['expires-at']);
    const state = expiryState(expiresAt, now);
    if (state === 'expiring') warnings.push(`session token expires ${formatExpiry(expiresAt, now)}`);
    if (state === 'expired') warnings.push(`session token ${formatExpiry(expiresAt, now)}`);
  }
  // Credentials from the active profile itself are said once: "profile work".
  const source = session.token?.source;
  const credsFromProfile = source?.kind === 'profile' && source.name === profile;
  // Most telling first: a narrow terminal cuts from the right.
  const parts = [
    profile === undefined ? 'no profile' : `profile ${profile}`,
    ...(credsFromProfile ? [] : [source ? `creds: ${describeSource(source)}` : 'no token']),
    session.organizationId ? `org ${shortOrg(session.organizationId.value)}` : 'no organization',
    endpointHost(session.endpoint.value),
  ];
  return (
    <Box height={1} width="100%">
      <Text wrap="truncate">
        {warnings.length === 0 && <Text bold color={theme.accent}>{'appclacks │ '}</Text>}
        {warnings.length > 0 && <Text color={theme.warning} bold>{`${GLYPH.warning} ${warnings.join('; ')} │ `}</Text>}
        <Text>{parts.join(' │ ')}</Text>
      </Text>
    </Box>
  );
}
