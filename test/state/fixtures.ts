import type { APIToken } from '../../src/api/schemas';
import { initialState, reducer } from '../../src/state/reducer';
import type { Action, SessionInput, State } from '../../src/state/types';

export const NOW = Date.parse('2026-11-28T12:00:00Z');

export function token(n: number, patch: Partial<APIToken> = {}): APIToken {
  return {
    id: `${String(n).padStart(8, '0')}-aaaa-bbbb-cccc-dddddddddddd`,
    name: `token-${n}`,
    description: `description ${n}`,
    permissions: { actions: ['ListAPITokens'] },
    'created-at': '2026-11-27T12:00:00Z',
    'expires-at': '2026-12-30T12:00:00Z',
    ttl: '72h',
    ...patch,
  };
}

export function tokens(count: number): APIToken[] {
  return Array.from({ length: count }, (_, i) => token(i));
}

export const SESSION: SessionInput = {
  profileName: { value: 'work', source: { kind: 'file', name: 'default-profile' } },
  profileExists: true,
  organizationId: { value: '5a062154-dc9f-11ed-9cd1-673503b45134', source: { kind: 'profile', name: 'work' } },
  token: { value: 'apc_secretsecretsecret', source: { kind: 'profile', name: 'work' } },
  endpoint: { value: 'https://api.appclacks.com', source: { kind: 'default' } },
  configPath: '~/.config/appclacks/appclacks.yaml',
  overriddenBy: [],
};

export function stateWith(patch: Partial<State> = {}, session: Partial<SessionInput> = {}): State {
  return { ...initialState({ ...SESSION, ...session }, { columns: 100, rows: 24 }), ...patch };
}

/** The state after these actions, through the composed reducer. */
export function run(state: State, ...actions: Action[]): State {
  return actions.reduce(reducer, state);
}

/** A list of `count` tokens, loaded. */
export const loaded = (count: number, patch: Partial<State> = {}) => run(stateWith(patch), { type: 'tokens/loaded', items: tokens(count) });
