/** The open API's settings (ADR 0026), read with the rest of the configuration (config.ts). */
type Env = Readonly<Record<string, string | undefined>>;

export interface ApiConfig {
  /** API_TOKEN_SECRET: the HMAC key (HS256) of the open API's access tokens (32 characters or more; a public development key outside production). */
  readonly tokenSecret: string;
  /** API_TOKEN_SECONDS: an access token's lifetime (300). */
  readonly tokenSeconds: number;
}

const DEVELOPMENT_API_TOKEN_SECRET = 'portico-development-api-token-secret-not-for-production';

export function apiConfig(env: Env, nodeEnv: 'development' | 'test' | 'production', problems: string[], int: (name: string, fallback: number, min: number, max: number) => number): ApiConfig {
  const secret = env['API_TOKEN_SECRET'] ?? '';
  if (secret !== '' && secret.length < 32) {
    problems.push('API_TOKEN_SECRET must be at least 32 characters');
  }
  if (nodeEnv === 'production' && secret === '') {
    problems.push('NODE_ENV=production needs API_TOKEN_SECRET: the development API token secret is public');
  }
  return { tokenSecret: secret || DEVELOPMENT_API_TOKEN_SECRET, tokenSeconds: int('API_TOKEN_SECONDS', 300, 30, 3600) };
}
