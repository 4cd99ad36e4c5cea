// The add-profile form (the login flow of `appclacks login`): a profile name,
// then the account's email and password. The name is checked as it is typed
// and again on Enter, against the rules and the profiles already in the file.
import { profileNameProblem } from '../../config/profile-name';
import type { AddProfileDraft, State } from '../types';
import { error, type Said, type SayingReducer } from './slice';
import { appendField, eraseLast, fieldText, typeProfileName } from '../fieldText';

export function emptyAddProfile(email = ''): AddProfileDraft {
  return { field: 'name', name: '', email, password: '', busy: false };
}

/** The password is kept as typed; the name and email never carry blanks at either end. */
function edit(l: AddProfileDraft, change: (value: string) => string): AddProfileDraft {
  const value = change(l[l.field]);
  return { ...l, [l.field]: l.field === 'password' ? value : value.trim() };
}

function next(l: AddProfileDraft, root: State): Said<AddProfileDraft> {
  const fail = (text: string): Said<AddProfileDraft> => ({ next: l, say: error(text) });
  switch (l.field) {
    case 'name': {
      const problem = profileNameProblem(l.name);
      if (problem) return fail(`${problem[0]!.toUpperCase()}${problem.slice(1)}: e.g. work or acme-prod.`);
      if (root.profiles.items.some((p) => p.name === l.name)) {
        return fail(`Profile "${l.name}" already exists: choose another name, or remove it first.`);
      }
      return { next: { ...l, field: 'email' }, say: null };
    }
    case 'email':
      return l.email === '' ? fail('Type the account email, then Enter.') : { next: { ...l, field: 'password' }, say: null };
    default:
      return { next: l };
  }
}

export const addProfileReducer: SayingReducer<AddProfileDraft> = (l, action, root) => {
  switch (action.type) {
    case 'add-profile/start':
      return { next: emptyAddProfile(action.email), say: null };
    case 'add-profile/input': {
      if (l.field !== 'name') return { next: edit(l, (v) => appendField(v, action.text)) };
      const typed = typeProfileName(l.name, action.text);
      const next = { ...l, name: typed.value };
      return typed.refused ? { next, say: typed.refused } : { next };
    }
    case 'add-profile/edit': {
      // The focused field's whole new value, as its text-input component reports it.
      const value = fieldText(action.value);
      if (l.field !== 'name') return { next: edit(l, () => value) };
      const typed = typeProfileName('', value);
      const next = { ...l, name: typed.value };
      return typed.refused ? { next, say: typed.refused } : { next };
    }
    case 'add-profile/backspace':
      return { next: edit(l, eraseLast) };
    case 'add-profile/next':
      return next(l, root);
    case 'add-profile/back':
      if (l.field === 'password') return { next: { ...l, field: 'email' } };
      if (l.field === 'email') return { next: { ...l, field: 'name' } };
      return { next: l };
    case 'add-profile/busy':
      return { next: { ...l, busy: action.busy } };
    case 'add-profile/reset':
      return { next: emptyAddProfile() };
    default:
      return { next: l };
  }
};
