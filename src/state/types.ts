// The UI's whole state and the actions that change it. The reducer is the only
// code that builds a new State; effects.ts turns I/O results into actions.
import type { APIToken } from '../api/schemas';
import type { Profile, Resolved, Source } from '../config/types';

export type ScreenId = 'list' | 'detail' | 'wizard' | 'profiles' | 'login';

export interface Size {
  columns: number;
  rows: number;
}

/** What the session authenticates with; secrets are never rendered unmasked. */
export interface Session {
  profileName?: Resolved<string>;
  /** False when the selected profile name does not exist in the file. */
  profileExists: boolean;
  organizationId?: Resolved<string>;
  token?: Resolved<string>;
  email?: Resolved<string>;
  password?: Resolved<string>;
  endpoint: Resolved<string>;
  configPath: string;
  overriddenBy: string[];
  /** Set when the token this session uses was deleted or refused (401). */
  credentialsGone: boolean;
  /** ID of the token this session uses, when known (see sessionToken.ts). */
  tokenId?: string;
}

export type MessageKind = 'info' | 'success' | 'error';
export interface Message {
  kind: MessageKind;
  text: string;
  hint?: string;
}

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

/** How the token list is ordered; `s` cycles through them. */
export type TokenSort = 'created' | 'expiry' | 'name';

export interface TokenListState {
  status: LoadStatus;
  items: APIToken[];
  error?: Message;
  /** Index into the filtered list. */
  selection: number;
  /** First visible row of the filtered list. */
  scroll: number;
  filter: string;
  filterEditing: boolean;
  sort: TokenSort;
  /** The token shown on the detail screen. */
  detailId?: string;
  /** First line of the detail shown, when it is taller than the screen. */
  detailScroll: number;
}

export interface ProfilesState {
  status: LoadStatus;
  items: Profile[];
  defaultProfile?: string;
  selection: number;
  error?: Message;
}

export type WizardStep = 'name' | 'description' | 'lifetime' | 'permissions' | 'account' | 'review' | 'result';

export interface WizardDraft {
  step: WizardStep;
  name: string;
  description: string;
  /** Index into LIFETIME_PRESETS; the last choice is the custom value. */
  lifetimeChoice: number;
  customTtl: string;
  permissions: string[];
  permissionCursor: number;
  accountField: 'email' | 'password';
  email: string;
  /** Typed only when not in the environment; dropped after creation. */
  password: string;
  busy: boolean;
  /** The created token, with its secret: shown once on the result step. */
  result?: APIToken;
  /** When the result step appeared (the store's clock): its keys wait a moment (RESULT_SETTLE_MS). */
  resultShownAt?: number;
  /** The organization of the account that created it, for "save as profile". */
  resultOrganizationId?: string;
  copied: boolean;
  /** Saving the new token as a profile: undefined until asked for. */
  saveAs?: { name: string; saved: boolean };
}

export interface LoginDraft {
  field: 'name' | 'email' | 'password';
  name: string;
  email: string;
  password: string;
  busy: boolean;
}

/** What Yes does in a "leave?" question: back to the list, or quit the app (asked by q). */
export type LeaveTo = 'list' | 'quit';

export type Dialog =
  | { kind: 'confirm-delete'; tokenId: string; tokenName: string; isSessionToken: boolean; choice: 'yes' | 'no' }
  | { kind: 'confirm-leave-wizard'; leaveTo: LeaveTo; choice: 'yes' | 'no' }
  /** Leaving the result step while its secret was neither copied nor saved. */
  | { kind: 'confirm-leave-result'; leaveTo: LeaveTo; choice: 'yes' | 'no' }
  | { kind: 'confirm-leave-login'; choice: 'yes' | 'no' }
  | { kind: 'confirm-remove-profile'; profileName: string; choice: 'yes' | 'no' };

export interface State {
  session: Session;
  tokens: TokenListState;
  profiles: ProfilesState;
  wizard: WizardDraft;
  login: LoginDraft;
  dialog?: Dialog;
  helpOpen: boolean;
  message?: Message;
  /** Page stack, k9s style: the last one is on screen. Never empty. */
  screens: ScreenId[];
  size: Size;
  busy?: string;
  /** Set by Ctrl+C just before the app exits: the exit code is then 130, as for the CLI. */
  interrupted?: boolean;
}

export type SessionInput = Omit<Session, 'credentialsGone' | 'tokenId'>;

export type Action =
  | { type: 'resize'; size: Size }
  | { type: 'session/set'; session: SessionInput }
  | { type: 'session/gone'; }
  | { type: 'session/token-id'; tokenId: string | undefined }
  | { type: 'tokens/loading' }
  | { type: 'tokens/loaded'; items: APIToken[]; selectId?: string }
  | { type: 'tokens/failed'; error: Message }
  | { type: 'tokens/removed'; id: string }
  | { type: 'tokens/move'; delta: number }
  | { type: 'tokens/page'; direction: 1 | -1 }
  | { type: 'tokens/jump'; to: 'start' | 'end' }
  | { type: 'filter/start' }
  | { type: 'filter/input'; text: string }
  | { type: 'filter/backspace' }
  | { type: 'filter/done' }
  | { type: 'filter/clear' }
  | { type: 'tokens/sort' }
  | { type: 'screen/push'; screen: ScreenId }
  | { type: 'screen/pop' }
  | { type: 'screen/replace'; screen: ScreenId }
  | { type: 'detail/open' }
  | { type: 'detail/scroll'; delta: number }
  | { type: 'help/toggle' }
  | { type: 'help/close' }
  | { type: 'message/set'; message: Message }
  | { type: 'message/clear' }
  | { type: 'busy'; label: string | undefined }
  | { type: 'app/interrupted' }
  | { type: 'dialog/open-delete' }
  | { type: 'dialog/open-leave-wizard'; leaveTo?: LeaveTo }
  | { type: 'dialog/open-leave-result'; leaveTo?: LeaveTo }
  | { type: 'dialog/open-leave-login' }
  | { type: 'dialog/open-remove-profile' }
  | { type: 'dialog/choose'; choice: 'yes' | 'no' }
  | { type: 'dialog/toggle' }
  | { type: 'dialog/close' }
  | { type: 'profiles/loading' }
  | { type: 'profiles/loaded'; items: Profile[]; defaultProfile?: string; selectName?: string }
  | { type: 'profiles/failed'; error: Message }
  | { type: 'profiles/move'; delta: number }
  /** The choice list highlighted this profile (an index into items). */
  | { type: 'profiles/highlight'; index: number }
  | { type: 'profiles/jump'; to: 'start' | 'end' }
  | { type: 'wizard/start'; email?: string }
  | { type: 'wizard/input'; text: string }
  /** The focused field's whole value, as its text-input component reports it. */
  | { type: 'wizard/edit'; value: string }
  | { type: 'wizard/backspace' }
  | { type: 'wizard/next' }
  | { type: 'wizard/back' }
  | { type: 'wizard/move'; delta: number }
  /** The lifetime list highlighted this choice (an index; the last is the custom value). */
  | { type: 'wizard/choose-lifetime'; index: number }
  | { type: 'wizard/toggle-permission' }
  | { type: 'wizard/busy'; busy: boolean }
  /** `at`: the store's clock when the secret arrived. */
  | { type: 'wizard/created'; token: APIToken; organizationId?: string; at: number }
  | { type: 'wizard/copied' }
  | { type: 'wizard/save-start' }
  | { type: 'wizard/saved' }
  | { type: 'wizard/reset' }
  | { type: 'login/start'; email?: string }
  | { type: 'login/input'; text: string }
  /** The focused field's whole value, as its text-input component reports it. */
  | { type: 'login/edit'; value: string }
  | { type: 'login/backspace' }
  | { type: 'login/next' }
  | { type: 'login/back' }
  | { type: 'login/busy'; busy: boolean }
  | { type: 'login/reset' };

export type { Source };
