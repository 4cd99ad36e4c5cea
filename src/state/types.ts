// The UI's whole state and the actions that change it. The reducer is the only
// code that builds a new State; effects.ts turns I/O results into actions.
import type { APIToken, RotatedToken } from '../api/schemas';
import type { Profile, Resolved, Source } from '../config/types';

/** `deletions`: what a bulk delete left undone, one line per token. */
export type ScreenId = 'list' | 'detail' | 'wizard' | 'profiles' | 'add-profile' | 'deletions';

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
  /** The session's token as the server says it is (token/current), when the server has that route. */
  current?: APIToken;
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
  /** Token IDs marked for a bulk action: IDs, not rows, so a refresh, sort or filter keeps them. */
  marks: ReadonlySet<string>;
}

/** One token a bulk delete could not delete, and why. */
export interface BulkFailure {
  id: string;
  name: string;
  reason: string;
}

/** A bulk delete under way or just finished: progress, and what failed. */
export interface BulkDeleteState {
  running: boolean;
  total: number;
  /** Tokens answered so far, deleted or failed. */
  done: number;
  deleted: number;
  failures: BulkFailure[];
}

/**
 * What the profile picker knows of a profile's token, asked in the background
 * through token/current: `unknown` when the server lacks the route or did not
 * answer, `refused` when the token no longer authenticates.
 */
export type ProfileTokenInfo =
  | { status: 'loading' }
  | { status: 'ok'; id: string; expiresAt: string }
  | { status: 'refused' }
  | { status: 'unknown' };

export interface ProfilesState {
  status: LoadStatus;
  items: Profile[];
  defaultProfile?: string;
  selection: number;
  error?: Message;
  /** Each profile's token, by profile name, as far as it is known yet. */
  tokens: Readonly<Record<string, ProfileTokenInfo>>;
}

export type WizardStep = 'name' | 'description' | 'lifetime' | 'permissions' | 'account' | 'review' | 'result';

/** On the result of a rotation: the profile that held the old token, and whether to give it the new one. */
export interface ProfileUpdateOffer {
  profile: string;
  /** Update is chosen until the user picks otherwise. */
  choice: 'update' | 'keep';
  done?: 'updated' | 'kept';
}

export interface WizardDraft {
  /** `rotate` reuses the account step and the result step for replacing a token. */
  mode: 'create' | 'rotate';
  /** The token being rotated (mode `rotate`). */
  rotating?: { id: string; name: string };
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
  profileUpdate?: ProfileUpdateOffer;
  /** What became of the rotated token: deleted at once (null) or valid until then. */
  previousExpiresAt?: string | null;
}

export interface AddProfileDraft {
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
  /** Every marked token at once: `names` are the first few, for the question. */
  | { kind: 'confirm-bulk-delete'; ids: string[]; names: string[]; includesSessionToken: boolean; choice: 'yes' | 'no' }
  | {
      kind: 'confirm-rotate';
      tokenId: string;
      tokenName: string;
      isSessionToken: boolean;
      /** A profile known to hold the token (the session's, or one the picker looked up). */
      profileName?: string;
      /** The account's email and password come from the environment: no password asked. */
      accountFromEnv: boolean;
      choice: 'yes' | 'no';
    }
  | { kind: 'confirm-leave-wizard'; leaveTo: LeaveTo; choice: 'yes' | 'no' }
  /** Leaving the result step while its secret was neither copied nor saved. */
  | { kind: 'confirm-leave-result'; leaveTo: LeaveTo; choice: 'yes' | 'no' }
  | { kind: 'confirm-leave-add-profile'; choice: 'yes' | 'no' }
  | { kind: 'confirm-remove-profile'; profileName: string; choice: 'yes' | 'no' };

export interface State {
  session: Session;
  tokens: TokenListState;
  profiles: ProfilesState;
  wizard: WizardDraft;
  addProfile: AddProfileDraft;
  dialog?: Dialog;
  helpOpen: boolean;
  message?: Message;
  /** Page stack, k9s style: the last one is on screen. Never empty. */
  screens: ScreenId[];
  size: Size;
  busy?: string;
  bulkDelete?: BulkDeleteState;
  /** Set by Ctrl+C just before the app exits: the exit code is then 130, as for the CLI. */
  interrupted?: boolean;
}

export type SessionInput = Omit<Session, 'credentialsGone' | 'tokenId' | 'current'>;

export type BulkOutcome = { id: string; ok: true } | ({ ok: false } & BulkFailure);

export type Action =
  | { type: 'resize'; size: Size }
  | { type: 'session/set'; session: SessionInput }
  | { type: 'session/gone'; }
  | { type: 'session/token-id'; tokenId: string | undefined }
  /** The server's answer to token/current: the session's token, exactly. */
  | { type: 'session/current'; token: APIToken }
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
  | { type: 'marks/toggle' }
  /** Marks every expired token the filter lets through; `now` is the store's clock. */
  | { type: 'marks/expired'; now: number }
  | { type: 'marks/clear' }
  | { type: 'bulk/start'; total: number }
  | { type: 'bulk/progress'; outcome: BulkOutcome }
  | { type: 'bulk/done' }
  | { type: 'bulk/dismiss' }
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
  | { type: 'dialog/open-bulk-delete' }
  | { type: 'dialog/open-rotate' }
  | { type: 'dialog/open-leave-wizard'; leaveTo?: LeaveTo }
  | { type: 'dialog/open-leave-result'; leaveTo?: LeaveTo }
  | { type: 'dialog/open-leave-add-profile' }
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
  | { type: 'profiles/token'; name: string; info: ProfileTokenInfo }
  /** Several profiles' tokens at once: one copy of the table for a whole batch, not one per profile. */
  | { type: 'profiles/tokens'; infos: Readonly<Record<string, ProfileTokenInfo>> }
  | { type: 'wizard/start'; email?: string }
  /** The rotate flow: the account step when the environment lacks the account, else straight to rotating. */
  | { type: 'wizard/start-rotate'; token: { id: string; name: string }; email?: string; needsAccount: boolean }
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
  /** A rotation's answer; `profile` held the old token and is offered the new one. */
  | { type: 'wizard/rotated'; token: RotatedToken; organizationId?: string; at: number; profile?: string }
  | { type: 'wizard/offer-move' }
  | { type: 'wizard/offer-done'; done: 'updated' | 'kept' }
  | { type: 'wizard/copied' }
  | { type: 'wizard/save-start' }
  | { type: 'wizard/saved' }
  | { type: 'wizard/reset' }
  | { type: 'add-profile/start'; email?: string }
  | { type: 'add-profile/input'; text: string }
  /** The focused field's whole value, as its text-input component reports it. */
  | { type: 'add-profile/edit'; value: string }
  | { type: 'add-profile/backspace' }
  | { type: 'add-profile/next' }
  | { type: 'add-profile/back' }
  | { type: 'add-profile/busy'; busy: boolean }
  | { type: 'add-profile/reset' };

export type { Source };
