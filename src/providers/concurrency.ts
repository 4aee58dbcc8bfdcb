/**
 * Runs `fn` over `items` with at most `limit` calls in flight, answering in item order: per-item
 * upstream calls (real-time balances, customer lookups, sessions) go out in parallel, but an
 * org-wide list must not open hundreds of sockets or burn a rate budget at once.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
