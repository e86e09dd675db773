/** `prefill`: the first answers of a new draft come only from the sources the questions name. */
import { describe, expect, it } from 'vitest';

import type { ApplicationForm, FormField } from './form.schemas.ts';
import { lockedFields, prefill } from './prefill.ts';

const t = (s: string) => ({ uk: s, en: s });
const text = (name: string, source?: FormField['prefill']): FormField => ({ name, kind: 'text', label: t(name), ...(source === undefined ? {} : { prefill: source }) });

const form: ApplicationForm = {
  schema: {
    type: 'object',
    properties: Object.fromEntries(['givenName', 'familyName', 'email', 'phone', 'companyName', 'companyCode', 'nationalId', 'comment'].map((n) => [n, { type: 'string' }])),
  },
  pages: [
    { id: 'you', title: t('You'), fields: [text('givenName', 'person.givenName'), text('familyName', 'person.familyName'), text('nationalId', 'person.nationalId')] },
    { id: 'contact', title: t('Contact'), fields: [text('email', 'contact.email'), text('phone', 'contact.phone'), text('comment')] },
    { id: 'company', title: t('Company'), when: { field: 'givenName', in: ['x'] }, fields: [text('companyName', 'party.name'), text('companyCode', 'party.code')] },
  ],
  draftRetentionDays: 30,
  maxAttachmentMb: 5,
};

describe('prefill', () => {
  it('fills each question from the source it names, on every page', () => {
    const answers = prefill(form, {
      'person.givenName': 'Олена', 'person.familyName': 'Коваль', 'person.nationalId': '9000000011', 'contact.email': 'olena@example.org',
      'contact.phone': '+380501234567', 'party.name': 'ТОВ «Зоря»', 'party.code': '12345678',
    });
    expect(answers).toEqual({
      givenName: 'Олена', familyName: 'Коваль', nationalId: '9000000011', email: 'olena@example.org', phone: '+380501234567',
      companyName: 'ТОВ «Зоря»', companyCode: '12345678',
    });
  });

  it('uses only the named sources: a question without one, and a source no question names, give nothing', () => {
    const answers = prefill(form, { 'person.givenName': 'Олена', 'person.fullName': 'Олена Коваль', 'contact.postalAddress': 'Дніпроград', 'person.birthDate': '1990-04-12' });
    expect(answers).toEqual({ givenName: 'Олена' });
    expect(answers).not.toHaveProperty('comment');
  });

  it('skips empty and missing values', () => {
    expect(prefill(form, { 'person.givenName': '', 'contact.email': '', 'party.code': '12345678' })).toEqual({ companyCode: '12345678' });
    expect(prefill(form, {})).toEqual({});
  });

  it('does not mistake one source for another', () => {
    expect(prefill(form, { 'party.name': 'ТОВ «Зоря»' })).toEqual({ companyName: 'ТОВ «Зоря»' });
    expect(prefill(form, { 'person.familyName': 'Коваль' })).toEqual({ familyName: 'Коваль' });
  });
});

describe('lockedFields', () => {
  it('locks the questions a register answers (the person, the party) when it holds a value, never contacts', () => {
    const locked = lockedFields(form, { 'person.givenName': 'Олена', 'person.familyName': 'Коваль', 'contact.email': 'olena@example.org', 'party.code': '12345678' });
    expect(locked).toEqual(['givenName', 'familyName', 'companyCode']);
  });

  it('leaves a register question open when the register has no value for it', () => {
    expect(lockedFields(form, { 'person.givenName': 'Олена', 'person.nationalId': '' })).toEqual(['givenName']);
  });
});
