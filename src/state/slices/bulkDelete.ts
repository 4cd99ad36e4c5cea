// A bulk delete of the marked tokens: how far it got and what failed. The
// effect deletes one token after another and reports each outcome here; a
// failure is a line in the report, never the end of the run.
import type { BulkDeleteState } from '../types';
import type { SliceReducer } from './slice';

type Slice = BulkDeleteState | undefined;

export const bulkDeleteReducer: SliceReducer<Slice> = (bulk, action) => {
  switch (action.type) {
    case 'bulk/start':
      return { running: true, total: action.total, done: 0, deleted: 0, failures: [] };
    case 'bulk/progress': {
      if (!bulk) return bulk;
      const { outcome } = action;
      return outcome.ok
        ? { ...bulk, done: bulk.done + 1, deleted: bulk.deleted + 1 }
        : { ...bulk, done: bulk.done + 1, failures: [...bulk.failures, { id: outcome.id, name: outcome.name, reason: outcome.reason }] };
    }
    case 'bulk/done':
      return bulk ? { ...bulk, running: false } : bulk;
    case 'bulk/dismiss':
      // A run still going keeps its report.
      return bulk?.running ? bulk : undefined;
    case 'session/set':
      return bulk?.running ? bulk : undefined;
    default:
      return bulk;
  }
};

/** `Deleting 12 of 40…`: the token being deleted now, counted from 1. */
export function bulkProgressLabel(bulk: Pick<BulkDeleteState, 'done' | 'total'>): string {
  return `Deleting ${Math.min(bulk.done + 1, bulk.total)} of ${bulk.total}…`;
}
