import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type * as Sass from 'sass';

/**
 * Portico's stylesheet, compiled from src/web/assets/portico.scss (govuk-frontend and MoJ Frontend
 * under Portico's brand, ADR 0014). Compiled once per process, and cached on disk under
 * node_modules/.cache/ keyed by the hash of the Sass sources and the versions of the packages they
 * use, so a restart (or the next test file) reads the CSS instead of compiling it again. The
 * production build (`npm run build`, scripts/build.mjs) compiles it once into dist/web/assets/, next
 * to the built modules, and a built process reads that file: it needs neither the Sass sources nor
 * the compiler.
 */
export interface Stylesheet {
  readonly css: Buffer;
  /** The first characters of the CSS's SHA-256: part of its URL, so the URL changes when the CSS does. */
  readonly hash: string;
  /** `/assets/portico.<hash>.css`, served with a year-long immutable cache. */
  readonly href: string;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = join(ROOT, 'src/web/assets');
const CACHE = join(ROOT, 'node_modules/.cache/portico-css');
/** Written by the production build beside the built modules; absent beside the sources. */
const BUILT = fileURLToPath(new URL('../assets/portico.css', import.meta.url));
const PACKAGES = ['sass', 'govuk-frontend', '@ministryofjustice/frontend'] as const;

let memo: Stylesheet | null = null;

export function stylesheet(): Stylesheet {
  memo ??= load();
  return memo;
}

/** The hash of everything the CSS is made from: the .scss files (names and contents) and the package versions. */
export function sourcesKey(): string {
  const hash = createHash('sha256');
  for (const file of scssFiles(SOURCES)) {
    hash.update(file.slice(SOURCES.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    hash.update(`${name}@${manifest.version}\0`);
  }
  return hash.digest('hex').slice(0, 32);
}

function load(): Stylesheet {
  const css = readIfPresent(BUILT) ?? compiled();
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 16);
  return { css, hash, href: `/assets/portico.${hash}.css` };
}

function compiled(): Buffer {
  const cached = join(CACHE, `${sourcesKey()}.css`);
  return readIfPresent(cached) ?? compileAndStore(cached);
}

function compileAndStore(target: string): Buffer {
  // Loaded only here: a built process reads the CSS the build compiled, and never loads the compiler.
  const { compile } = createRequire(import.meta.url)('sass') as typeof Sass;
  const result = compile(join(SOURCES, 'portico.scss'), { loadPaths: [ROOT], style: 'compressed', quietDeps: true });
  const css = Buffer.from(result.css, 'utf8');
  try {
    mkdirSync(CACHE, { recursive: true });
    // Write then rename, so a process reading the cache never sees half a file.
    const partial = `${target}.${process.pid}.tmp`;
    writeFileSync(partial, css);
    renameSync(partial, target);
  } catch {
    // A read-only node_modules only costs a compile per process.
  }
  return css;
}

function readIfPresent(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function scssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? scssFiles(join(dir, entry.name)) : entry.name.endsWith('.scss') ? [join(dir, entry.name)] : []));
}
