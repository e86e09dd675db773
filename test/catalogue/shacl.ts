/**
 * Test helper: validates a JSON-LD document against the official CPSV-AP 3.2.0 SHACL shapes.
 * Works offline: the official shapes and context are read from the copy in test/reference/cpsv-ap-3.2.0.
 */
import { readFile } from 'node:fs/promises';
import jsonld from 'jsonld';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import { CPSV_AP_CONTEXT_URL } from '../../src/modules/catalogue/catalogue-jsonld.ts';

/** The unmodified CPSV-AP 3.2.0 files the repository carries (CC-BY 4.0, see the README beside them). */
export const CPSV_AP_DIR = new URL('../reference/cpsv-ap-3.2.0/', import.meta.url);

const SH_VIOLATION = 'http://www.w3.org/ns/shacl#Violation';

export interface ShaclResult {
  focusNode: string;
  path: string;
  message: string;
  severity: string;
}

/** A term of the RDF dataset produced by jsonld.toRDF. */
interface JsonLdTerm {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  value: string;
  datatype?: { value: string };
  language?: string;
}
interface JsonLdQuad {
  subject: JsonLdTerm;
  predicate: JsonLdTerm;
  object: JsonLdTerm;
  graph: JsonLdTerm;
}

/** @types/jsonld does not export RemoteDocument; derive it from the loader option. */
type RemoteDocument = Awaited<ReturnType<NonNullable<jsonld.Options.ToRdf['documentLoader']>>>;

let contextDocument: Promise<RemoteDocument['document']> | undefined;
let validator: Promise<SHACLValidator> | undefined;

async function documentLoader(url: string): Promise<RemoteDocument> {
  if (url !== CPSV_AP_CONTEXT_URL) { throw new Error(`No network in tests: refusing to load ${url}`); }
  contextDocument ??= readFile(new URL('cpsv-ap.jsonld', CPSV_AP_DIR), 'utf8').then(
    (json) => JSON.parse(json) as RemoteDocument['document'],
  );
  return { documentUrl: url, document: await contextDocument };
}

function loadValidator(): Promise<SHACLValidator> {
  validator ??= rdf
    .dataset()
    .import(rdf.fromFile(new URL('cpsv-ap-SHACL.ttl', CPSV_AP_DIR)))
    .then((shapes) => new SHACLValidator(shapes));
  return validator;
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const resource = (t: JsonLdTerm) =>
  t.termType === 'BlankNode' ? rdf.blankNode(t.value.slice(2)) : rdf.namedNode(t.value);
const object = (t: JsonLdTerm) =>
  t.termType === 'Literal'
    ? rdf.literal(t.value, t.language ?? rdf.namedNode(t.datatype?.value ?? XSD_STRING))
    : resource(t);

/** Converts JSON-LD to an RDF/JS dataset (safe mode: terms that would be silently dropped make it throw). */
export async function toDataset(doc: object) {
  // `safe` exists in jsonld 9 but not in @types/jsonld; a non-literal object skips the excess-property check.
  const options = { documentLoader, safe: true };
  const quads = (await jsonld.toRDF(doc, options)) as unknown as JsonLdQuad[];
  return rdf.dataset(
    quads.map((q) =>
      rdf.quad(
        resource(q.subject),
        rdf.namedNode(q.predicate.value),
        object(q.object),
        q.graph.termType === 'DefaultGraph' ? rdf.defaultGraph() : resource(q.graph),
      ),
    ),
  );
}

/**
 * Validates against the official shapes. `violations` holds only sh:Violation results (`conforms` means there are
 * none); `results` holds every result, warnings and infos included (the 3.2.0 shapes declare no other severity).
 */
export async function validateCpsvAp(
  doc: object,
): Promise<{ conforms: boolean; violations: ShaclResult[]; results: ShaclResult[] }> {
  const [dataset, shacl] = await Promise.all([toDataset(doc), loadValidator()]);
  const report = await shacl.validate(dataset);
  const results = report.results.map((r) => ({
    focusNode: r.focusNode.value,
    path: r.path?.value ?? '',
    message: r.message.map((m) => m.value).join('; '),
    severity: r.severity.value,
  }));
  const violations = results.filter((r) => r.severity === SH_VIOLATION);
  return { conforms: violations.length === 0, violations, results };
}
