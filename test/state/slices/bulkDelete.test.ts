import { describe, expect, it } from 'vitest';
import { bulkProgressLabel } from '../../../src/state/slices/bulkDelete';
import { run, stateWith } from '../fixtures';

describe('bulk delete slice', () => {
  it('counts each outcome; a failure is a line of the report, the run goes on', () => {
    const s = run(
      stateWith(),
      { type: 'bulk/start', total: 3 },
      { type: 'bulk/progress', outcome: { id: 'a', ok: true } },
      { type: 'bulk/progress', outcome: { id: 'b', name: 'gone', ok: false, reason: 'not found: deleted elsewhere meanwhile' } },
    );
    expect(s.bulkDelete).toEqual({ running: true, total: 3, done: 2, deleted: 1, failures: [{ id: 'b', name: 'gone', reason: 'not found: deleted elsewhere meanwhile' }] });
    expect(bulkProgressLabel(s.bulkDelete!)).toBe('Deleting 3 of 3…');
    const done = run(s, { type: 'bulk/progress', outcome: { id: 'c', ok: true } }, { type: 'bulk/done' });
    expect(done.bulkDelete).toMatchObject({ running: false, done: 3, deleted: 2 });
    expect(run(done, { type: 'bulk/dismiss' }).bulkDelete).toBeUndefined();
  });

  it('says which token is being deleted, counted from 1', () => {
    expect(bulkProgressLabel({ done: 0, total: 40 })).toBe('Deleting 1 of 40…');
    expect(bulkProgressLabel({ done: 11, total: 40 })).toBe('Deleting 12 of 40…');
  });

  it('keeps the report of a run still going when asked to dismiss it', () => {
    const s = run(stateWith(), { type: 'bulk/start', total: 2 }, { type: 'bulk/dismiss' });
    expect(s.bulkDelete?.running).toBe(true);
  });
});
