// What this session authenticates with. Switching profiles replaces it whole;
// the rest only learns facts about it (its token was deleted, which token it is).
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
      return { ...session, tokenId: action.tokenId };
    default:
      return session;
  }
};
