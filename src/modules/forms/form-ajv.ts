import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

import type { Answers, ApplicationForm } from './form.schemas.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** One Ajv for every form: all errors, strict about unknown keywords (a typo in a schema fails the import). */
const ajv = addFormats(new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false }));

const compiled = new WeakMap<object, ValidateFunction<Answers>>();

/** The compiled validator of a form's schema; compiled once per schema object (catalogue records are cached). */
export function validatorOf(form: ApplicationForm): ValidateFunction<Answers> {
  const known = compiled.get(form.schema);
  if (known !== undefined) {
    return known;
  }
  const fn = ajv.compile<Answers>(form.schema);
  compiled.set(form.schema, fn);
  return fn;
}

/** Compiles a schema, answering the compiler's message instead of throwing. */
export function compileProblem(schema: object): string | null {
  try {
    ajv.compile(schema);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
