// Old audit events are deleted off the request path: a timer (unref'd, so it
// never holds the process open) deletes small batches, yielding between
// them, so a backlog of millions never holds the database's write lock (or
// a PostgreSQL transaction) long enough to stall a request.
import type { Clock } from '../../tokens';
import type { Storage } from '../storage/types';

export const DEFAULT_AUDIT_RETENTION_MS = 90 * 24 * 60 * 60_000;

/** Rows per DELETE: each is a short write, under a millisecond on SQLite. */
export const AUDIT_PRUNE_BATCH = 500;
/** How often the pruning runs; the first run is this long after start. */
export const AUDIT_PRUNE_EVERY_MS = 60_000;
/** The pause between batches of one run, for the requests waiting. */
const BETWEEN_BATCHES_MS = 10;

export interface AuditRetention {
  /** Deletes every event older than the retention, batch by batch; returns how many. */
  runOnce(): Promise<number>;
  stop(): void;
}

export function startAuditRetention(
  storage: Pick<Storage, 'pruneAuditEvents'>,
  clock: Clock,
  retentionMs = DEFAULT_AUDIT_RETENTION_MS,
  log: (line: string) => void = () => {},
  options: { everyMs?: number; batch?: number; autoStart?: boolean } = {},
): AuditRetention {
  const batch = options.batch ?? AUDIT_PRUNE_BATCH;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const deleted = await storage.pruneAuditEvents(clock() - retentionMs, batch);
      total += deleted;
      if (deleted < batch || stopped) return total;
      await new Promise((resolve) => setTimeout(resolve, BETWEEN_BATCHES_MS));
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        // A database away for a moment: the next run catches up.
        .catch((error: unknown) => log(`audit retention: ${error instanceof Error ? error.message : String(error)}`))
        .finally(schedule);
    }, options.everyMs ?? AUDIT_PRUNE_EVERY_MS);
    timer.unref();
  };
  if (options.autoStart ?? true) schedule();

  return {
    runOnce,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
