import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TEXT = /\.(ts|tsx|mjs|js|json|md|sql|sh)$|^\.ci\/run$/;

/** What .gitignore keeps out of the repository, and the reference files themselves. */
const SKIPPED = new Set(['.git', 'node_modules', 'data', '.tmp', 'coverage', 'bench/results', 'test-results', 'test/reference']);

/** Every text file the repository carries, as paths relative to its root (works in a copy without .git). */
function repositoryFiles(folder = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(resolve(ROOT, folder), { withFileTypes: true })) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (SKIPPED.has(path)) {
      continue;
    }
    if (entry.isDirectory()) {
      files.push(...repositoryFiles(path));
    } else if (TEXT.test(path)) {
      files.push(path);
    }
  }
  return files;
}

/** Relative paths resolved against a file that land outside the repository. */
function escapes(path: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/new URL\('((?:\.\.\/)+[^']*)',\s*import\.meta\.url\)/g)) {
    const target = resolve(dirname(resolve(ROOT, path)), match[1] ?? '');
    if (relative(ROOT, target).startsWith('..')) {
      found.push(match[1] ?? '');
    }
  }
  return found;
}

describe('the repository is self-contained', () => {
  it('no file reads or cites a folder beside the repository', () => {
    const offenders: string[] = [];
    for (const path of repositoryFiles()) {
      const text = readFileSync(resolve(ROOT, path), 'utf8');
      if (/\.\.\/shared\b|shared\/reference\//.test(text) && path !== 'test/repository/self-contained.test.ts') {
        offenders.push(`${path}: names ../shared`);
      }
      for (const target of escapes(path, text)) {
        offenders.push(`${path}: resolves ${target} outside the repository`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('carries the CPSV-AP shapes and context with their licence', () => {
    for (const file of ['cpsv-ap-SHACL.ttl', 'cpsv-ap.jsonld', 'README.md']) {
      expect(readFileSync(resolve(ROOT, 'test/reference/cpsv-ap-3.2.0', file), 'utf8').length).toBeGreaterThan(100);
    }
    expect(readFileSync(resolve(ROOT, 'test/reference/cpsv-ap-3.2.0/README.md'), 'utf8')).toMatch(/CC BY 4\.0/);
  });
});
