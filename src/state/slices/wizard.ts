// The create-token wizard's draft: which step is on screen, what was typed or
// chosen on each, and the result step (the secret shown once, copy, save as
// profile). Validation happens on Enter (wizard/next): the step stays, and
// the message line (slices/app.ts) says what it lacks, read from
// wizardNextProblem, rather than refusing silently.
//
// Text fields report whole values (wizard/edit); wizard/input and
// wizard/backspace remain for keys the dispatcher types itself (a run of keys
// that arrived in one read).
import { ALL, PERMISSIONS, validatePermissions } from '../../tokens';
import { looksBlank } from '../../text/terminal-text';
import { CUSTOM_LIFETIME, DEFAULT_LIFETIME_CHOICE } from '../lifetimes';
import { wizardNeedsAccount, wizardTtl } from '../selectors';
import type { Action, Message, State, WizardDraft } from '../types';
import { clamp, type SliceReducer } from './slice';
import { safeToken } from './tokenList';
import { appendField, eraseLast, fieldText, profileNameFor, typeProfileName } from '../fieldText';

export function emptyWizard(email = ''): WizardDraft {
  return {
    mode: 'create',
    step: 'name',
    name: '',
    description: '',
    lifetimeChoice: DEFAULT_LIFETIME_CHOICE,
    customTtl: '',
    permissions: [],
    permissionCursor: 0,
    accountField: 'email',
    email,
    password: '',
    busy: false,
    copied: false,
  };
}

const same = (w: WizardDraft): WizardDraft => w;
const set = (w: WizardDraft, patch: Partial<WizardDraft>): WizardDraft => ({ ...w, ...patch });
/** A step forward or back. */
const go = set;

function input(w: WizardDraft, text: string): WizardDraft {
  switch (w.step) {
    case 'name':
      return set(w, { name: appendField(w.name, text) });
    case 'description':
      return set(w, { description: appendField(w.description, text) });
    case 'lifetime':
      return w.lifetimeChoice === CUSTOM_LIFETIME ? set(w, { customTtl: appendField(w.customTtl, text).trimStart() }) : same(w);
    case 'account':
      return w.accountField === 'email' ? set(w, { email: appendField(w.email, text).trim() }) : set(w, { password: appendField(w.password, text) });
    case 'result': {
      const saveAs = w.saveAs;
      if (!saveAs || saveAs.saved) return same(w);
      return { ...w, saveAs: { ...saveAs, name: typeProfileName(saveAs.name, text).value } };
    }
    default:
      return same(w);
  }
}

/** The focused field's whole new value, as its text-input component reports it. */
function edit(w: WizardDraft, value: string): WizardDraft {
  const text = fieldText(value);
  switch (w.step) {
    case 'name':
      return set(w, { name: text });
    case 'description':
      return set(w, { description: text });
    case 'lifetime':
      return w.lifetimeChoice === CUSTOM_LIFETIME ? set(w, { customTtl: text.trimStart() }) : same(w);
    case 'account':
      return w.accountField === 'email' ? set(w, { email: text.trim() }) : set(w, { password: text });
    case 'result': {
      const saveAs = w.saveAs;
      if (!saveAs || saveAs.saved) return same(w);
      return { ...w, saveAs: { ...saveAs, name: typeProfileName('', text).value } };
    }
    default:
      return same(w);
  }
}

function backspace(w: WizardDraft): WizardDraft {
  switch (w.step) {
    case 'name':
      return set(w, { name: eraseLast(w.name) });
    case 'description':
      return set(w, { description: eraseLast(w.description) });
    case 'lifetime':
      return w.lifetimeChoice === CUSTOM_LIFETIME ? set(w, { customTtl: eraseLast(w.customTtl) }) : same(w);
    case 'account':
      return w.accountField === 'email' ? set(w, { email: eraseLast(w.email) }) : set(w, { password: eraseLast(w.password) });
    case 'result':
      return w.saveAs && !w.saveAs.saved ? set(w, { saveAs: { ...w.saveAs, name: eraseLast(w.saveAs.name) } }) : same(w);
    default:
      return same(w);
  }
}

/**
 * What Enter on the current step lacks, in words; undefined when the step may
 * be left. The wizard stays on the step, and the message line says it.
 */
export function wizardNextProblem(w: WizardDraft): string | undefined {
  if (w.mode === 'rotate' && w.step !== 'account') return undefined;
  switch (w.step) {
    case 'name':
      // The server's rule: a name of only invisible characters (U+3164, U+2800…) looks empty too.
      return looksBlank(w.name) ? 'The token needs a name: type one, then Enter.' : undefined;
    case 'lifetime': {
      const ttl = wizardTtl(w);
      return ttl.ok ? undefined : ttl.error;
    }
    case 'permissions':
      return validatePermissions(w.permissions).ok ? undefined : 'Choose at least one permission with Space (* allows every call).';
    case 'account':
      if (w.accountField === 'email') return w.email.trim() === '' ? 'Type the account email, then Enter.' : undefined;
      return w.password === '' ? 'Type the account password, then Enter.' : undefined;
    default:
      return undefined;
  }
}

/** A character typed into the save-as-profile name that a profile name may not hold, and why; undefined when all were kept. */
export function wizardTypingRefusal(w: WizardDraft, action: Action): Message | undefined {
  if (w.step !== 'result' || !w.saveAs || w.saveAs.saved) return undefined;
  if (action.type === 'wizard/input') return typeProfileName(w.saveAs.name, action.text).refused;
  if (action.type === 'wizard/edit') return typeProfileName('', fieldText(action.value)).refused;
  return undefined;
}

function next(w: WizardDraft, root: State): WizardDraft {
  if (wizardNextProblem(w) !== undefined) return w;
  switch (w.step) {
    case 'name':
      return go(w, { step: 'description', name: w.name.trim() });
    case 'description':
      return go(w, { step: 'lifetime' });
    case 'lifetime':
      return go(w, { step: 'permissions' });
    case 'permissions':
      return wizardNeedsAccount(root) ? go(w, { step: 'account', accountField: 'email' }) : go(w, { step: 'review' });
    case 'account':
      return w.accountField === 'email' ? go(w, { accountField: 'password' }) : go(w, { step: 'review' });
    default:
      return same(w);
  }
}

function back(w: WizardDraft, root: State): WizardDraft {
  switch (w.step) {
    case 'description':
      return go(w, { step: 'name' });
    case 'lifetime':
      return go(w, { step: 'description' });
    case 'permissions':
      return go(w, { step: 'lifetime' });
    case 'account':
      return w.accountField === 'password' ? go(w, { accountField: 'email' }) : go(w, { step: 'permissions' });
    case 'review':
      return wizardNeedsAccount(root) ? go(w, { step: 'account', accountField: 'password' }) : go(w, { step: 'permissions' });
    case 'result':
      return w.saveAs && !w.saveAs.saved ? go(w, { saveAs: undefined }) : same(w);
    default:
      return same(w);
  }
}

/**
 * A rotation asks only for the account (when the environment lacks it), then
 * rotates from the review step: the rest of the token stays as it was.
 */
function nextInRotation(w: WizardDraft, root: State): WizardDraft {
  if (w.step !== 'account' || wizardNextProblem(w) !== undefined) return same(w);
  return w.accountField === 'email' ? go(w, { accountField: 'password' }) : go(w, { step: 'review' });
}

function backInRotation(w: WizardDraft): WizardDraft {
  if (w.step === 'account' && w.accountField === 'password') return go(w, { accountField: 'email' });
  // Out of the first step is the key flow's business (it leaves the screen).
  if (w.step === 'review' && w.password !== '') return go(w, { step: 'account', accountField: 'password' });
  return same(w);
}

function startRotation(action: Extract<Action, { type: 'wizard/start-rotate' }>): WizardDraft {
  return {
    ...emptyWizard(action.email),
    mode: 'rotate',
    rotating: action.token,
    name: action.token.name,
    step: action.needsAccount ? 'account' : 'review',
    accountField: 'email',
  };
}

function offerMove(w: WizardDraft): WizardDraft {
  const offer = w.profileUpdate;
  if (!offer || offer.done) return w;
  return { ...w, profileUpdate: { ...offer, choice: offer.choice === 'update' ? 'keep' : 'update' } };
}

function move(w: WizardDraft, delta: number): WizardDraft {
  if (w.step === 'lifetime') return { ...w, lifetimeChoice: clamp(w.lifetimeChoice + delta, 0, CUSTOM_LIFETIME) };
  if (w.step === 'permissions') return { ...w, permissionCursor: clamp(w.permissionCursor + delta, 0, PERMISSIONS.length - 1) };
  return w;
}

function togglePermission(w: WizardDraft): WizardDraft {
  if (w.step !== 'permissions') return w;
  const name = PERMISSIONS[w.permissionCursor]?.name;
  if (name === undefined) return w;
  if (w.permissions.includes(name)) return { ...w, permissions: w.permissions.filter((p) => p !== name) };
  // `*` already allows every call: it excludes the others, and they exclude it.
  if (name === ALL) return { ...w, permissions: [ALL] };
  return { ...w, permissions: [...w.permissions.filter((p) => p !== ALL), name] };
}

/** The result step a new secret opens on: shown once, not yet copied or saved; the typed password has done its job. */
function resultStep(action: Extract<Action, { type: 'wizard/created' | 'wizard/rotated' }>): Partial<WizardDraft> {
  return {
    step: 'result',
    busy: false,
    result: safeToken(action.token),
    resultShownAt: action.at,
    resultOrganizationId: action.organizationId,
    password: '',
    copied: false,
    saveAs: undefined,
  };
}

export const wizardReducer: SliceReducer<WizardDraft> = (w: WizardDraft, action: Action, root: State) => {
  switch (action.type) {
    case 'wizard/start':
      return emptyWizard(action.email);
    case 'wizard/input':
      return input(w, action.text);
    case 'wizard/edit':
      return edit(w, action.value);
    case 'wizard/backspace':
      return backspace(w);
    case 'wizard/start-rotate':
      return startRotation(action);
    case 'wizard/next':
      return w.mode === 'rotate' ? nextInRotation(w, root) : next(w, root);
    case 'wizard/back':
      return w.mode === 'rotate' && w.step !== 'result' ? backInRotation(w) : back(w, root);
    case 'wizard/choose-lifetime':
      return w.step === 'lifetime' ? set(w, { lifetimeChoice: clamp(action.index, 0, CUSTOM_LIFETIME) }) : same(w);
    case 'wizard/move':
      return same(move(w, action.delta));
    case 'wizard/toggle-permission':
      return same(togglePermission(w));
    case 'wizard/busy':
      return set(w, { busy: action.busy });
    case 'wizard/created':
      // The secret is shown once (the other slices bring this step to the
      // front). The typed password is dropped as it has done its job.
      return set(w, resultStep(action));
    case 'wizard/rotated':
      // The same result step, which also says when the old token ends and
      // offers to update the profile that held it.
      return set(w, {
        ...resultStep(action),
        previousExpiresAt: action.token.previous['expires-at'],
        ...(action.profile !== undefined && { profileUpdate: { profile: action.profile, choice: 'update' as const } }),
      });
    case 'wizard/offer-move':
      return same(offerMove(w));
    case 'wizard/offer-done':
      return w.profileUpdate ? set(w, { profileUpdate: { ...w.profileUpdate, done: action.done } }) : same(w);
    case 'wizard/copied':
      return set(w, { copied: true });
    case 'wizard/save-start':
      return w.step === 'result' ? set(w, { saveAs: { name: profileNameFor(w.name), saved: false } }) : same(w);
    case 'wizard/saved':
      return w.saveAs ? set(w, { saveAs: { ...w.saveAs, saved: true } }) : same(w);
    case 'wizard/reset':
      return emptyWizard();
    default:
      return same(w);
  }
};
