import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import { openDatabase } from '../../src/platform/db/open.ts';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU seconds (user and system) a process has used so far, from /proc (Linux); 0 once it has gone. */
function cpuSeconds(pid: number): number {
  const path = `/proc/${pid}/stat`;
  if (!existsSync(path)) {
    return 0;
  }
  const stat = readFileSync(path, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export interface CpuUse {
  /** CPU seconds of the portal process. */
  readonly portal: number;
  /** CPU seconds of the PostgreSQL backends serving it (0 on PGlite, which runs inside the portal). */
  readonly database: number;
}

/**
 * Measures the CPU the portal and its PostgreSQL backends spend, so a route's cost can be compared
 * with the baselines' even when other work shares the machine and throughput says little. The
 * backends are found by the application name the portal connects with.
 */
export async function cpuMeter(portalPid: number, databaseUrl: string | null, applicationName: string) {
  const admin = databaseUrl ? await openDatabase({ url: databaseUrl, dataDir: null, poolSize: 1 }) : null;
  const backends = async () =>
    admin ? (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName])).map((r) => r.pid) : [];
  return {
    /** A reading now; `since` gives what was spent after an earlier reading. */
    async read(): Promise<Map<number, number>> {
      const pids = [portalPid, ...(await backends())];
      return new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
    },
    since(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): CpuUse {
      let database = 0;
      for (const [pid, seconds] of after) {
        if (pid !== portalPid) {
          database += seconds - (before.get(pid) ?? 0);
        }
      }
      return { portal: (after.get(portalPid) ?? 0) - (before.get(portalPid) ?? 0), database };
    },
    close: async () => admin?.close(),
  };
}
