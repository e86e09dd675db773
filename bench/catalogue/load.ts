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

/**
 * Sends the paths round-robin for `seconds` and reports mean requests per second and latency. The
 * connections share one sequence (each request takes the next path), so a list of distinct queries
 * is not sent by every connection at once, where all but the first would find the page cached.
 */
export async function load(base: string, name: string, paths: readonly string[], options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }],
  });
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
