import { pathToFileURL } from 'node:url';

import { loadConfig, ConfigError, type Config } from '../app/config.ts';
import { buildServices, type Services } from '../app/container.ts';

/** What a command reads and writes besides its arguments: the environment and the two output streams. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** A command: its arguments and io in, its exit code out. */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const processIo: CliIo = {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Runs the command when its file is the script node was started with (`node --import tsx src/cli/X.ts`),
 * and does nothing when the file is only imported (the tests call the command in-process).
 */
export async function runIfScript(meta: ImportMeta, command: Command): Promise<void> {
  const script = process.argv[1];
  if (script !== undefined && meta.url === pathToFileURL(script).href) {
    process.exitCode = await command(process.argv.slice(2), processIo);
  }
}

/** The configuration from the command's environment; on bad configuration, writes why and returns null (exit 2). */
export function cliConfig(io: CliIo): Config | null {
  try {
    return loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/** Opens the configured database for a command-line tool; on bad configuration, writes why and returns null (exit 2). */
export async function cliServices(io: CliIo): Promise<Services | null> {
  const config = cliConfig(io);
  return config === null ? null : buildServices(config);
}

export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
