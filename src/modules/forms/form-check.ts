import { compileProblem } from './form-ajv.ts';
import type { ApplicationForm, FormField } from './form.schemas.ts';

/** A problem with a form, named by a JSON Pointer into the form. */
export interface FormProblem {
  readonly pointer: string;
  readonly message: string;
}

type PropertySchema = { type?: unknown; enum?: unknown; items?: { enum?: unknown; type?: unknown } };

const STRING_KINDS = new Set<FormField['kind']>(['text', 'textarea', 'email', 'tel', 'date', 'select', 'radio', 'file']);

/**
 * What the form's JSON Schema cannot say about itself: the schema compiles; every question answers
 * exactly one schema property and every property has a question; each question's kind fits its
 * property's type; choices equal the schema's enum; file questions name the service's evidence;
 * conditions look back at earlier questions only; page ids are unique.
 */
export function checkForm(form: ApplicationForm, evidenceIds: readonly string[], costIds: readonly string[] = [], onlineCostIds: readonly string[] = []): FormProblem[] {
  const problems: FormProblem[] = [];
  problems.push(...checkFeeQuestions(form, costIds, onlineCostIds));
  const compileError = compileProblem(form.schema);
  if (compileError !== null) {
    problems.push({ pointer: '/schema', message: `does not compile: ${compileError}` });
  }
  const properties = (form.schema['properties'] ?? {}) as Record<string, PropertySchema>;
  const required = Array.isArray(form.schema['required']) ? (form.schema['required'] as unknown[]) : [];
  for (const name of required) {
    if (typeof name !== 'string' || !(name in properties)) {
      problems.push({ pointer: '/schema/required', message: `requires "${String(name)}", which is not a property` });
    }
  }
  const seenPages = new Set<string>();
  const asked = new Map<string, string>();
  form.pages.forEach((page, p) => {
    if (seenPages.has(page.id)) {
      problems.push({ pointer: `/pages/${p}/id`, message: `page "${page.id}" is declared twice` });
    }
    seenPages.add(page.id);
    if (page.when !== undefined && !asked.has(page.when.field)) {
      problems.push({ pointer: `/pages/${p}/when`, message: `depends on "${page.when.field}", which no earlier page asks` });
    }
    page.fields.forEach((field, f) => {
      const at = `/pages/${p}/fields/${f}`;
      if (field.when !== undefined && !asked.has(field.when.field)) {
        problems.push({ pointer: `${at}/when`, message: `depends on "${field.when.field}", which no earlier question asks` });
      }
      if ((field.when !== undefined || page.when !== undefined) && required.includes(field.name)) {
        problems.push({ pointer: `${at}/when`, message: `"${field.name}" is required by the schema but asked only on a condition: require it with if/then instead` });
      }
      if (asked.has(field.name)) {
        problems.push({ pointer: `${at}/name`, message: `"${field.name}" is already asked at ${asked.get(field.name)}` });
      }
      asked.set(field.name, at);
      const property = properties[field.name];
      if (property === undefined) {
        problems.push({ pointer: `${at}/name`, message: `"${field.name}" is not a property of the schema` });
        return;
      }
      problems.push(...checkField(field, property, evidenceIds, at));
    });
  });
  for (const name of Object.keys(properties)) {
    if (!asked.has(name)) {
      problems.push({ pointer: `/schema/properties/${name}`, message: `no question asks "${name}"` });
    }
  }
  return problems;
}

/** The kinds of question a registry's value may answer. */
const REGISTRY_KINDS = new Set<FormField['kind']>(['text', 'textarea', 'date', 'number']);

function checkField(field: FormField, property: PropertySchema, evidenceIds: readonly string[], at: string): FormProblem[] {
  const problems: FormProblem[] = [];
  const expected = STRING_KINDS.has(field.kind)
    ? ['string']
    : field.kind === 'number'
      ? ['number', 'integer']
      : field.kind === 'yes-no'
        ? ['boolean']
        : ['array'];
  if (typeof property.type !== 'string' || !expected.includes(property.type)) {
    problems.push({ pointer: `${at}/kind`, message: `a ${field.kind} question needs a property of type ${expected.join(' or ')}` });
  }
  const choices = field.kind === 'select' || field.kind === 'radio' ? property.enum : field.kind === 'checkboxes' ? property.items?.enum : undefined;
  if (field.kind === 'select' || field.kind === 'radio' || field.kind === 'checkboxes') {
    const values = (field.options ?? []).map((o) => o.value);
    if (!Array.isArray(choices) || choices.length !== values.length || new Set(values).size !== values.length || values.some((v) => !choices.includes(v))) {
      problems.push({ pointer: `${at}/options`, message: 'the options must be exactly the schema enum' });
    }
  } else if (field.options !== undefined) {
    problems.push({ pointer: `${at}/options`, message: `a ${field.kind} question has no options` });
  }
  if (field.kind === 'file') {
    if (field.evidenceId === undefined) {
      problems.push({ pointer: `${at}/evidenceId`, message: 'a file question names the evidence it provides' });
    } else if (!evidenceIds.includes(field.evidenceId)) {
      problems.push({ pointer: `${at}/evidenceId`, message: `"${field.evidenceId}" is not evidence of this service` });
    }
  } else if (field.evidenceId !== undefined) {
    problems.push({ pointer: `${at}/evidenceId`, message: 'only a file question provides evidence' });
  }
  if (field.registry !== undefined && !REGISTRY_KINDS.has(field.kind)) {
    problems.push({ pointer: `${at}/registry`, message: `a ${field.kind} question is not answered from a registry (only text, textarea, date and number ones)` });
  }
  if (field.registry !== undefined && field.prefill !== undefined) {
    problems.push({ pointer: `${at}/registry`, message: 'a question has one source: a prefill source or a registry, not both' });
  }
  return problems;
}

function checkFeeQuestions(form: ApplicationForm, costIds: readonly string[], onlineCostIds: readonly string[]): FormProblem[] {
  const problems: FormProblem[] = [];
  const fields = form.pages.flatMap((p) => p.fields);
  const required = Array.isArray(form.schema['required']) ? (form.schema['required'] as unknown[]) : [];
  if (onlineCostIds.length > 1) {
    // Several costs apply online: the applicant must choose one, or nothing would be charged.
    const field = form.feeField === undefined ? undefined : fields.find((f) => f.name === form.feeField);
    const values = (field?.options ?? []).map((o) => o.value).sort();
    if (form.feeField === undefined) {
      problems.push({ pointer: '/feeField', message: `${onlineCostIds.length} costs apply online (${onlineCostIds.join(', ')}): a fee question must choose one` });
    } else if (!required.includes(form.feeField) || values.join(',') !== [...onlineCostIds].sort().join(',')) {
      problems.push({ pointer: '/feeField', message: `the fee question must be required and offer exactly the costs that apply online: ${onlineCostIds.join(', ')}` });
    }
  }
  if (form.feeField !== undefined) {
    const field = fields.find((f) => f.name === form.feeField);
    if (field === undefined || (field.kind !== 'radio' && field.kind !== 'select')) {
      problems.push({ pointer: '/feeField', message: `"${form.feeField}" is not a radio or select question of this form` });
    } else if ((field.options ?? []).some((o) => !costIds.includes(o.value))) {
      problems.push({ pointer: '/feeField', message: 'every option of the fee question must be a cost id of this service' });
    }
  }
  if (form.exemptionField !== undefined && fields.find((f) => f.name === form.exemptionField)?.kind !== 'yes-no') {
    problems.push({ pointer: '/exemptionField', message: `"${form.exemptionField}" is not a yes/no question of this form` });
  }
  return problems;
}
