import { DEMO_DIR } from '../../src/app/demo.ts';
import { readCatalogueFiles } from '../../src/cli/catalogue-files.ts';
import type { CatalogueRecords } from '../../src/modules/catalogue/index.ts';

/** The demo catalogue as shipped, validated by the same reader the portal uses. */
export async function demoRecords(): Promise<CatalogueRecords> {
  const read = await readCatalogueFiles([DEMO_DIR]);
  if (!read.ok) {
    throw new Error(`demo catalogue is invalid: ${JSON.stringify(read.error.slice(0, 5))}`);
  }
  return read.value.records;
}
