/** The demo state's registers as files (registries/demo), read by the registries' stand-ins. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const REGISTRIES_DIR = fileURLToPath(new URL('../../../registries/demo/', import.meta.url));

export const readDemo = async <T>(name: string): Promise<T> => JSON.parse(await readFile(`${REGISTRIES_DIR}${name}`, 'utf8')) as T;

/** A register's answers by subject: the record, or undefined for "no such subject" (404). */
export type Lookup<T> = (subject: string) => T | undefined;
