/**
 * Test helper: validates a JSON-LD document against the official DCAT-AP 3.0.1 SHACL shapes (the shapes and the
 * ranges), read from the unmodified copy in test/reference/dcat-ap-3.0.1 (CC BY 4.0, see the README beside them).
 */
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';

import { toDataset } from '../catalogue/shacl.ts';

const DCAT_AP_DIR = new URL('../reference/dcat-ap-3.0.1/', import.meta.url);
const SH_VIOLATION = 'http://www.w3.org/ns/shacl#Violation';

let validator: Promise<SHACLValidator> | undefined;

function loadValidator(): Promise<SHACLValidator> {
  validator ??= (async () => {
    const shapes = rdf.dataset();
    await shapes.import(rdf.fromFile(new URL('dcat-ap-SHACL.ttl', DCAT_AP_DIR)));
    await shapes.import(rdf.fromFile(new URL('ranges.ttl', DCAT_AP_DIR)));
    return new SHACLValidator(shapes);
  })();
  return validator;
}

/** The sh:Violation results of validating the document (none: it conforms), and the number of shapes' results in all. */
export async function validateDcatAp(doc: object): Promise<{ violations: Array<{ focusNode: string; path: string; message: string }>; results: number }> {
  const [dataset, shacl] = await Promise.all([toDataset(doc), loadValidator()]);
  const report = await shacl.validate(dataset);
  const violations = report.results
    .filter((r) => r.severity.value === SH_VIOLATION)
    .map((r) => ({ focusNode: r.focusNode.value, path: r.path?.value ?? '', message: r.message.map((m) => m.value).join('; ') }));
  return { violations, results: report.results.length };
}
