// What this session authenticates with. Switching profiles replaces it whole;
// the rest only learns facts about it (its token was deleted, which token it
// is: exactly from token/current, else guessed, see sessionToken.ts).
import type { Session, SessionInput } from '../types';
import type { SliceReducer } from './slice';

export function sessionFrom(input: SessionInput): Session {
  return { ...input, credentialsGone: false };
}

export const sessionReducer: SliceReducer<Session> = (session, action) => {
  switch (action.type) {
    case 'session/set':
      return sessionFrom(action.session);
    case 'session/gone':
      return { ...session, credentialsGone: true };
    case 'session/token-id':
      // A guess never replaces what the server said (token/current).
      return session.current !== undefined || session.tokenId === action.tokenId ? session : { ...session, tokenId: action.tokenId };
    case 'session/current':
      return { ...session, current: action.token, tokenId: action.token.id };
    default:
      return session;
  }
};
