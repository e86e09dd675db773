import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

import type { Answers, ApplicationForm } from './form.schemas.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** One Ajv for every form: all errors, strict about unknown keywords (a typo in a schema fails the import). */
const ajv = addFormats(new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false }));

const compiled = new WeakMap<object, ValidateFunction<Answers>>();
/**
 * What compiling a schema gave, by the schema's JSON text: a schema read again (each import parses the
 * catalogue's files anew, and a process imports the same records many times: the tests) is compiled
 * once, and Ajv does not keep one more compiled copy of the same schema each time.
 */
const byText = new Map<string, { fn: ValidateFunction<Answers> } | { problem: string }>();

function compileOnce(schema: object): { fn: ValidateFunction<Answers> } | { problem: string } {
  const text = JSON.stringify(schema);
  let result = byText.get(text);
  if (result === undefined) {
    try {
      result = { fn: ajv.compile<Answers>(schema) };
    } catch (e) {
      result = { problem: e instanceof Error ? e.message : String(e) };
    }
    byText.set(text, result);
  }
  return result;
}

/** The compiled validator of a form's schema; compiled once per schema (catalogue records are cached). */
export function validatorOf(form: ApplicationForm): ValidateFunction<Answers> {
  const known = compiled.get(form.schema);
  if (known !== undefined) {
    return known;
  }
  const result = compileOnce(form.schema);
  if ('problem' in result) {
    throw new Error(result.problem);
  }
  compiled.set(form.schema, result.fn);
  return result.fn;
}

/** Compiles a schema, answering the compiler's message instead of throwing. */
export function compileProblem(schema: object): string | null {
  const result = compileOnce(schema);
  return 'problem' in result ? result.problem : null;
}
