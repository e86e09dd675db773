import { resolve } from 'node:path';

/** Everything the portal reads from the environment, validated once at start. */
export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly databaseUrl: string | null;
  readonly dataDir: string | null;
  readonly dbPoolSize: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly seedDemo: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and checks the configuration; every bad value is named with what would be right. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = env[name];
    if (v === undefined || v === '') {
      return fallback;
    }
    if ((allowed as readonly string[]).includes(v)) {
      return v as T;
    }
    problems.push(`${name}="${v}" must be one of: ${allowed.join(', ')}`);
    return fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = env[name];
    if (v === undefined || v === '') {
      return fallback;
    }
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) {
      problems.push(`${name}="${v}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const url = (name: string, protocols: readonly string[]): string | null => {
    const v = env[name];
    if (v === undefined || v === '') {
      return null;
    }
    try {
      const parsed = new URL(v);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      }
      return v;
    } catch {
      problems.push(`${name} is not a valid URL`);
      return null;
    }
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const port = int('PORT', 3000, 0, 65535);
  const host = env['HOST'] || '127.0.0.1';
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const dataDirRaw = env['DATA_DIR'] || './data/pglite';
  const config: Config = {
    env: nodeEnv,
    host,
    port,
    publicUrl,
    databaseUrl,
    dataDir: dataDirRaw === ':memory:' ? null : resolve(dataDirRaw),
    dbPoolSize: int('DB_POOL_SIZE', 10, 1, 200),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    seedDemo: oneOf('SEED_DEMO', ['true', 'false'] as const, 'true') === 'true',
  };
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}
