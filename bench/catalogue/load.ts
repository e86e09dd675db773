import autocannon from 'autocannon';

export interface LoadResult {
  readonly name: string;
  readonly rps: number;
  /** Requests answered during the measurement. */
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface LoadOptions {
  readonly connections: number;
  readonly seconds: number;
}

/** Where each list of paths was left: a later load (the measurement after its warm-up) goes on from there. */
const cursors = new WeakMap<readonly string[], number>();

/**
 * Sends the paths round-robin for `seconds` and reports mean requests per second and latency. The
 * connections share one sequence (each request takes the next path), so a list of distinct queries
 * is not sent by every connection at once, where all but the first would find the page cached; and
 * a list is continued, not restarted, by the next load of it, so a warm-up does not fill the caches
 * with the pages the measurement then asks for.
 */
export async function load(base: string, name: string, paths: readonly string[], options: LoadOptions): Promise<LoadResult> {
  let next = cursors.get(paths) ?? 0;
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }],
  });
  cursors.set(paths, next);
  return {
    name,
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
