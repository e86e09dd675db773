// Prints "<suite>: N passed, N failed" for each JSON report (vitest's, or the e2e runner's) and a total.
// Exits non-zero when any suite failed or ran no test.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let empty = false;
for (const arg of process.argv.slice(2)) {
  const [name, file] = arg.split('=');
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const p = report.numPassedTests ?? report.passed ?? 0;
  const f = report.numFailedTests ?? report.failed ?? 0;
  passed += p;
  failed += f;
  empty ||= p + f === 0;
  console.log(`${name}: ${p} passed, ${f} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || empty ? 1 : 0);
