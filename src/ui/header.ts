// The header's words: who this session is. Overrides and an expiring session
// token are said near the start, so truncation on a narrow terminal keeps
// them. Drawn by components/Header.tsx, and by src/tui/firstFrame.ts before ink
// has loaded, so both say the same.
import type { APIToken } from '../api/schemas';
import { describeSource } from '../config/context';
import type { Session } from '../state/types';
import { expiryState, formatExpiry, parseApiTime } from '../tokens';
import { terminalSafe } from '../text/terminal-text';
import { endpointHost, shortOrg } from './format';
import { GLYPH } from './theme';

export interface HeaderText {
  /** "appclacks │ " in the accent colour, or the warnings in the warning colour. */
  lead: { text: string; warning: boolean };
  rest: string;
}

export type HeaderSession = Pick<Session, 'profileName' | 'overriddenBy' | 'token' | 'organizationId' | 'endpoint'> & { credentialsGone?: boolean };

/** `own`: this session's token, when known (its expiry is a warning). */
export function headerText(session: HeaderSession, own: APIToken | undefined, now: number): HeaderText {
  const profile = session.profileName?.value;
  const warnings: string[] = [];
  if (session.credentialsGone) warnings.push('credentials gone');
  if (profile !== undefined && session.overriddenBy.length > 0) {
    warnings.push(`${session.overriddenBy.join(', ')} override${session.overriddenBy.length === 1 ? 's' : ''} profile ${profile}`);
  }
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
  // Names and IDs come from a file or the environment, anyone's to write: shown, never obeyed.
  const lead = warnings.length === 0 ? { text: 'appclacks │ ', warning: false } : { text: terminalSafe(`${GLYPH.warning} ${warnings.join('; ')} │ `), warning: true };
  return { lead, rest: terminalSafe(parts.join(' │ ')) };
}
