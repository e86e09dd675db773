/**
 * Where the browser tests spend their time: each kind of step's count and summed duration, printed at
 * the end of the run. Checks run side by side, so the sums add up to more than the run's wall time;
 * they say which kind of step to make cheaper.
 */
import { readdirSync, readFileSync } from 'node:fs';

const totals = new Map<string, { ms: number; count: number }>();

/** Counts one step of kind `what` (no time: a step skipped, such as an audit already done). */
export function tally(what: string, ms = 0): void {
  const total = totals.get(what) ?? { ms: 0, count: 0 };
  total.ms += ms;
  total.count += 1;
  totals.set(what, total);
}

/** Runs `work`, adding its duration to the kind `what`. */
export async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    tally(what, performance.now() - started);
  }
}

/** One line per kind of step, the costliest first. */
export function profileLines(): string[] {
  return [...totals.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([what, { ms, count }]) => `${(ms / 1000).toFixed(1).padStart(8)} s  ${String(count).padStart(5)}×  ${what}`);
}

/** Clock ticks per second of /proc/<pid>/stat's times (100 on Linux). */
const TICKS = 100;

/** The processes below `root` (itself included), from /proc: pid → [parent, CPU seconds (user + system, waited-for children included)]. */
function processTree(root: number): Map<number, number> {
  const all = new Map<number, { parent: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces), from field 3 on: state, ppid, …, utime (14), stime, cutime, cstime.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
      all.set(Number(entry), { parent: Number(fields[1]), cpu: ((utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0)) / TICKS });
    } catch {
      // ended meanwhile
    }
  }
  const tree = new Map<number, number>();
  const visit = (pid: number) => {
    const process = all.get(pid);
    if (process && !tree.has(pid)) {
      tree.set(pid, process.cpu);
      for (const [child, p] of all) {
        if (p.parent === pid) {
          visit(child);
        }
      }
    }
  };
  visit(root);
  return tree;
}

/**
 * CPU seconds so far of this process and what it started, split into the portal (the tree under
 * `portalPid`), the browser (every other process below this one) and the test runner itself.
 */
export function cpuSeconds(portalPid: number | undefined): { portal: number; browser: number; runner: number } {
  const own = process.cpuUsage();
  const everything = processTree(process.pid);
  const portalTree = portalPid === undefined ? new Map<number, number>() : processTree(portalPid);
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const portal = sum(portalTree);
  return { portal, browser: sum(everything) - portal - (everything.get(process.pid) ?? 0), runner: (own.user + own.system) / 1e6 };
}

/** The line of `cpuSeconds`, for the end of a run. */
export function cpuLines(portalPid: number | undefined): string[] {
  const { portal, browser, runner } = cpuSeconds(portalPid);
  return [`CPU seconds: the portal ${portal.toFixed(1)}, the browser ${browser.toFixed(1)}, the test runner ${runner.toFixed(1)}`];
}
