import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const PRODUCT = ['src/kernel', 'src/platform', 'src/modules', 'src/web', 'src/api'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the product apart from its stand-ins', () => {
  it('no product file imports src/dev (the embedded eID, simulators, SMTP sink): only the composition root loads them', () => {
    const offenders = PRODUCT.flatMap((dir) => files(join(ROOT, dir)))
      .filter((path) => /(from|import\()\s*'[^']*\/dev\/[^']*'/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(offenders).toEqual([]);
  });

  it('the composition root loads src/dev only through dynamic imports', () => {
    const staticImports = files(join(ROOT, 'src/app'))
      .filter((path) => !path.endsWith('.test.ts'))
      .filter((path) => /^import (?!type )[^;]*from '\.\.\/dev\//m.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(staticImports).toEqual([]);
  });
});
