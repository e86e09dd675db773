/**
 * Writes the OpenAPI document to docs/openapi.json, where it is reviewed like code:
 *   npm run openapi
 * A test fails when the committed file differs from what the routes generate.
 */
import { writeFile } from 'node:fs/promises';

import { loadConfig } from '../app/config.ts';
import { buildServices } from '../app/container.ts';
import { buildHttp } from '../app/http.ts';
import { createLogger } from '../platform/logging/logger.ts';

export const OPENAPI_FILE = 'docs/openapi.json';

export async function generateOpenApi(): Promise<string> {
  const config = loadConfig({ DATA_DIR: ':memory:', PUBLIC_URL: 'https://portal.example.gov.ua', LOG_LEVEL: 'silent' });
  const services = await buildServices(config);
  try {
    const { app } = await buildHttp(services, createLogger('silent'));
    await app.ready();
    const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return doc;
  } finally {
    await services.db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(OPENAPI_FILE, await generateOpenApi());
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}
