/** The metrics endpoint's settings (see docs/operations.md, "Metrics"). */
export interface MetricsConfig {
  /** METRICS_TOKEN: the bearer token a scraper must send (32 characters or more); null when not set. */
  readonly token: string | null;
  /** Without a token /metrics answers only in development on a loopback address; anywhere else it is a 404. */
  readonly openWithoutToken: boolean;
}

/** METRICS_TOKEN: a bearer token of RFC 6750's characters, long enough not to be guessed. */
export function metricsConfig(env: Readonly<Record<string, string | undefined>>, at: { nodeEnv: string; host: string }, problems: string[]): MetricsConfig {
  const token = env['METRICS_TOKEN'] ?? '';
  if (token !== '' && (token.length < 32 || !/^[A-Za-z0-9._~+/-]+=*$/.test(token))) {
    problems.push('METRICS_TOKEN must be at least 32 characters of letters, digits and -._~+/');
  }
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(at.host);
  return { token: token === '' ? null : token, openWithoutToken: at.nodeEnv === 'development' && loopback };
}
