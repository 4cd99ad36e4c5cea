// Pure: (state, action) => state. No I/O, no clock; effects.ts feeds results in.
import { PERMISSIONS, parseTtl, validatePermissions, ALL } from '../tokens';
import { CUSTOM_LIFETIME, DEFAULT_LIFETIME_CHOICE, LIFETIME_PRESETS } from './lifetimes';
import { bodyHeight, detailLineCount, listViewportRows } from './layout';
import { profileNameProblem } from '../config/profile-name';
import { currentScreen, detailToken, listedTokens, selectedToken, TOKEN_SORTS, wizardNeedsAccount } from './selectors';
import type { Action, LeaveTo, LoginDraft, Message, SessionInput, Size, State, TokenListState, WizardDraft } from './types';
import type { APIToken } from '../api/schemas';
import { terminalSafe, withoutUnsafeCharacters } from '../terminal-text';

export const MAX_FIELD_LENGTH = 255;

export function emptyWizard(email = ''): WizardDraft {
  return {
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

export function emptyLogin(email = ''): LoginDraft {
  return { field: 'name', name: '', email, password: '', busy: false };
}

export function initialState(session: SessionInput, size: Size): State {
  return {
    session: { ...session, credentialsGone: false },
    tokens: { status: 'idle', items: [], selection: 0, scroll: 0, filter: '', filterEditing: false, sort: 'created', detailScroll: 0 },
    profiles: { status: 'idle', items: [], selection: 0 },
    wizard: emptyWizard(),
    login: emptyLogin(),
    helpOpen: false,
    screens: ['list'],
    size,
  };
}

const error = (text: string, hint?: string): Message => (hint === undefined ? { kind: 'error', text } : { kind: 'error', text, hint });

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

/** Keeps the selection inside the list and the scroll window around it. */
function settleList(tokens: TokenListState, size: Size): TokenListState {
  const count = listedTokens(tokens).length;
  const viewport = listViewportRows(size);
  const selection = clamp(tokens.selection, 0, Math.max(0, count - 1));
  let scroll = clamp(tokens.scroll, 0, Math.max(0, count - viewport));
  if (selection < scroll) scroll = selection;
  if (selection >= scroll + viewport) scroll = selection - viewport + 1;
  if (selection === tokens.selection && scroll === tokens.scroll) return tokens;
  return { ...tokens, selection, scroll };
}

/** Names and descriptions are drawn on the terminal: a control character in one must not act (see terminal-text.ts). */
function safeToken<T extends APIToken>(token: T): T {
  const name = terminalSafe(token.name);
  const description = token.description === undefined || token.description === null ? token.description : terminalSafe(token.description);
  return name === token.name && description === token.description ? token : { ...token, name, description };
}

function withTokens(state: State, patch: Partial<TokenListState>): State {
  return { ...state, tokens: settleList({ ...state.tokens, ...patch }, state.size) };
}

/** Changes how the list is filtered or ordered, with the same token still selected. */
function keepingSelection(state: State, patch: Partial<TokenListState>): State {
  const keep = selectedToken(state)?.id;
  const next = { ...state.tokens, ...patch };
  const index = keep === undefined ? 0 : Math.max(0, listedTokens(next).findIndex((t) => t.id === keep));
  return withTokens(state, { ...patch, selection: index });
}

function printable(text: string): string {
  // A paste arrives as one input event; keep its characters, drop control codes.
  return withoutUnsafeCharacters(text);
}

function appendField(value: string, text: string): string {
  return (value + printable(text)).slice(0, MAX_FIELD_LENGTH);
}

/**
 * Appends typed text to a profile name one character at a time, refusing each
 * one profile-name.ts would refuse in the finished name (a blank, a leading
 * "-", one too many), and says why instead of dropping it silently.
 */
function typeProfileName(value: string, text: string): { value: string; refused?: Message } {
  let next = value;
  let refused: Message | undefined;
  for (const ch of printable(text)) {
    const problem = profileNameProblem(next + ch);
    if (problem === undefined) {
      next += ch;
    } else if (refused === undefined) {
      const blank = /\s/u.test(ch);
      const what = ch === ' ' ? 'Space' : blank ? 'Blank' : `"${ch}"`;
      refused = { kind: 'error', text: `${what} not typed: ${problem}.`, ...(blank && { hint: 'use - or _ between words' }) };
    }
  }
  return refused ? { value: next, refused } : { value: next };
}

/** The token's name as a profile name a person could type back: blanks become "-", what profile-name.ts refuses is left out. */
export function profileNameFor(tokenName: string): string {
  return typeProfileName('', tokenName.trim().replace(/\s+/gu, '-')).value;
}

/** `set` stores the new name; a refused character also leaves a message saying why. */
function typedProfileName(state: State, value: string, text: string, set: (name: string) => State): State {
  const typed = typeProfileName(value, text);
  const next = set(typed.value);
  return typed.refused ? { ...next, message: typed.refused } : next;
}

function wizardInput(state: State, text: string): State {
  const w = state.wizard;
  const set = (patch: Partial<WizardDraft>): State => ({ ...state, wizard: { ...w, ...patch } });
  switch (w.step) {
    case 'name':
      return set({ name: appendField(w.name, text) });
    case 'description':
      return set({ description: appendField(w.description, text) });
    case 'lifetime':
      return w.lifetimeChoice === CUSTOM_LIFETIME ? set({ customTtl: appendField(w.customTtl, text).trimStart() }) : state;
    case 'account':
      return w.accountField === 'email' ? set({ email: appendField(w.email, text).trim() }) : set({ password: appendField(w.password, text) });
    case 'result': {
      const saveAs = w.saveAs;
      if (!saveAs || saveAs.saved) return state;
      return typedProfileName(state, saveAs.name, text, (name) => set({ saveAs: { ...saveAs, name } }));
    }
    default:
      return state;
  }
}

function wizardBackspace(state: State): State {
  const w = state.wizard;
  const cut = (s: string) => s.slice(0, -1);
  const set = (patch: Partial<WizardDraft>): State => ({ ...state, wizard: { ...w, ...patch } });
  switch (w.step) {
    case 'name':
      return set({ name: cut(w.name) });
    case 'description':
      return set({ description: cut(w.description) });
    case 'lifetime':
      return w.lifetimeChoice === CUSTOM_LIFETIME ? set({ customTtl: cut(w.customTtl) }) : state;
    case 'account':
      return w.accountField === 'email' ? set({ email: cut(w.email) }) : set({ password: cut(w.password) });
    case 'result':
      return w.saveAs && !w.saveAs.saved ? set({ saveAs: { ...w.saveAs, name: cut(w.saveAs.name) } }) : state;
    default:
      return state;
  }
}

/** The lifetime the wizard would send, or why the typed one is not valid. */
export function wizardTtl(w: WizardDraft) {
  const preset = LIFETIME_PRESETS[w.lifetimeChoice];
  return parseTtl(w.lifetimeChoice === CUSTOM_LIFETIME || preset === undefined ? w.customTtl : preset.ttl);
}

function wizardNext(state: State): State {
  const w = state.wizard;
  const go = (patch: Partial<WizardDraft>): State => ({ ...state, message: undefined, wizard: { ...w, ...patch } });
  const fail = (text: string): State => ({ ...state, message: error(text) });
  switch (w.step) {
    case 'name':
      return w.name.trim() === '' ? fail('The token needs a name: type one, then Enter.') : go({ step: 'description', name: w.name.trim() });
    case 'description':
      return go({ step: 'lifetime' });
    case 'lifetime': {
      const ttl = wizardTtl(w);
      return ttl.ok ? go({ step: 'permissions' }) : fail(ttl.error);
    }
    case 'permissions': {
      const result = validatePermissions(w.permissions);
      if (!result.ok) return fail('Choose at least one permission with Space (* allows every call).');
      return wizardNeedsAccount(state) ? go({ step: 'account', accountField: 'email' }) : go({ step: 'review' });
    }
    case 'account':
      if (w.accountField === 'email') {
        return w.email.trim() === '' ? fail('Type the account email, then Enter.') : go({ accountField: 'password' });
      }
      return w.password === '' ? fail('Type the account password, then Enter.') : go({ step: 'review' });
    default:
      return state;
  }
}

function wizardBack(state: State): State {
  const w = state.wizard;
  const go = (patch: Partial<WizardDraft>): State => ({ ...state, message: undefined, wizard: { ...w, ...patch } });
  switch (w.step) {
    case 'description':
      return go({ step: 'name' });
    case 'lifetime':
      return go({ step: 'description' });
    case 'permissions':
      return go({ step: 'lifetime' });
    case 'account':
      return w.accountField === 'password' ? go({ accountField: 'email' }) : go({ step: 'permissions' });
    case 'review':
      return wizardNeedsAccount(state) ? go({ step: 'account', accountField: 'password' }) : go({ step: 'permissions' });
    case 'result':
      return w.saveAs && !w.saveAs.saved ? go({ saveAs: undefined }) : state;
    default:
      return state;
  }
}

function togglePermission(w: WizardDraft): WizardDraft {
  const name = PERMISSIONS[w.permissionCursor]?.name;
  if (name === undefined) return w;
  if (w.permissions.includes(name)) return { ...w, permissions: w.permissions.filter((p) => p !== name) };
  // `*` already allows every call: it excludes the others, and they exclude it.
  if (name === ALL) return { ...w, permissions: [ALL] };
  return { ...w, permissions: [...w.permissions.filter((p) => p !== ALL), name] };
}

function loginNext(state: State): State {
  const l = state.login;
  const fail = (text: string): State => ({ ...state, message: error(text) });
  const go = (patch: Partial<LoginDraft>): State => ({ ...state, message: undefined, login: { ...l, ...patch } });
  switch (l.field) {
    case 'name':
      {
        const problem = profileNameProblem(l.name);
        if (problem) return fail(`${problem[0]!.toUpperCase()}${problem.slice(1)}: e.g. work or acme-prod.`);
      }
      if (state.profiles.items.some((p) => p.name === l.name)) {
        return fail(`Profile "${l.name}" already exists: choose another name, or remove it first.`);
      }
      return go({ field: 'email' });
    case 'email':
      return l.email === '' ? fail('Type the account email, then Enter.') : go({ field: 'password' });
    default:
      return state;
  }
}

function loginEdit(state: State, edit: (value: string) => string): State {
  const l = state.login;
  const key = l.field;
  const value = edit(l[key]);
  return { ...state, login: { ...l, [key]: key === 'password' ? value : value.trim() } };
}

function leaveTo(value: LeaveTo | undefined): LeaveTo {
  return value ?? 'list';
}

function moveDialog(state: State, choice: 'yes' | 'no'): State {
  return state.dialog ? { ...state, dialog: { ...state.dialog, choice } } : state;
}

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'resize': {
      const next = { ...state, size: action.size };
      return { ...next, tokens: settleList(next.tokens, action.size) };
    }
    case 'session/set':
      return {
        ...state,
        session: { ...action.session, credentialsGone: false },
        // The sort is the user's preference, kept across profiles.
        tokens: { status: 'idle', items: [], selection: 0, scroll: 0, filter: '', filterEditing: false, sort: state.tokens.sort, detailScroll: 0 },
      };
    case 'session/gone':
      return { ...state, session: { ...state.session, credentialsGone: true } };
    case 'session/token-id':
      return { ...state, session: { ...state.session, tokenId: action.tokenId } };

    case 'tokens/loading':
      return { ...state, tokens: { ...state.tokens, status: 'loading', error: undefined } };
    case 'tokens/loaded': {
      const tokens: TokenListState = { ...state.tokens, status: 'loaded', items: action.items.map(safeToken), error: undefined };
      if (action.selectId !== undefined) {
        let index = listedTokens(tokens).findIndex((t) => t.id === action.selectId);
        if (index < 0 && tokens.filter !== '') {
          // The token the user just created must be on screen, even if the filter would hide it.
          Object.assign(tokens, { filter: '', filterEditing: false });
          index = listedTokens(tokens).findIndex((t) => t.id === action.selectId);
        }
        if (index >= 0) tokens.selection = index;
      }
      return { ...state, tokens: settleList(tokens, state.size) };
    }
    case 'tokens/failed':
      return { ...state, tokens: { ...state.tokens, status: 'error', error: action.error } };
    case 'tokens/removed':
      // The row goes at once; the selection stays at the same index, i.e. on the next token.
      return withTokens(state, { items: state.tokens.items.filter((t) => t.id !== action.id) });
    case 'tokens/move':
      return withTokens(state, { selection: state.tokens.selection + action.delta });
    case 'tokens/page': {
      const page = listViewportRows(state.size);
      return withTokens(state, {
        selection: state.tokens.selection + action.direction * page,
        scroll: state.tokens.scroll + action.direction * page,
      });
    }
    case 'tokens/jump':
      return withTokens(state, { selection: action.to === 'start' ? 0 : Number.MAX_SAFE_INTEGER });

    case 'filter/start':
      return { ...state, tokens: { ...state.tokens, filterEditing: true } };
    case 'filter/input':
      return withTokens(state, { filter: state.tokens.filter + printable(action.text), selection: 0, scroll: 0 });
    case 'filter/backspace':
      return withTokens(state, { filter: state.tokens.filter.slice(0, -1), selection: 0, scroll: 0 });
    case 'filter/done':
      return { ...state, tokens: { ...state.tokens, filterEditing: false } };
    case 'filter/clear':
      return keepingSelection(state, { filter: '', filterEditing: false });
    case 'tokens/sort': {
      const at = TOKEN_SORTS.findIndex((s) => s.sort === state.tokens.sort);
      return keepingSelection(state, { sort: TOKEN_SORTS[(at + 1) % TOKEN_SORTS.length]!.sort });
    }

    case 'screen/push':
      return { ...state, screens: [...state.screens, action.screen], helpOpen: false };
    case 'screen/pop':
      return state.screens.length > 1 ? { ...state, screens: state.screens.slice(0, -1), helpOpen: false } : state;
    case 'screen/replace':
      return { ...state, screens: [...state.screens.slice(0, -1), action.screen], helpOpen: false };
    case 'detail/open': {
      const token = selectedToken(state);
      return token ? { ...state, tokens: { ...state.tokens, detailId: token.id, detailScroll: 0 }, screens: [...state.screens, 'detail'] } : state;
    }
    case 'detail/scroll': {
      const token = detailToken(state);
      if (!token) return state;
      // One row of the body says how many lines are below.
      const lines = detailLineCount(token, state.size.columns);
      const max = lines > bodyHeight(state.size) ? lines - (bodyHeight(state.size) - 1) : 0;
      return { ...state, tokens: { ...state.tokens, detailScroll: clamp(state.tokens.detailScroll + action.delta, 0, max) } };
    }

    case 'help/toggle':
      return { ...state, helpOpen: !state.helpOpen };
    case 'help/close':
      return { ...state, helpOpen: false };
    case 'message/set':
      return { ...state, message: action.message };
    case 'message/clear':
      return state.message === undefined ? state : { ...state, message: undefined };
    case 'busy':
      return { ...state, busy: action.label };
    case 'app/interrupted':
      return { ...state, interrupted: true };

    case 'dialog/open-delete': {
      const token = currentScreen(state) === 'detail' ? detailToken(state) : selectedToken(state);
      if (!token) return state;
      return {
        ...state,
        dialog: {
          kind: 'confirm-delete',
          tokenId: token.id,
          tokenName: token.name,
          isSessionToken: state.session.tokenId === token.id,
          choice: 'no',
        },
      };
    }
    case 'dialog/open-leave-wizard':
      return { ...state, helpOpen: false, dialog: { kind: 'confirm-leave-wizard', leaveTo: leaveTo(action.leaveTo), choice: 'no' } };
    case 'dialog/open-leave-result':
      return { ...state, helpOpen: false, dialog: { kind: 'confirm-leave-result', leaveTo: leaveTo(action.leaveTo), choice: 'no' } };
    case 'dialog/open-leave-login':
      return { ...state, dialog: { kind: 'confirm-leave-login', choice: 'no' } };
    case 'dialog/open-remove-profile': {
      const profile = state.profiles.items[state.profiles.selection];
      return profile ? { ...state, dialog: { kind: 'confirm-remove-profile', profileName: profile.name, choice: 'no' } } : state;
    }
    case 'dialog/choose':
      return moveDialog(state, action.choice);
    case 'dialog/toggle':
      return moveDialog(state, state.dialog?.choice === 'yes' ? 'no' : 'yes');
    case 'dialog/close':
      return { ...state, dialog: undefined };

    case 'profiles/loading':
      return { ...state, profiles: { ...state.profiles, status: 'loading', error: undefined } };
    case 'profiles/loaded': {
      const wanted = action.selectName ?? state.profiles.items[state.profiles.selection]?.name ?? state.session.profileName?.value;
      const found = action.items.findIndex((p) => p.name === wanted);
      const selection = found >= 0 ? found : clamp(state.profiles.selection, 0, Math.max(0, action.items.length - 1));
      return {
        ...state,
        profiles: { status: 'loaded', items: action.items, defaultProfile: action.defaultProfile, selection },
      };
    }
    case 'profiles/failed':
      return { ...state, profiles: { ...state.profiles, status: 'error', error: action.error } };
    case 'profiles/move':
      return {
        ...state,
        profiles: { ...state.profiles, selection: clamp(state.profiles.selection + action.delta, 0, Math.max(0, state.profiles.items.length - 1)) },
      };
    case 'profiles/jump':
      return {
        ...state,
        profiles: { ...state.profiles, selection: action.to === 'start' ? 0 : Math.max(0, state.profiles.items.length - 1) },
      };

    case 'wizard/start':
      return { ...state, wizard: emptyWizard(action.email), screens: [...state.screens, 'wizard'], message: undefined };
    case 'wizard/input':
      return wizardInput(state, action.text);
    case 'wizard/backspace':
      return wizardBackspace(state);
    case 'wizard/next':
      return wizardNext(state);
    case 'wizard/back':
      return wizardBack(state);
    case 'wizard/move': {
      const w = state.wizard;
      if (w.step === 'lifetime') {
        return { ...state, wizard: { ...w, lifetimeChoice: clamp(w.lifetimeChoice + action.delta, 0, CUSTOM_LIFETIME) } };
      }
      if (w.step === 'permissions') {
        return { ...state, wizard: { ...w, permissionCursor: clamp(w.permissionCursor + action.delta, 0, PERMISSIONS.length - 1) } };
      }
      return state;
    }
    case 'wizard/toggle-permission':
      return state.wizard.step === 'permissions' ? { ...state, wizard: togglePermission(state.wizard) } : state;
    case 'wizard/busy':
      return { ...state, wizard: { ...state.wizard, busy: action.busy } };
    case 'wizard/created':
      // The secret is shown once, so the result step comes to the front
      // whatever is open. The typed password is dropped as it has done its job.
      return {
        ...state,
        screens: [...state.screens.filter((s) => s !== 'wizard'), 'wizard'],
        dialog: undefined,
        helpOpen: false,
        wizard: {
          ...state.wizard,
          step: 'result',
          busy: false,
          result: safeToken(action.token),
          resultShownAt: action.at,
          resultOrganizationId: action.organizationId,
          password: '',
          copied: false,
          saveAs: undefined,
        },
      };
    case 'wizard/copied':
      return { ...state, wizard: { ...state.wizard, copied: true } };
    case 'wizard/save-start':
      return state.wizard.step === 'result' ? { ...state, wizard: { ...state.wizard, saveAs: { name: profileNameFor(state.wizard.name), saved: false } } } : state;
    case 'wizard/saved':
      return state.wizard.saveAs ? { ...state, wizard: { ...state.wizard, saveAs: { ...state.wizard.saveAs, saved: true } } } : state;
    case 'wizard/reset':
      return { ...state, wizard: emptyWizard() };

    case 'login/start':
      return { ...state, login: emptyLogin(action.email), screens: [...state.screens, 'login'], message: undefined };
    case 'login/input':
      if (state.login.field === 'name') return typedProfileName(state, state.login.name, action.text, (name) => ({ ...state, login: { ...state.login, name } }));
      return loginEdit(state, (v) => appendField(v, action.text));
    case 'login/backspace':
      return loginEdit(state, (v) => v.slice(0, -1));
    case 'login/next':
      return loginNext(state);
    case 'login/back': {
      const l = state.login;
      if (l.field === 'password') return { ...state, login: { ...l, field: 'email' } };
      if (l.field === 'email') return { ...state, login: { ...l, field: 'name' } };
      return state;
    }
    case 'login/busy':
      return { ...state, login: { ...state.login, busy: action.busy } };
    case 'login/reset':
      return { ...state, login: emptyLogin() };
  }
}
