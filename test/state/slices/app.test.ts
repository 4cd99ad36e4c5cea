import { describe, expect, it } from 'vitest';
import { reducer } from '../../../src/state/reducer';
import { run, stateWith } from '../fixtures';

describe('app slice: message line, busy label, interruption', () => {
  it('message/set, message/clear and busy', () => {
    const s = run(stateWith(), { type: 'message/set', message: { kind: 'info', text: 'hi' } }, { type: 'busy', label: 'Deleting…' });
    expect(s.message?.text).toBe('hi');
    expect(s.busy).toBe('Deleting…');
    expect(run(s, { type: 'message/clear' }, { type: 'busy', label: undefined })).toMatchObject({ message: undefined, busy: undefined });
  });

  it('app/interrupted marks the state, for the exit code 130', () => {
    expect(stateWith().interrupted).toBeFalsy();
    expect(run(stateWith(), { type: 'app/interrupted' }).interrupted).toBe(true);
  });


  it('message/clear with no message, and an action no slice answers, give back the same state', () => {
    const s = stateWith();
    expect(reducer(s, { type: 'message/clear' })).toBe(s);
    expect(reducer(s, { type: 'wizard/move', delta: 1 })).toBe(s);
    expect(reducer(s, { type: 'tokens/move', delta: 1 })).toBe(s);
  });
});
