import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { Command } from '../../src/cli/cli-services.ts';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A command of src/cli run in this process, with its output captured: what the tests of a command's
 * logic use (a child process costs seconds of compiling before the command even starts).
 */
export async function runCommand(command: Command, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await command(args, { env: { ...process.env, ...env }, out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** A command of src/cli run as npm runs it (`node --import tsx src/cli/<script>.ts`): one test per command proves the script itself runs. */
export async function spawnCommand(script: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
