// The page stack (k9s style: the last screen is on top, the stack is never
// empty) and the help overlay over it. Opening or leaving a screen closes the
// help, and so does a question that must be seen.
import { selectedToken } from '../selectors';
import type { ScreenId, State } from '../types';
import type { SliceReducer } from './slice';

export type Navigation = Pick<State, 'screens' | 'helpOpen'>;

export function initialNavigation(): Navigation {
  return { screens: ['list'], helpOpen: false };
}

const showing = (screens: ScreenId[]): Navigation => ({ screens, helpOpen: false });

export const navigationReducer: SliceReducer<Navigation> = (nav, action, root) => {
  const push = (screen: ScreenId) => showing([...nav.screens, screen]);
  switch (action.type) {
    case 'screen/push':
      return push(action.screen);
    case 'screen/pop':
      return nav.screens.length > 1 ? showing(nav.screens.slice(0, -1)) : nav;
    case 'screen/replace':
      return showing([...nav.screens.slice(0, -1), action.screen]);
    case 'detail/open':
      return selectedToken(root) ? push('detail') : nav;
    case 'wizard/start':
    case 'wizard/start-rotate':
      return push('wizard');
    case 'add-profile/start':
      return push('add-profile');
    case 'wizard/created':
    case 'wizard/rotated':
      // The secret is shown once, so the result step comes to the front whatever is open.
      return showing([...nav.screens.filter((s) => s !== 'wizard'), 'wizard']);
    case 'help/toggle':
      return { ...nav, helpOpen: !nav.helpOpen };
    case 'help/close':
    case 'dialog/open-leave-wizard':
    case 'dialog/open-leave-result':
    case 'dialog/open-bulk-delete':
    case 'dialog/open-rotate':
      return nav.helpOpen ? { ...nav, helpOpen: false } : nav;
    default:
      return nav;
  }
};
