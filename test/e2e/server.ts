import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningPortal {
  readonly url: string;
  /** The process `npm start` runs in (the portal below it). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts the portal the way the README does (`npm start`), on a fresh embedded database unless DATABASE_URL is set. */
export async function startPortal(env: Record<string, string> = {}): Promise<RunningPortal> {
  const [port, statePort, bankPort, paymentPort, registryPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-e2e-'));
  const child = spawn('npm', ['start'], {
    env: {
      ...process.env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, EID_STATE_PORT: String(statePort), EID_BANK_PORT: String(bankPort), PAYMENT_SIMULATOR_PORT: String(paymentPort), EXCHANGE_REGISTRY_PORT: String(registryPort), JOB_INTERVAL_SECONDS: '2',
      DATA_DIR: join(dataDir, 'pglite'), LOG_LEVEL: 'warn', ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    // Ended by a signal, it has no exit code: either way it is gone, and so is its process group.
    if (child.exitCode !== null || child.signalCode !== null) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`npm start exited with ${child.exitCode ?? child.signalCode}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // Not left running behind the failed run: `npm start` and the portal below it, by its group.
      if (child.pid !== undefined) {
        process.kill(-child.pid, 'SIGTERM');
      }
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error('the portal did not become ready within 120 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.pid !== undefined && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
