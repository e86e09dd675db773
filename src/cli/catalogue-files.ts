import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { type CatalogueRecords, FILE_KEYS, type FileIssue, parseCatalogueFiles, RECORD_KINDS } from '../modules/catalogue/index.ts';
import { type Result, err, ok } from '../kernel/result.ts';

/** Reads catalogue JSON files (or every *.json in the given folders) and validates them against the schema. */
export interface CatalogueFiles {
  readonly records: CatalogueRecords;
  readonly files: readonly string[];
  /** The file each record came from, by `kind:id`. */
  readonly origin: ReadonlyMap<string, string>;
}

export async function readCatalogueFiles(paths: readonly string[]): Promise<Result<CatalogueFiles, FileIssue[]>> {
  const files: string[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.endsWith('.json')).sort();
      files.push(...names.map((n) => join(p, n)));
    } else {
      files.push(p);
    }
  }
  const parsed: Array<{ name: string; content: unknown }> = [];
  const issues: FileIssue[] = [];
  for (const file of files) {
    const name = relative(process.cwd(), file) || file;
    try {
      parsed.push({ name, content: JSON.parse(await readFile(file, 'utf8')) as unknown });
    } catch (error) {
      issues.push({ file: name, kind: null, index: null, recordId: null, pointer: '', message: `is not valid JSON: ${(error as Error).message}` });
    }
  }
  if (issues.length > 0) {
    return err(issues);
  }
  const result = parseCatalogueFiles(parsed);
  if (!result.ok) {
    return result;
  }
  const origin = new Map<string, string>();
  for (const file of parsed) {
    for (const kind of RECORD_KINDS) {
      const list = (file.content as Record<string, Array<{ id: string }> | undefined>)[FILE_KEYS[kind]] ?? [];
      list.forEach((r) => origin.set(`${kind}:${r.id}`, file.name));
    }
  }
  return ok({ records: result.value, files: parsed.map((p) => p.name), origin });
}
