// The add-profile form (the login flow of `appclacks login`): a profile name,
// then the account's email and password. The name is checked as it is typed
// and again on Enter, against the rules and the profiles already in the file.
import { profileNameProblem } from '../../config/profile-name';
import type { Action, AddProfileDraft, Message, State } from '../types';
import type { SliceReducer } from './slice';
import { appendField, eraseLast, fieldText, typeProfileName } from '../fieldText';

export function emptyAddProfile(email = ''): AddProfileDraft {
  return { field: 'name', name: '', email, password: '', busy: false };
}

/** The password is kept as typed; the name and email never carry blanks at either end. */
function edit(l: AddProfileDraft, change: (value: string) => string): AddProfileDraft {
  const value = change(l[l.field]);
  return { ...l, [l.field]: l.field === 'password' ? value : value.trim() };
}

/** What Enter on the focused field lacks, in words; undefined when the form may go on. The message line (slices/app.ts) says it. */
export function addProfileNextProblem(l: AddProfileDraft, root: State): string | undefined {
  switch (l.field) {
    case 'name': {
      const problem = profileNameProblem(l.name);
      if (problem) return `${problem[0]!.toUpperCase()}${problem.slice(1)}: e.g. work or acme-prod.`;
      if (root.profiles.items.some((p) => p.name === l.name)) return `Profile "${l.name}" already exists: choose another name, or remove it first.`;
      return undefined;
    }
    case 'email':
      return l.email === '' ? 'Type the account email, then Enter.' : undefined;
    default:
      return undefined;
  }
}

/** A character typed into the profile name that a profile name may not hold, and why; undefined when all were kept. */
export function addProfileTypingRefusal(l: AddProfileDraft, action: Action): Message | undefined {
  if (l.field !== 'name') return undefined;
  if (action.type === 'add-profile/input') return typeProfileName(l.name, action.text).refused;
  if (action.type === 'add-profile/edit') return typeProfileName('', fieldText(action.value)).refused;
  return undefined;
}

function next(l: AddProfileDraft, root: State): AddProfileDraft {
  if (addProfileNextProblem(l, root) !== undefined) return l;
  if (l.field === 'name') return { ...l, field: 'email' };
  if (l.field === 'email') return { ...l, field: 'password' };
  return l;
}

export const addProfileReducer: SliceReducer<AddProfileDraft> = (l, action, root) => {
  switch (action.type) {
    case 'add-profile/start':
      return emptyAddProfile(action.email);
    case 'add-profile/input':
      if (l.field !== 'name') return edit(l, (v) => appendField(v, action.text));
      return { ...l, name: typeProfileName(l.name, action.text).value };
    case 'add-profile/edit': {
      // The focused field's whole new value, as its text-input component reports it.
      const value = fieldText(action.value);
      if (l.field !== 'name') return edit(l, () => value);
      return { ...l, name: typeProfileName('', value).value };
    }
    case 'add-profile/backspace':
      return edit(l, eraseLast);
    case 'add-profile/next':
      return next(l, root);
    case 'add-profile/back':
      if (l.field === 'password') return { ...l, field: 'email' };
      if (l.field === 'email') return { ...l, field: 'name' };
      return l;
    case 'add-profile/busy':
      return { ...l, busy: action.busy };
    case 'add-profile/reset':
      return emptyAddProfile();
    default:
      return l;
  }
};
