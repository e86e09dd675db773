/**
 * A CPU profile of one phase of a benchmark, taken in its own process through the inspector: set
 * BENCH_PROFILE_DIR=<dir> and the phase's profile is written there as <name>.cpuprofile (open it in
 * Chrome's DevTools, or summarize it with `node --import tsx bench/profile/summary.ts <file>`).
 * Without the variable the phase runs as it is.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env['BENCH_PROFILE_DIR'];
  if (dir === undefined || dir === '') {
    return work();
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`   CPU profile of ${name}: ${file}`);
  }
}
