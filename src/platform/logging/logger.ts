import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; secrets and cookies are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  });
}
