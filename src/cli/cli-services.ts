import { loadConfig, ConfigError } from '../app/config.ts';
import { buildServices, type Services } from '../app/container.ts';

/** Opens the configured database for a command-line tool; bad configuration ends the process with a message. */
export async function cliServices(): Promise<Services> {
  try {
    return await buildServices(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
