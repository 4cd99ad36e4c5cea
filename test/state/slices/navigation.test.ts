import { describe, expect, it } from 'vitest';
import { navigationReducer } from '../../../src/state/slices/navigation';
import { loaded, run, stateWith, token } from '../fixtures';

describe('navigation slice: screens and help', () => {
  it('screen/push, screen/pop and screen/replace keep a non-empty stack', () => {
    const s = run(stateWith(), { type: 'screen/push', screen: 'profiles' });
    expect(s.screens).toEqual(['list', 'profiles']);
    expect(run(s, { type: 'screen/replace', screen: 'add-profile' }).screens).toEqual(['list', 'add-profile']);
    expect(run(s, { type: 'screen/pop' }, { type: 'screen/pop' }).screens).toEqual(['list']);
  });

  it('detail/open opens the selected token, and nothing on an empty list', () => {
    const s = run(loaded(3), { type: 'tokens/move', delta: 1 }, { type: 'detail/open' });
    expect(s.screens).toEqual(['list', 'detail']);
    expect(s.tokens.detailId).toBe(token(1).id);
    expect(run(stateWith(), { type: 'detail/open' }).screens).toEqual(['list']);
  });

  it('help/toggle and help/close', () => {
    const open = run(stateWith(), { type: 'help/toggle' });
    expect(open.helpOpen).toBe(true);
    expect(run(open, { type: 'help/toggle' }).helpOpen).toBe(false);
    expect(run(open, { type: 'help/close' }).helpOpen).toBe(false);
  });


  it('closes the help when a screen opens or closes', () => {
    const open = run(stateWith(), { type: 'help/toggle' });
    expect(run(open, { type: 'screen/push', screen: 'profiles' }).helpOpen).toBe(false);
    expect(run(open, { type: 'wizard/start' })).toMatchObject({ helpOpen: false, screens: ['list', 'wizard'] });
  });

  it('leaves the stack as it is for actions that are not about it', () => {
    const s = stateWith();
    const nav = { screens: s.screens, helpOpen: s.helpOpen };
    expect(navigationReducer(nav, { type: 'tokens/move', delta: 1 }, s)).toBe(nav);
    expect(navigationReducer(nav, { type: 'screen/pop' }, s)).toBe(nav);
  });
});
