/**
 * PostgreSQL's own tools for the backup and restore commands: pg_dump (custom format, from an
 * exported snapshot), pg_restore (to an SQL script) and psql (that script in one transaction). They
 * come from PG_BIN_DIR, else the PATH. The password of a connection URL goes to them in PGPASSWORD,
 * never on a command line that `ps` shows.
 */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

export const toolPath = (binDir: string | null, tool: PgTool) => (binDir === null ? tool : join(binDir, tool));

/** The URL without its password, and the environment that carries the password instead. */
function connection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password === '' ? process.env : { ...process.env, PGPASSWORD: password } };
}

/** The tool's major version (15 for "pg_dump (PostgreSQL) 15.20"), or why it cannot be run. */
export async function toolMajor(binDir: string | null, tool: PgTool): Promise<{ ok: true; major: number } | { ok: false; reason: string }> {
  try {
    const { stdout } = await promisify(execFile)(toolPath(binDir, tool), ['--version']);
    const major = /\(PostgreSQL\)\s+(\d+)/.exec(stdout)?.[1];
    return major === undefined ? { ok: false, reason: `${tool} --version said "${stdout.trim()}"` } : { ok: true, major: Number(major) };
  } catch (error) {
    return { ok: false, reason: `${toolPath(binDir, tool)} cannot be run (${(error as Error).message.split('\n')[0] ?? ''}); install the PostgreSQL client tools or set PG_BIN_DIR` };
  }
}

/** Runs a tool to its end; rejects with its standard error when it fails. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}

/** pg_dump of the database at `url`, as the exported snapshot `snapshot` sees it, to `file` (custom format). */
export async function pgDump(binDir: string | null, url: string, snapshot: string, file: string): Promise<void> {
  const c = connection(url);
  await run(toolPath(binDir, 'pg_dump'), ['--format=custom', `--snapshot=${snapshot}`, '--no-sync', `--file=${file}`, `--dbname=${c.url}`], c.env);
}

/**
 * Restores the dump `file` into the database at `url` in one transaction: pg_restore writes the SQL
 * (owners and grants left out: the restoring role owns everything), psql runs `prelude` and then that
 * SQL with `--single-transaction` and stops at the first error, so the target is changed entirely or
 * not at all.
 */
export async function pgRestore(binDir: string | null, url: string, file: string, prelude: string): Promise<void> {
  const c = connection(url);
  const psql = spawn(toolPath(binDir, 'psql'), ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', '--file=-', `--dbname=${c.url}`], { env: c.env, stdio: ['pipe', 'ignore', 'pipe'] });
  const script = spawn(toolPath(binDir, 'pg_restore'), ['--no-owner', '--no-acl', '--file=-', file], { env: c.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  psql.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  script.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  psql.stdin.on('error', () => undefined); // psql stopped at an error: its exit code says so
  psql.stdin.write(prelude);
  script.stdout.pipe(psql.stdin);
  const exit = (child: typeof psql | typeof script) => new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const [restored, scripted] = await Promise.all([exit(psql), exit(script)]);
  if (restored !== 0 || scripted !== 0) {
    throw new Error(`the restore was rolled back (pg_restore exited with ${scripted}, psql with ${restored}): ${stderr.trim()}`);
  }
}
