import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs on the embedded database at port 3000 with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, publicUrl: 'http://localhost:3000', seedDemo: true });
    expect(config.dataDir).toMatch(/data\/pglite$/);
  });

  it('names every bad value with what would be right', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', PUBLIC_URL: 'not a url', DB_POOL_SIZE: '0' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'PORT="eighty" must be a whole number from 0 to 65535',
        'DATABASE_URL must start with postgres:// or postgresql://',
        'PUBLIC_URL is not a valid URL',
        'DB_POOL_SIZE="0" must be a whole number from 1 to 200',
        'LOG_LEVEL="loud" must be one of: fatal, error, warn, info, debug, trace, silent',
      ]);
    }
  });

  it('takes a PostgreSQL URL and trims the public URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', PUBLIC_URL: 'https://portal.example/' });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(config.publicUrl).toBe('https://portal.example');
  });
});
