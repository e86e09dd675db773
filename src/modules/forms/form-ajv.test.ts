/**
 * A form's schema compiled once per schema text: the catalogue's records are parsed anew at each
 * import, and the same schema read again gives the same validator and the same problem.
 */
import { describe, expect, it } from 'vitest';

import { compileProblem, validatorOf } from './form-ajv.ts';
import type { ApplicationForm } from './form.schemas.ts';

const schema = () => ({ $id: 'urn:test:form-ajv', type: 'object', properties: { name: { type: 'string', minLength: 2 } }, required: ['name'] });
const form = (s: Record<string, unknown>): ApplicationForm => ({ schema: s, pages: [] }) as unknown as ApplicationForm;

describe('form schemas compiled once per text', () => {
  it('give one validator for two copies of a schema, even with an $id (which Ajv refuses to add twice)', () => {
    const one = validatorOf(form(schema()));
    const two = validatorOf(form(schema()));
    expect(two).toBe(one);
    expect(one({ name: 'Ok' })).toBe(true);
    expect(one({ name: 'x' })).toBe(false);
    expect(compileProblem(schema())).toBeNull();
  });

  it('report the same problem for a broken schema read again, and a validator is refused for it', () => {
    const broken = () => ({ type: 'object', properties: { name: { type: 'strin' } } });
    const first = compileProblem(broken());
    expect(first).toMatch(/schema is invalid/);
    expect(compileProblem(broken())).toBe(first);
    expect(() => validatorOf(form(broken()))).toThrow(first ?? 'never');
  });
});
