/**
 * Answers against a small form: reading a page body, merging, dropping hidden answers, checking
 * against the schema (one issue per question, page order, hidden questions never reported), paging
 * with a page-level condition, and the file questions.
 */
import { describe, expect, it } from 'vitest';

import { checkForm } from './form-check.ts';
import {
  checkAnswers, checkPage, fileAnswers, mergeAnswers, nextPage, previousPage, pruneHidden, readPage, visiblePages,
} from './form-answers.ts';
import type { Answers, ApplicationForm, FormPage } from './form.schemas.ts';

const t = (s: string) => ({ uk: s, en: s });
const option = (value: string) => ({ value, label: t(value) });

/**
 * Pages: about → reason → car (only with a car) → extras. The chain hasCar → carKind → carElectric →
 * chargerAtHome crosses pages. `required` lists names in reverse page order, so issue order comes
 * from the pages, not from the schema.
 */
const form: ApplicationForm = {
  schema: {
    type: 'object',
    properties: {
      hasCar: { type: 'boolean' },
      givenName: { type: 'string', minLength: 2, maxLength: 50, pattern: '^[^0-9]+$' },
      birthDate: { type: 'string', format: 'date' },
      email: { type: 'string', format: 'email' },
      code: { type: 'string', pattern: '^[0-9]{10}$' },
      children: { type: 'integer', minimum: 0 },
      income: { type: 'number' },
      purpose: { type: 'string', enum: ['first', 'lost'] },
      lostWhere: { type: 'string', minLength: 3 },
      carKind: { type: 'string', enum: ['car', 'van'] },
      carElectric: { type: 'boolean' },
      carScan: { type: 'string', format: 'uuid' },
      chargerAtHome: { type: 'boolean' },
      pets: { type: 'array', items: { type: 'string', enum: ['cat', 'dog'] }, uniqueItems: true },
      passport: { type: 'string', format: 'uuid' },
    },
    required: ['hasCar', 'purpose', 'code', 'birthDate', 'givenName'],
    allOf: [
      { if: { properties: { purpose: { const: 'lost' } }, required: ['purpose'] }, then: { required: ['lostWhere'] } },
      { if: { properties: { hasCar: { const: true } }, required: ['hasCar'] }, then: { required: ['carKind'] } },
    ],
  },
  pages: [
    {
      id: 'about',
      title: t('About you'),
      fields: [
        { name: 'givenName', kind: 'text', label: t('Given name') },
        { name: 'birthDate', kind: 'date', label: t('Birth date') },
        { name: 'email', kind: 'email', label: t('Email') },
        { name: 'code', kind: 'text', label: t('Code') },
        { name: 'children', kind: 'number', label: t('Children') },
        { name: 'income', kind: 'number', label: t('Income') },
      ],
    },
    {
      id: 'reason',
      title: t('Reason'),
      fields: [
        { name: 'purpose', kind: 'radio', label: t('Purpose'), options: [option('first'), option('lost')] },
        { name: 'lostWhere', kind: 'textarea', label: t('Where'), when: { field: 'purpose', in: ['lost'] } },
        { name: 'hasCar', kind: 'yes-no', label: t('Car?') },
      ],
    },
    {
      id: 'car',
      title: t('Car'),
      when: { field: 'hasCar', in: [true] },
      fields: [
        { name: 'carKind', kind: 'select', label: t('Kind'), options: [option('car'), option('van')] },
        { name: 'carElectric', kind: 'yes-no', label: t('Electric?'), when: { field: 'carKind', in: ['car'] } },
        { name: 'carScan', kind: 'file', label: t('Registration'), evidenceId: 'registration' },
      ],
    },
    {
      id: 'extras',
      title: t('Extras'),
      fields: [
        { name: 'chargerAtHome', kind: 'yes-no', label: t('Charger?'), when: { field: 'carElectric', in: [true] } },
        { name: 'pets', kind: 'checkboxes', label: t('Pets'), options: [option('cat'), option('dog')] },
        { name: 'passport', kind: 'file', label: t('Passport'), evidenceId: 'id-card' },
      ],
    },
  ],
  draftRetentionDays: 30,
  maxAttachmentMb: 5,
};

const page = (id: string): FormPage => {
  const found = form.pages.find((p) => p.id === id);
  if (found === undefined) {
    throw new Error(`no page ${id}`);
  }
  return found;
};

const SCAN = '0b8f3a57-3c43-4f53-9b53-0c2f0d0e4f11';
const PASSPORT = '6c1d2f6e-1d55-4a4a-a3f4-8a0a8f5e2b22';
const complete: Answers = {
  givenName: 'Олена', birthDate: '1990-04-12', email: 'olena@example.org', code: '9000000011', children: 2, income: 1500.5,
  purpose: 'first', hasCar: true, carKind: 'car', carElectric: true, carScan: SCAN, chargerAtHome: false, pets: ['cat'], passport: PASSPORT,
};
const without = (answers: Answers, ...names: string[]): Answers => Object.fromEntries(Object.entries(answers).filter(([k]) => !names.includes(k)));
const summary = (answers: Answers) => checkAnswers(form, answers).map((i) => `${i.pageId}/${i.field}:${i.keyword}`);

describe('readPage', () => {
  it('reads a date from its day, month and year boxes, as typed when it is no date, and nothing from empty boxes', () => {
    const about = page('about');
    expect(readPage(about, { 'birthDate-day': '5', 'birthDate-month': '3', 'birthDate-year': '2007' })['birthDate']).toBe('2007-03-05');
    expect(readPage(about, { 'birthDate-day': '31', 'birthDate-month': '2', 'birthDate-year': '2026' })['birthDate']).toBe('2026-02-31');
    expect(readPage(about, { 'birthDate-day': '', 'birthDate-month': 'x', 'birthDate-year': '' })['birthDate']).toBe('-x-');
    expect(readPage(about, { 'birthDate-day': '', 'birthDate-month': '', 'birthDate-year': '' })['birthDate']).toBeUndefined();
    expect(readPage(about, { birthDate: '1990-04-12' })['birthDate']).toBe('1990-04-12');
    expect(checkAnswers(form, { ...readPage(about, { 'birthDate-day': '31', 'birthDate-month': '2', 'birthDate-year': '2026' }) }).find((i) => i.field === 'birthDate')?.keyword).toBe('format');
  });

  it('reads only the questions asked, never the locked ones: the others keep their answers when merged', () => {
    const read = readPage(page('about'), { givenName: 'Mallory', code: '1234567890', email: 'a@b.c' }, { only: ['givenName', 'code', 'email'], locked: ['givenName'] });
    expect(read).toEqual({ code: '1234567890', email: 'a@b.c' });
    expect(mergeAnswers({ givenName: 'Олена', income: 5 }, read)).toEqual({ givenName: 'Олена', income: 5, code: '1234567890', email: 'a@b.c' });
  });

  it('keeps text as typed, trimmed, and an empty answer as no answer', () => {
    const read = readPage(page('about'), { givenName: '  Олена  ', birthDate: '', email: '   ', code: '0123456789' });
    expect(read).toEqual({ givenName: 'Олена', birthDate: undefined, email: undefined, code: '0123456789', children: undefined, income: undefined });
    expect(Object.keys(read)).toContain('birthDate');
  });

  it.each<[string, unknown]>([
    ['3', 3],
    ['-2', -2],
    ['1.5', 1.5],
    ['1,5', 1.5],
    [' 42 ', 42],
    ['1 000', '1 000'],
    ['12abc', '12abc'],
    ['1e3', '1e3'],
    ['Infinity', 'Infinity'],
    ['1,5,0', '1,5,0'],
    ['.5', '.5'],
  ])('reads the number %j as %j', (typed, expected) => {
    expect(readPage(page('about'), { income: typed })['income']).toEqual(expected);
  });

  it('leaves junk in a number question as text, so that the schema reports it', () => {
    const answers = readPage(page('about'), { givenName: 'Олена', birthDate: '1990-04-12', code: '9000000011', children: 'two', income: '1 000' });
    expect(summary({ ...answers, purpose: 'first', hasCar: false })).toEqual(['about/children:type', 'about/income:type']);
  });

  it('reads yes and no as booleans, and anything else as text', () => {
    expect(readPage(page('reason'), { hasCar: 'yes' })['hasCar']).toBe(true);
    expect(readPage(page('reason'), { hasCar: 'no' })['hasCar']).toBe(false);
    expect(readPage(page('reason'), { hasCar: 'maybe' })['hasCar']).toBe('maybe');
    expect(summary({ ...complete, hasCar: 'maybe' })).toEqual(['reason/hasCar:type']);
  });

  it('reads checkboxes as a list, from one value or several, and no ticks as no answer', () => {
    const extras = page('extras');
    expect(readPage(extras, { pets: 'cat' })['pets']).toEqual(['cat']);
    expect(readPage(extras, { pets: ['cat', 'dog'] })['pets']).toEqual(['cat', 'dog']);
    expect(readPage(extras, { pets: ['', 'dog'] })['pets']).toEqual(['dog']);
    expect(readPage(extras, { pets: [''] })['pets']).toBeUndefined();
    expect(readPage(extras, { pets: [] })['pets']).toBeUndefined();
    expect(readPage(extras, {})['pets']).toBeUndefined();
  });

  it('takes the first value when a single question was sent twice', () => {
    expect(readPage(page('reason'), { purpose: ['lost', 'first'] })['purpose']).toBe('lost');
  });

  it('ignores file questions (an upload is its own request) and names not on the page', () => {
    const read = readPage(page('extras'), { passport: PASSPORT, pets: 'dog', givenName: 'Олена', _csrf: 'token' });
    expect(read).toEqual({ chargerAtHome: undefined, pets: ['dog'] });
    expect(Object.keys(read)).not.toContain('passport');
  });
});

describe('mergeAnswers', () => {
  it('overwrites what the page answers, removes what it leaves empty, and keeps the rest', () => {
    const current: Answers = { givenName: 'Олена', code: '123', pets: ['cat'] };
    const merged = mergeAnswers(current, { givenName: 'Ірина', code: undefined, email: 'i@example.org' });
    expect(merged).toEqual({ givenName: 'Ірина', pets: ['cat'], email: 'i@example.org' });
    expect('code' in merged).toBe(false);
    expect(current).toEqual({ givenName: 'Олена', code: '123', pets: ['cat'] });
  });

  it('removes an earlier answer when the page is read back empty', () => {
    const body = readPage(page('about'), { givenName: 'Олена', birthDate: '' });
    expect(mergeAnswers({ birthDate: '1990-04-12', purpose: 'first' }, body)).toEqual({ givenName: 'Олена', purpose: 'first' });
  });
});

describe('pruneHidden', () => {
  it('keeps every answer the applicant can see', () => {
    expect(pruneHidden(form, complete)).toEqual(complete);
  });

  it('hides a chain: without a car, the car page and what depended on its answers go too', () => {
    // carKind, carElectric and chargerAtHome are still in the answers (stale), yet none is visible now
    const pruned = pruneHidden(form, { ...complete, hasCar: false, chargerAtHome: true });
    expect(pruned).toEqual({ ...without(complete, 'carKind', 'carElectric', 'carScan', 'chargerAtHome'), hasCar: false });
  });

  it('hides only the tail of the chain when a middle answer changes', () => {
    const pruned = pruneHidden(form, { ...complete, carKind: 'van', chargerAtHome: true });
    expect(pruned).toEqual({ ...without(complete, 'carElectric', 'chargerAtHome'), carKind: 'van' });
  });

  it('drops answers to names the form does not ask, and a branch not taken', () => {
    expect(pruneHidden(form, { ...complete, stray: 'x', lostWhere: 'at the station' })).toEqual(complete);
    expect(pruneHidden(form, { ...complete, purpose: 'lost', lostWhere: 'at the station' })['lostWhere']).toBe('at the station');
  });
});

describe('checkAnswers', () => {
  it('finds nothing wrong with a complete application', () => {
    expect(checkAnswers(form, complete)).toEqual([]);
    expect(checkAnswers(form, { ...without(complete, 'carKind', 'carElectric', 'carScan', 'chargerAtHome'), hasCar: false })).toEqual([]);
  });

  it('reports every missing required answer, in page order rather than schema order', () => {
    expect(checkAnswers(form, {})).toEqual([
      { field: 'givenName', pageId: 'about', keyword: 'required', params: { missingProperty: 'givenName' } },
      { field: 'birthDate', pageId: 'about', keyword: 'required', params: { missingProperty: 'birthDate' } },
      { field: 'code', pageId: 'about', keyword: 'required', params: { missingProperty: 'code' } },
      { field: 'purpose', pageId: 'reason', keyword: 'required', params: { missingProperty: 'purpose' } },
      { field: 'hasCar', pageId: 'reason', keyword: 'required', params: { missingProperty: 'hasCar' } },
    ]);
  });

  it('requires a conditional answer only when its condition holds (if/then)', () => {
    expect(summary({ ...complete, purpose: 'lost' })).toEqual(['reason/lostWhere:required']);
    expect(summary({ ...complete, purpose: 'lost', lostWhere: 'at the station' })).toEqual([]);
    expect(summary(without(complete, 'carKind'))).toEqual(['car/carKind:required']);
  });

  it.each<[string, Answers, string[]]>([
    ['a date that is no date', { birthDate: '15.01.2026' }, ['about/birthDate:format']],
    ['a month 13', { birthDate: '2026-13-01' }, ['about/birthDate:format']],
    ['an email without @', { email: 'olena.example.org' }, ['about/email:format']],
    ['a code of letters', { code: '12ab' }, ['about/code:pattern']],
    ['a code too long', { code: '90000000111' }, ['about/code:pattern']],
    ['a negative count', { children: -1 }, ['about/children:minimum']],
    ['a count with a fraction', { children: 1.5 }, ['about/children:type']],
    ['a choice not offered', { purpose: 'stolen' }, ['reason/purpose:enum']],
    ['a file that is no id', { passport: 'passport.pdf' }, ['extras/passport:format']],
    ['a checkbox not offered', { pets: ['cat', 'fish'] }, ['extras/pets:enum']],
    ['a checkbox twice', { pets: ['cat', 'cat'] }, ['extras/pets:uniqueItems']],
  ])('reports %s with its keyword', (_, change, expected) => {
    expect(summary({ ...complete, ...change })).toEqual(expected);
  });

  it('reports one issue per question, the first the schema found', () => {
    // '1' is both too short and has a digit: two schema errors, one issue
    const issues = checkAnswers(form, { ...complete, givenName: '1' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'givenName', pageId: 'about' });
    expect(['minLength', 'pattern']).toContain(issues[0]?.keyword);
    expect(summary({ ...complete, givenName: '1', code: 'x', purpose: 'stolen', passport: 'x' })).toEqual([
      `about/givenName:${String(issues[0]?.keyword)}`, 'about/code:pattern', 'reason/purpose:enum', 'extras/passport:format',
    ]);
  });

  it('never reports a hidden question, however wrong its answer', () => {
    const hidden = { ...complete, hasCar: false, carKind: 'lorry', carElectric: 'perhaps', carScan: 'not-an-id', chargerAtHome: 'x', lostWhere: '' };
    expect(checkAnswers(form, hidden)).toEqual([]);
    expect(summary({ ...complete, carKind: 'van', chargerAtHome: 'x', carElectric: 'x' })).toEqual([]);
  });
});

describe('checkAnswers and the schema agree', () => {
  // Fails today: a required property whose question is conditional passes checkForm, and on the branch
  // where it is hidden checkAnswers answers [] although the schema rejects the answers; drafts.submit
  // then opens a case from answers the form's schema calls incomplete (see the report).
  it('never answers "nothing wrong" for answers the schema rejects, unless checkForm rejected the form', () => {
    const conditional: ApplicationForm = { ...form, schema: { type: 'object', properties: form.schema['properties'], required: ['hasCar', 'carKind'] } };
    const noCar = { ...without(complete, 'carKind', 'carElectric', 'carScan', 'chargerAtHome'), hasCar: false };
    const caught = checkForm(conditional, ['registration', 'id-card']).length > 0 || checkAnswers(conditional, noCar).length > 0;
    expect(caught).toBe(true);
  });
});

describe('checkPage', () => {
  it('reports the problems of one page only', () => {
    const answers = { ...complete, code: 'x', purpose: 'lost', pets: ['fish'] };
    expect(checkPage(form, 'about', answers).map((i) => i.field)).toEqual(['code']);
    expect(checkPage(form, 'reason', answers).map((i) => i.field)).toEqual(['lostWhere']);
    expect(checkPage(form, 'car', answers)).toEqual([]);
    expect(checkPage(form, 'extras', answers).map((i) => i.field)).toEqual(['pets']);
    expect(checkPage(form, 'nowhere', answers)).toEqual([]);
  });
});

describe('paging with a page-level condition', () => {
  const ids = (pages: readonly FormPage[]) => pages.map((p) => p.id);

  it('shows the car page only with a car', () => {
    expect(ids(visiblePages(form, { hasCar: true }))).toEqual(['about', 'reason', 'car', 'extras']);
    expect(ids(visiblePages(form, { hasCar: false }))).toEqual(['about', 'reason', 'extras']);
    expect(ids(visiblePages(form, {}))).toEqual(['about', 'reason', 'extras']);
  });

  it('goes forward and back over the visible pages only', () => {
    const noCar = { hasCar: false };
    expect(nextPage(form, 'about', noCar)?.id).toBe('reason');
    expect(nextPage(form, 'reason', noCar)?.id).toBe('extras');
    expect(nextPage(form, 'reason', { hasCar: true })?.id).toBe('car');
    expect(previousPage(form, 'extras', noCar)?.id).toBe('reason');
    expect(previousPage(form, 'extras', { hasCar: true })?.id).toBe('car');
  });

  it('ends after the last page and has nothing before the first', () => {
    expect(nextPage(form, 'extras', complete)).toBeNull();
    expect(previousPage(form, 'about', complete)).toBeNull();
  });

  // Fails today: for a page that is not visible (a stale tab saving the car page after "no car" was
  // saved in another tab) nextPage answers the FIRST page, since findIndex gives -1 and pages[0] follows.
  it('goes on from a page that is now hidden to the next visible page after it', () => {
    expect(nextPage(form, 'car', { hasCar: false })?.id).toBe('extras');
  });
});

describe('fileAnswers', () => {
  it('lists the visible file questions with the attachment each holds, or null', () => {
    const summarise = (answers: Answers) => fileAnswers(form, answers).map((f) => [f.field.name, f.attachmentId]);
    expect(summarise(complete)).toEqual([['carScan', SCAN], ['passport', PASSPORT]]);
    expect(summarise(without(complete, 'passport'))).toEqual([['carScan', SCAN], ['passport', null]]);
    expect(summarise({ ...complete, hasCar: false })).toEqual([['passport', PASSPORT]]);
    expect(summarise({ ...complete, passport: 42 })).toEqual([['carScan', SCAN], ['passport', null]]);
  });
});
