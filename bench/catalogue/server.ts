import { type ChildProcess, spawn } from 'node:child_process';

export interface Server {
  readonly url: string;
  /** The portal process, for its CPU use. */
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a portal process (the same entry point as `npm start`) and waits until it is ready; `cwd`
 * is the checkout it runs from (another one, to compare two versions side by side).
 */
export async function startServer(env: Record<string, string>, port: number, cwd = process.cwd()): Promise<Server> {
  // BENCH_PROFILE_DIR=<dir>: the portal writes a CPU profile there when it stops (node --cpu-prof).
  // BENCH_NODE_FLAGS='--trace-gc …': more flags for the portal's node (with --perf-basic-prof, `perf record -p`).
  const profile = process.env['BENCH_PROFILE_DIR'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE_DIR']}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, ...(process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'src/main.ts'], {
    cwd,
    // No identity provider and local message stand-ins: the catalogue pages measured need neither.
    env: { ...process.env, ...env, PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'test', EID_EMBEDDED: 'false', PAYMENT_SIMULATOR_PORT: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`portal exited with ${child.exitCode}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) {
        return {
          url,
          pid: child.pid ?? 0,
          stop: async () => {
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            await exited;
          },
        };
      }
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('portal did not become ready');
}
