/**
 * Group commit (ADR 0028, first for the exchange's log): a write asked for while the previous one is in flight
 * waits for it and goes with the others that arrived meanwhile, as one statement; every caller's promise
 * settles when the statement holding its item has committed (or failed), so an item is durable before
 * its caller goes on. An idle writer writes at once: no timer, no added wait; only under concurrency do
 * writes share a statement, and then one commit serves many requests.
 */
export function coalescing<T, R>(write: (items: readonly T[]) => Promise<readonly R[]>, maxBatch = 1000): (item: T) => Promise<R> {
  let queue: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  let writing = false;
  const drain = async () => {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      try {
        const results = await write(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(results[i] as R));
      } catch (error) {
        for (const b of batch) {
          b.reject(error);
        }
      }
    }
    writing = false;
  };
  return (item) => new Promise<R>((resolve, reject) => {
    queue.push({ item, resolve, reject });
    if (!writing) {
      void drain();
    }
  });
}
