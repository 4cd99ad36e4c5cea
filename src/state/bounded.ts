// Background work over many items at a bounded concurrency: the profile
// picker asks one request per profile, and a file of fifty profiles must not
// open fifty connections at once.

/** Runs `work` over `items`, at most `limit` at a time; resolves when all have settled. */
export async function eachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
