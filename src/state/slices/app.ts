// What the whole app shows around the screens: the terminal size, the message
// line, the busy label, and whether Ctrl+C ended it. The message line is this
// slice's alone: effects set it with message/set, and for the two forms that
// check what is typed (the wizard, the add-profile form) it reads their rules
// (what Enter lacks, which typed character was refused) from their slices.
import type { Action, Message, State } from '../types';
import { addProfileNextProblem, addProfileReducer, addProfileTypingRefusal } from './addProfile';
import { error, type SliceReducer } from './slice';
import { wizardNextProblem, wizardReducer, wizardTypingRefusal } from './wizard';

export type AppStatus = Pick<State, 'size' | 'message' | 'busy' | 'interrupted'>;

export const appReducer: SliceReducer<AppStatus> = (app, action, root) => {
  const said = formMessage(action, root);
  if (said !== undefined) {
    const message = said ?? undefined;
    return app.message === message ? app : { ...app, message };
  }
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

/**
 * What a form's action says on the message line: a Message to show, null to
 * clear it (a form was opened, or moved on and its message is stale),
 * undefined to leave it as it is.
 */
function formMessage(action: Action, root: State): Message | null | undefined {
  switch (action.type) {
    case 'wizard/start':
    case 'wizard/start-rotate':
    case 'add-profile/start':
      return null;
    case 'wizard/next': {
      const problem = wizardNextProblem(root.wizard);
      // The lifetime step's preview line already says what is wrong with the typed value: said once, there.
      if (problem !== undefined) return root.wizard.step === 'lifetime' ? undefined : error(problem);
      return moves(wizardReducer(root.wizard, action, root), root.wizard);
    }
    case 'wizard/back':
      return moves(wizardReducer(root.wizard, action, root), root.wizard);
    case 'wizard/input':
    case 'wizard/edit':
    case 'wizard/backspace':
    case 'wizard/toggle-permission':
    case 'wizard/choose-lifetime':
    case 'wizard/move':
      return (
        wizardTypingRefusal(root.wizard, action) ??
        fixed(root.message, wizardNextProblem(root.wizard), wizardNextProblem(wizardReducer(root.wizard, action, root)))
      );
    case 'add-profile/next': {
      const problem = addProfileNextProblem(root.addProfile, root);
      if (problem !== undefined) return error(problem);
      return moves(addProfileReducer(root.addProfile, action, root), root.addProfile);
    }
    case 'add-profile/input':
    case 'add-profile/edit':
    case 'add-profile/backspace':
      return (
        addProfileTypingRefusal(root.addProfile, action) ??
        fixed(root.message, addProfileNextProblem(root.addProfile, root), addProfileNextProblem(addProfileReducer(root.addProfile, action, root), root))
      );
    default:
      return undefined;
  }
}

/**
 * A message describes the form as it is: the one about what Enter lacked goes
 * as soon as the edit fixed it (a name typed after "needs a name").
 */
function fixed(message: Message | undefined, before: string | undefined, after: string | undefined): null | undefined {
  return message !== undefined && before !== undefined && message.text === before && after !== before ? null : undefined;
}

/** A form that moved to another step or field leaves the message about the one it left. */
function moves<T>(after: T, before: T): null | undefined {
  return after === before ? undefined : null;
}
