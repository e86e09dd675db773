/** The catalogue's `proactive` block (ADR 0032): the schema refuses a bad one, the reference check what the schema cannot. */
import { describe, expect, it } from 'vitest';

import { parseCatalogueFiles } from '../../src/modules/catalogue/index.ts';
import { checkReferences, emptyIndex } from '../../src/modules/catalogue/catalogue-references.ts';
import { demoRecords } from '../support/demo.ts';
import { aService } from '../support/factories.ts';

const parse = (proactive: unknown) => parseCatalogueFiles([{ name: 'services.json', content: { services: [{ ...aService(), proactive }] } }]);

describe('a service\'s proactive block', () => {
  it('takes a trigger among the registry events, a mode and an objection window', () => {
    expect(parse({ trigger: 'birth-registered', mode: 'automatic', objectionDays: 14 }).ok).toBe(true);
    expect(parse({ trigger: 'turned-18', mode: 'offer' }).ok).toBe(true);
  });

  it('refuses an unknown trigger, an unknown mode, a window out of range and an unknown field, naming the field', () => {
    for (const bad of [{ trigger: 'wedding', mode: 'offer' }, { trigger: 'turned-18', mode: 'maybe' }, { trigger: 'turned-18', mode: 'automatic', objectionDays: 0 }, { trigger: 'turned-18', mode: 'offer', why: 'x' }]) {
      const parsed = parse(bad);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? [] : parsed.error.map((i) => i.pointer).join(' ')).toContain('/proactive');
    }
  });
});

describe('the form fields a proactive block names as its subject (ADR 0035)', () => {
  const issues = async (change: (p: Record<string, unknown>) => Record<string, unknown>): Promise<string[]> => {
    const records = await demoRecords();
    const services = records.services.map((s) => (s.id === 'birth-assistance' && s.proactive ? { ...s, proactive: change(s.proactive as unknown as Record<string, unknown>) as typeof s.proactive } : s));
    return checkReferences(emptyIndex(), { ...records, services }).filter((i) => i.pointer.startsWith('/proactive')).map((i) => `${i.pointer}: ${i.message}`);
  };

  it('are a text field and a date field of the service\'s form, on an automatic grant', async () => {
    expect(await issues((p) => p)).toEqual([]);
    expect(await issues((p) => ({ ...p, subject: { name: 'childBirthDate', birthDate: 'nope' } }))).toEqual([
      '/proactive/subject/name: the form has no text field "childBirthDate"',
      '/proactive/subject/birthDate: the form has no date field "nope"',
    ]);
    expect(await issues(({ objectionDays: _days, ...p }) => ({ ...p, mode: 'offer' }))).toEqual(['/proactive/subject: only an automatic grant claims the case about the person it names']);
  });
});
