// The API cannot say which token authenticated a request, so the UI works out
// which listed token is the session's own: an ID it learned itself (it created
// the token), else the official login's naming, `<profile>-cli`, when exactly
// one token has that name. Unknown is an acceptable answer: a delete that then
// makes the list answer 401 is still recognised as "credentials gone".
import type { APIToken } from '../api/schemas';
import type { Session } from './types';
import { loginTokenName } from '../flows/login';

export function findSessionTokenId(
  tokens: readonly APIToken[],
  session: Session,
  knownIds: ReadonlyMap<string, string>,
): string | undefined {
  if (session.token === undefined) return undefined;
  const known = knownIds.get(session.token.value);
  if (known !== undefined) return tokens.some((t) => t.id === known) ? known : undefined;
  if (session.token.source.kind !== 'profile' || session.profileName === undefined) return undefined;
  const loginName = loginTokenName(session.profileName.value);
  const matches = tokens.filter((t) => t.name === loginName);
  return matches.length === 1 ? matches[0]!.id : undefined;
}
