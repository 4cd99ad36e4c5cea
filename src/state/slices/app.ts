// What the whole app shows around the screens: the terminal size, the message
// line, the busy label, and whether Ctrl+C ended it. Slices that validate
// typing (wizard, login) also speak on the message line; reducer.ts merges
// what they say over what this slice decides.
import type { Message, State } from '../types';
import type { SliceReducer } from './slice';

export type AppStatus = Pick<State, 'size' | 'message' | 'busy' | 'interrupted'>;

export const appReducer: SliceReducer<AppStatus> = (app, action) => {
  switch (action.type) {
    case 'resize':
      return { ...app, size: action.size };
    case 'message/set':
      return { ...app, message: action.message };
    case 'message/clear':
      return app.message === undefined ? app : { ...app, message: undefined };
    case 'busy':
      return app.busy === action.label ? app : { ...app, busy: action.label };
    case 'app/interrupted':
      return { ...app, interrupted: true };
    default:
      return app;
  }
};

export function withMessage(app: AppStatus, say: Message | null | undefined): AppStatus {
  if (say === undefined) return app;
  const message = say ?? undefined;
  return app.message === message ? app : { ...app, message };
}

