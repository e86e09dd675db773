/**
 * The production build: `npm run build`, then `NODE_ENV=production node dist/main.js` (plain node, no
 * TypeScript loader; docs/operations.md).
 *
 * 1. tsc (tsconfig.build.json) checks src/ without the tests and writes dist/, a mirror of src/ in
 *    JavaScript whose relative imports name the .js files. dist/ sits beside src/ at the same depth, so
 *    what a module reads relative to itself at the repository's root (migrations/, catalogue/demo/,
 *    registries/demo/, node_modules/) it finds from dist/ exactly as from src/.
 * 2. The files src/ keeps beside its modules for run time are copied: every file of src/web/assets/
 *    but the Sass sources (the site icons).
 * 3. The stylesheet is compiled once, into dist/web/assets/portico.css, which a built process serves
 *    as it is (src/web/common/stylesheet.ts).
 *
 * `--no-check` leaves out the type check (the emitted files are the same): for the test of the build
 * (test/ops/production.test.ts), which runs in a suite whose `npm run typecheck` has checked the same
 * sources.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const ASSETS = join(ROOT, 'src/web/assets');
const noCheck = process.argv.includes('--no-check');

rmSync(DIST, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), ...(noCheck ? ['--noCheck'] : [])], { stdio: 'inherit' });
if (compiled.status !== 0) {
  process.exit(compiled.status ?? 1);
}

mkdirSync(join(DIST, 'web/assets'), { recursive: true });
for (const entry of readdirSync(ASSETS, { withFileTypes: true })) {
  if (entry.isFile() && !entry.name.endsWith('.scss')) {
    cpSync(join(ASSETS, entry.name), join(DIST, 'web/assets', entry.name));
  }
}

// The built module compiles from src/web/assets (there is no portico.css in dist yet), as `npm start` does.
const { stylesheet } = await import(pathToFileURL(join(DIST, 'web/common/stylesheet.js')).href);
writeFileSync(join(DIST, 'web/assets/portico.css'), stylesheet().css);
console.log(`built ${DIST}${noCheck ? ' (not type-checked)' : ''}`);
