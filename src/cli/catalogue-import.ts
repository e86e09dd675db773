/**
 * Imports catalogue records from JSON files or folders of them:
 *   npm run catalogue:import -- catalogue/demo [more files or folders]
 * Every file is validated against the catalogue JSON Schema and every reference is checked before
 * anything is written; on any problem nothing is written and each problem is printed with its
 * file, record and field. Stop the portal first when it runs on the embedded database.
 */
import { readCatalogueFiles } from './catalogue-files.ts';
import { argValue, type CliIo, cliServices, runIfScript } from './cli-services.ts';
import { formatIssue, locateIssues, type RecordKind } from '../modules/catalogue/index.ts';

export async function catalogueImport(args: readonly string[], io: CliIo): Promise<number> {
  const by = argValue(args, '--by') ?? `cli:${io.env['USER'] ?? 'unknown'}`;
  const paths = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--by');
  if (paths.length === 0) {
    io.err('usage: npm run catalogue:import -- <file.json|folder> [...] [--by NAME]\n');
    return 2;
  }
  const read = await readCatalogueFiles(paths);
  if (!read.ok) {
    io.err(`Rejected: ${read.error.length} problem(s); nothing was written.\n${read.error.map(formatIssue).join('\n')}\n`);
    return 1;
  }
  const services = await cliServices(io);
  if (services === null) {
    return 2;
  }
  try {
    const result = await services.catalogue.importRecords(read.value.records, by);
    if (!result.ok) {
      const { origin, files } = read.value;
      const fileOf = (kind: RecordKind, id: string) => origin.get(`${kind}:${id}`) ?? `(catalogue, not in ${files.join(', ')})`;
      const issues = locateIssues(result.error.issues, fileOf);
      io.err(`Rejected: ${issues.length} problem(s); nothing was written.\n${issues.map(formatIssue).join('\n')}\n`);
      return 1;
    }
    const { created, updated, unchanged, revision } = result.value;
    io.out(`Imported into catalogue revision ${revision}: created ${JSON.stringify(created)}, updated ${JSON.stringify(updated)}, unchanged ${unchanged}.\n`);
    return 0;
  } finally {
    await services.db.close();
  }
}

await runIfScript(import.meta, catalogueImport);
