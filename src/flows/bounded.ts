// Work over many items at a bounded concurrency, shared by `profile check`
// (one request per profile) and the UI's profile picker (each profile's token
// expiry in the background): a file of fifty profiles must not open fifty
// connections at once.

/** Runs `work` over `items`, at most `limit` at a time; the results keep the items' order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
