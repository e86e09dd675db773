/** vitest's global setup: the run's migrated template database, built once before any test file starts. */
import { buildTemplate } from './database.ts';

export default async function setup(): Promise<void> {
  await buildTemplate();
}
