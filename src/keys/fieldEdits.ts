// What a text field's onChange does: hand the whole new value to the slice
// that owns the field, and read back what it kept (a slice filters unsafe
// characters and refuses what a profile name may not hold). The field
// (src/components/TextField.tsx) mounts a fresh editor when the two differ.
import type { Store } from '../state/store';
import type { AddProfileDraft, WizardDraft } from '../state/types';

/** The wizard's field being typed in: the one wizard/edit writes. */
export function wizardFieldValue(w: WizardDraft): string {
  switch (w.step) {
    case 'name':
      return w.name;
    case 'description':
      return w.description;
    case 'lifetime':
      return w.customTtl;
    case 'account':
      return w.accountField === 'email' ? w.email : w.password;
    case 'result':
      return w.saveAs?.name ?? '';
    default:
      return '';
  }
}

export function addProfileFieldValue(l: AddProfileDraft): string {
  return l[l.field];
}

export function editWizardField(store: Store): (value: string) => string {
  return (value) => {
    store.dispatch({ type: 'wizard/edit', value });
    return wizardFieldValue(store.getState().wizard);
  };
}

export function editAddProfileField(store: Store): (value: string) => string {
  return (value) => {
    store.dispatch({ type: 'add-profile/edit', value });
    return addProfileFieldValue(store.getState().addProfile);
  };
}
