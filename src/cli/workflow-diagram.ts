/**
 * Prints the case workflow of a service as a Mermaid state diagram, generated from the catalogue
 * record (the service's own `workflow`, or the default one):
 *   npm run workflow:diagram -- international-passport [--lang en] [--dir catalogue/demo]
 */
import { DEMO_DIR } from '../app/demo.ts';
import { defaultWorkflow, toMermaid } from '../modules/workflow/index.ts';
import { readCatalogueFiles } from './catalogue-files.ts';
import { argValue, type CliIo, runIfScript } from './cli-services.ts';

export async function workflowDiagram(args: readonly string[], io: CliIo): Promise<number> {
  const serviceId = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const lang = argValue(args, '--lang') === 'en' ? 'en' : 'uk';
  if (serviceId === undefined) {
    io.err('usage: npm run workflow:diagram -- <service id> [--lang uk|en] [--dir <catalogue directory>]\n');
    return 2;
  }
  const read = await readCatalogueFiles([argValue(args, '--dir') ?? DEMO_DIR]);
  if (!read.ok) {
    io.err(`the catalogue files are invalid (run npm run catalogue:import to see why)\n`);
    return 1;
  }
  const service = read.value.records.services.find((s) => s.id === serviceId);
  if (service === undefined) {
    io.err(`no service "${serviceId}" in the catalogue\n`);
    return 1;
  }
  io.out(toMermaid(service.workflow ?? defaultWorkflow, lang));
  return 0;
}

await runIfScript(import.meta, workflowDiagram);
