/**
 * The demo catalogue's application forms, as shipped: every online service has one, they are varied,
 * each agrees with its service (checkForm, evidence, fees), and each can be completed: a generated
 * answer for every visible question passes `checkAnswers`, and leaving out any required answer is
 * reported on that question.
 */
import { describe, expect, it } from 'vitest';

import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import type { ServiceRecord } from '../../src/modules/catalogue/index.ts';
import { validatorOf } from '../../src/modules/forms/form-ajv.ts';
import { type Answers, type ApplicationForm, type Condition, checkAnswers, checkForm, pruneHidden } from '../../src/modules/forms/index.ts';
import { demoRecords } from '../support/demo.ts';

const records = await demoRecords();
const withForms = records.services.flatMap((s) => (s.form === undefined ? [] : [{ service: s, form: s.form }]));

/** The costs that apply to an online application: `feeFor`'s rule (channel online, or no channel). */
const onlineCosts = (s: ServiceRecord) => s.costs.filter((c) => c.channel === undefined || c.channel === 'online');
const fieldsOf = (form: ApplicationForm) => form.pages.flatMap((p) => p.fields.map((field) => ({ page: p, field })));

type Property = {
  type?: string; enum?: unknown[]; const?: unknown; format?: string; pattern?: string; minLength?: number; maxLength?: number;
  minimum?: number; maximum?: number; minItems?: number; items?: { enum?: unknown[] }; examples?: unknown[];
};
type Conditional = { if?: { properties?: Record<string, { const?: unknown; enum?: unknown[] }>; required?: string[] }; then?: { properties?: Record<string, { const?: unknown }> } };

/**
 * One string matching a pattern of the kinds the demo forms use: anchors, literals and escapes,
 * character classes (their first character), groups with alternatives (the first), and the
 * quantifiers {n}, {n,m}, ?, *, + (the fewest repetitions). Anything else throws.
 */
function sampleOf(pattern: string): string {
  let i = 0;
  const alternatives = (): string => {
    const first = sequence();
    while (pattern[i] === '|') {
      i += 1;
      sequence();
    }
    return first;
  };
  const atom = (): string => {
    const c = pattern[i++] ?? '';
    if (c === '^' || c === '$') {
      return '';
    }
    if (c === '(') {
      const inner = alternatives();
      if (pattern[i++] !== ')') {
        throw new Error(`unclosed group in ${pattern}`);
      }
      return inner;
    }
    if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      const body = pattern.slice(i, close);
      i = close + 1;
      if (body.startsWith('^') || close < 0) {
        throw new Error(`cannot sample the class [${body}] in ${pattern}`);
      }
      return body.startsWith('\\') ? (body[1] === 'd' ? '0' : (body[1] ?? '')) : (body[0] ?? '');
    }
    if (c === '\\') {
      const e = pattern[i++] ?? '';
      if (/[dwsDWSbB]/.test(e)) {
        if (e !== 'd') {
          throw new Error(`cannot sample \\${e} in ${pattern}`);
        }
        return '0';
      }
      return e;
    }
    if (c === '.') {
      return 'a';
    }
    return c;
  };
  const times = (): number => {
    const q = pattern[i];
    if (q === '?' || q === '*') {
      i += 1;
      return 0;
    }
    if (q === '+') {
      i += 1;
      return 1;
    }
    const braces = /^\{(\d+)(,\d*)?\}/.exec(pattern.slice(i));
    if (braces !== null) {
      i += braces[0].length;
      return Number(braces[1]);
    }
    return 1;
  };
  const sequence = (): string => {
    let out = '';
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      const piece = atom();
      out += piece.repeat(times());
    }
    return out;
  };
  const sample = alternatives();
  if (i !== pattern.length || !new RegExp(pattern, 'u').test(sample)) {
    throw new Error(`sampled "${sample}" does not match ${pattern}`);
  }
  return sample;
}

const UUID = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

/** A value valid for one property, or the example the schema gives. */
function valueFor(name: string, p: Property, kind: string, yes: boolean): unknown {
  if (p.const !== undefined) {
    return p.const;
  }
  if (p.examples !== undefined && p.examples.length > 0) {
    return p.examples[0];
  }
  if (p.type === 'boolean') {
    return yes;
  }
  if (p.type === 'integer' || p.type === 'number') {
    return Math.min(Math.max(p.minimum ?? 1, 1), p.maximum ?? Number.MAX_SAFE_INTEGER);
  }
  if (p.type === 'array') {
    return (p.items?.enum ?? []).slice(0, Math.max(p.minItems ?? 1, 1));
  }
  if (p.enum !== undefined) {
    return p.enum[0];
  }
  if (kind === 'file' || p.format === 'uuid') {
    return UUID;
  }
  if (p.format === 'date') {
    return '2026-01-15';
  }
  if (p.format === 'email') {
    return 'applicant@example.org';
  }
  if (p.pattern !== undefined) {
    return sampleOf(p.pattern);
  }
  const text = `Відповідь на питання ${name}`.padEnd(p.minLength ?? 0, '.');
  return text.slice(0, p.maxLength ?? text.length);
}

const shows = (condition: Condition | undefined, answers: Answers) => condition === undefined || condition.in.includes(answers[condition.field] as never);

/** The `const` a matching if/then of the schema imposes on `name`, given the answers so far. */
function imposed(form: ApplicationForm, name: string, answers: Answers): unknown {
  for (const rule of (form.schema['allOf'] ?? []) as Conditional[]) {
    const when = rule.if ?? {};
    const holds = (when.required ?? []).every((r) => answers[r] !== undefined) && Object.entries(when.properties ?? {}).every(([k, c]) =>
      (c.const === undefined || answers[k] === c.const) && (c.enum === undefined || c.enum.includes(answers[k])));
    const value = rule.then?.properties?.[name]?.const;
    if (holds && value !== undefined) {
      return value;
    }
  }
  return undefined;
}

/** A complete set of answers: every visible question, page by page, answered with a valid value. */
function completeAnswers(form: ApplicationForm, yes: boolean): Answers {
  const properties = form.schema['properties'] as Record<string, Property>;
  const answers: Answers = {};
  for (const page of form.pages) {
    if (!shows(page.when, answers)) {
      continue;
    }
    for (const field of page.fields) {
      const property = properties[field.name];
      if (shows(field.when, answers) && property !== undefined) {
        answers[field.name] = imposed(form, field.name, answers) ?? valueFor(field.name, property, field.kind, yes);
      }
    }
  }
  return answers;
}

/** Forms whose answers the generator above cannot make: none today; keep this list short and named. */
const SKIPPED: readonly string[] = [];

describe('the demo catalogue’s forms', () => {
  it('has a form for every service that can be applied for online, and only for those', () => {
    for (const s of records.services) {
      expect({ id: s.id, form: s.form !== undefined }).toEqual({ id: s.id, form: s.channels.some((c) => c.type === 'online') });
    }
  });

  it('has at least 15 different forms', () => {
    expect(withForms.length).toBeGreaterThanOrEqual(15);
    expect(new Set(withForms.map((w) => canonicalJson(w.form))).size).toBeGreaterThanOrEqual(15);
  });

  it.each(withForms.map((w) => [w.service.id, w] as const))('%s: the form agrees with the service (checkForm)', (_, { service, form }) => {
    expect(checkForm(form, service.evidence.map((e) => e.id), service.costs.map((c) => c.id))).toEqual([]);
  });

  it('has forms for individuals, for businesses, and for both', () => {
    const audiences = new Set(withForms.map((w) => [...w.service.audience].sort().join('+')));
    expect(audiences).toContain('individual');
    expect(audiences).toContain('business');
    expect(audiences).toContain('business+individual');
  });

  it('prefills the business’s name and code in some business forms', () => {
    const prefilled = withForms.filter(({ service, form }) => {
      const sources = new Set(fieldsOf(form).map(({ field }) => field.prefill));
      return service.audience.includes('business') && sources.has('party.name') && sources.has('party.code');
    });
    expect(prefilled.length).toBeGreaterThanOrEqual(3);
  });

  it('names only evidence the service lists in its file questions', () => {
    for (const { service, form } of withForms) {
      const evidence = new Set(service.evidence.map((e) => e.id));
      for (const { field } of fieldsOf(form).filter(({ field: f }) => f.kind === 'file')) {
        expect({ service: service.id, field: field.name, evidenceId: field.evidenceId, listed: field.evidenceId !== undefined && evidence.has(field.evidenceId) })
          .toEqual({ service: service.id, field: field.name, evidenceId: field.evidenceId, listed: true });
      }
    }
  });

  it('asks which fee applies whenever more than one cost applies online, always and with every such cost', () => {
    const several = withForms.filter(({ service }) => onlineCosts(service).length > 1);
    expect(several.length).toBeGreaterThan(0);
    for (const { service, form } of several) {
      const at = fieldsOf(form).find(({ field }) => field.name === form.feeField);
      const required = (form.schema['required'] ?? []) as string[];
      expect({
        service: service.id,
        question: at === undefined ? null : at.field.kind,
        options: (at?.field.options ?? []).map((o) => o.value).sort(),
        required: form.feeField !== undefined && required.includes(form.feeField),
        conditional: at !== undefined && (at.field.when !== undefined || at.page.when !== undefined),
      }).toEqual({
        service: service.id,
        question: expect.stringMatching(/^(radio|select)$/) as unknown,
        options: onlineCosts(service).map((c) => c.id).sort(),
        required: true,
        conditional: false,
      });
    }
  });
});

describe.each(withForms.map((w) => [w.service.id, w.form] as const))('the form of %s', (id, form) => {
  const run = SKIPPED.includes(id) ? it.skip : it;

  run.each([false, true])('is complete with a generated answer to every visible question (yes/no answered %s)', (yes) => {
    const answers = completeAnswers(form, yes);
    expect(pruneHidden(form, answers)).toEqual(answers);
    expect(checkAnswers(form, answers)).toEqual([]);
    const validate = validatorOf(form);
    expect(validate(answers), JSON.stringify(validate.errors)).toBe(true);
  });

  run('reports a missing required answer on its own question', () => {
    const answers = completeAnswers(form, false);
    const required = (form.schema['required'] ?? []) as string[];
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) {
      const { [name]: _removed, ...rest } = answers;
      const issues = checkAnswers(form, rest);
      expect({ name, issue: issues.find((i) => i.field === name)?.keyword }).toEqual({ name, issue: 'required' });
    }
  });
});
