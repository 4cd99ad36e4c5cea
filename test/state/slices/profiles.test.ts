import { describe, expect, it } from 'vitest';
import { run, stateWith } from '../fixtures';

describe('profiles slice', () => {
  const profiles = ['a', 'work', 'z'].map((name) => ({ name, organizationId: `org-${name}`, apiToken: `secret-${name}` }));

  it('profiles/loading then profiles/loaded selects the active profile', () => {
    const s = run(stateWith(), { type: 'profiles/loading' }, { type: 'profiles/loaded', items: profiles, defaultProfile: 'a' });
    expect(s.profiles).toMatchObject({ status: 'loaded', defaultProfile: 'a', selection: 1 });
  });

  it('profiles/loaded can select a named profile', () => {
    expect(run(stateWith(), { type: 'profiles/loaded', items: profiles, selectName: 'z' }).profiles.selection).toBe(2);
  });

  it('profiles/failed keeps the error', () => {
    expect(run(stateWith(), { type: 'profiles/failed', error: { kind: 'error', text: 'bad yaml' } }).profiles).toMatchObject({ status: 'error' });
  });

  it('profiles/move and profiles/jump stay inside the list', () => {
    const s = run(stateWith(), { type: 'profiles/loaded', items: profiles, selectName: 'a' });
    expect(run(s, { type: 'profiles/move', delta: -1 }).profiles.selection).toBe(0);
    expect(run(s, { type: 'profiles/move', delta: 9 }).profiles.selection).toBe(2);
    expect(run(s, { type: 'profiles/jump', to: 'end' }).profiles.selection).toBe(2);
    expect(run(s, { type: 'profiles/jump', to: 'end' }, { type: 'profiles/jump', to: 'start' }).profiles.selection).toBe(0);
  });
});
