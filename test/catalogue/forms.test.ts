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
import { type ApplicationForm, checkAnswers, checkForm, pruneHidden } from '../../src/modules/forms/index.ts';
import { demoRecords } from '../support/demo.ts';
import { completeAnswers } from '../support/form-answers.ts';

const records = await demoRecords();
const withForms = records.services.flatMap((s) => (s.form === undefined ? [] : [{ service: s, form: s.form }]));

/** The costs that apply to an online application: `feeFor`'s rule (channel online, or no channel). */
const onlineCosts = (s: ServiceRecord) => s.costs.filter((c) => c.channel === undefined || c.channel === 'online');
const fieldsOf = (form: ApplicationForm) => form.pages.flatMap((p) => p.fields.map((field) => ({ page: p, field })));

/** Forms whose answers the generator (test/support/form-answers.ts) cannot make: none today; keep this list short and named. */
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
