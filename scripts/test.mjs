/**
 * `npm test`: the static checks (`npm run check`: the type check and ESLint on one program, knip,
 * dependency-cruiser) and the suite (`vitest run`, given this script's arguments) side by side, one
 * result. The checks used to run first, and the suite waited for them: on two cores the type check,
 * a single thread, left the other core to the suite only once it had ended. The checks run at a
 * lower priority than the suite (nice 10), so the suite's timed tests are not slowed by them; their
 * output is shown when both have ended, after the suite's. Fails when either fails.
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const npm = process.env['npm_execpath'];

const checkOutput = [];
const check = npm
  ? spawn(process.execPath, [npm, 'run', 'check'], { stdio: ['ignore', 'pipe', 'pipe'] })
  : spawn('npm', ['run', 'check'], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
check.stdout.on('data', (chunk) => checkOutput.push(chunk));
check.stderr.on('data', (chunk) => checkOutput.push(chunk));
try {
  setPriority(check.pid, 10);
} catch {
  // Not allowed here: the checks run at the suite's priority.
}
const suite = spawn(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], { stdio: 'inherit' });

const ended = (child) => new Promise((resolve) => {
  child.on('error', (error) => {
    console.error(error);
    resolve(1);
  });
  child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
const [suiteStatus, checkStatus] = await Promise.all([ended(suite), ended(check)]);

process.stdout.write(Buffer.concat(checkOutput));
console.log(`npm test: the suite ${suiteStatus === 0 ? 'passed' : `failed (exit ${suiteStatus})`}, the checks (typecheck, eslint, knip, depcruise) ${checkStatus === 0 ? 'passed' : `failed (exit ${checkStatus})`}`);
process.exitCode = suiteStatus !== 0 || checkStatus !== 0 ? 1 : 0;
