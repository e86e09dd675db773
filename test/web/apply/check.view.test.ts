/** Check your answers as rows: the order asked, words for answers, dates and files for people, Change links but not for register data. */
import { describe, expect, it } from 'vitest';

import type { Attachment } from '../../../src/modules/applications/index.ts';
import type { ApplicationForm } from '../../../src/modules/forms/index.ts';
import { answerValue, checkSections } from '../../../src/web/apply/check.view.ts';
import { dateParts, fileHint, fileSize } from '../../../src/web/apply/fields.view.ts';

const t = (uk: string, en = uk) => ({ uk, en });

const form: ApplicationForm = {
  schema: { type: 'object', properties: {} },
  pages: [
    { id: 'you', title: t('Про вас', 'About you'), fields: [{ name: 'nationalId', kind: 'text', label: t('РНОКПП', 'Tax number'), prefill: 'person.nationalId' }, { name: 'born', kind: 'date', label: t('Дата', 'Date') }] },
    {
      id: 'reason', title: t('Причина', 'Reason'), fields: [
        { name: 'purpose', kind: 'radio', label: t('Мета', 'Purpose'), options: [{ value: 'lost', label: t('Втрата', 'Lost') }] },
        { name: 'story', kind: 'textarea', label: t('Як', 'How'), when: { field: 'purpose', in: ['lost'] } },
        { name: 'pets', kind: 'checkboxes', label: t('Тварини', 'Pets'), options: [{ value: 'cat', label: t('Кіт', 'Cat') }, { value: 'dog', label: t('Пес', 'Dog') }] },
        { name: 'scan', kind: 'file', label: t('Скан', 'Scan') },
        { name: 'car', kind: 'yes-no', label: t('Авто', 'Car') },
      ],
    },
  ],
  draftRetentionDays: 30,
  maxAttachmentMb: 5,
};

const scan = { id: 'a1', filename: 'scan.pdf', sizeBytes: 2.5 * 1024 * 1024 } as Attachment;

describe('checkSections', () => {
  it('has a section per page, rows in the order asked, follow-ups changed on their own screen, register data without a Change link', () => {
    const sections = checkSections(form, { nationalId: '9000000011', born: '1990-04-12', purpose: 'lost', story: 'В поїзді', pets: ['dog', 'cat'], scan: 'a1', car: false }, { files: [scan], locked: ['nationalId'], lang: 'en' });
    expect(sections.map((s) => s.title)).toEqual(['About you', 'Reason']);
    expect(sections[0]?.rows.map((r) => [r.field, r.change])).toEqual([['nationalId', null], ['born', { pageId: 'you', about: null }]]);
    expect(sections[1]?.rows.map((r) => r.field)).toEqual(['purpose', 'pets', 'scan', 'car', 'story']);
    expect(sections[1]?.rows.find((r) => r.field === 'story')?.change).toEqual({ pageId: 'reason', about: 'purpose' });
    expect(sections[0]?.rows[1]?.value).toEqual({ kind: 'text', text: '12 April 1990' });
    expect(sections[1]?.rows.map((r) => r.value)).toEqual([
      { kind: 'text', text: 'Lost' }, { kind: 'list', items: ['Dog', 'Cat'] }, { kind: 'file', name: 'scan.pdf', size: '2.5 MB' }, { kind: 'no' }, { kind: 'text', text: 'В поїзді' },
    ]);
  });

  it('leaves out what is hidden and says what is not answered', () => {
    const sections = checkSections(form, { story: 'stale' }, { files: [], locked: [], lang: 'uk' });
    expect(sections.flatMap((s) => s.rows.map((r) => r.field))).not.toContain('story');
    expect(sections[0]?.rows[0]?.value).toEqual({ kind: 'missing' });
  });
});

describe('answers and fields for people', () => {
  it('reads a date in the language, and an impossible one as typed', () => {
    const born = form.pages[0]!.fields[1]!;
    expect(answerValue(born, '2026-02-28', [], 'uk')).toEqual({ kind: 'text', text: '28 лютого 2026' });
    expect(answerValue(born, '2026-02-31', [], 'en')).toEqual({ kind: 'text', text: '2026-02-31' });
    expect(answerValue(form.pages[1]!.fields[3]!, 'gone', [], 'en')).toEqual({ kind: 'file-missing' });
  });

  it('splits a saved date into its boxes, as typed when it is not a date', () => {
    expect(dateParts('2007-03-05')).toEqual({ day: '5', month: '3', year: '2007' });
    expect(dateParts('2026-02-31')).toEqual({ day: '31', month: '2', year: '2026' });
    expect(dateParts('2026-xx-')).toEqual({ day: '', month: 'xx', year: '2026' });
    expect(dateParts(undefined)).toEqual({ day: '', month: '', year: '' });
  });

  it('says the file types once: a form hint that only names them is left to the portal’s rule', () => {
    const rule = 'PDF, JPEG або PNG, не більше 5 МБ';
    expect(fileHint('PDF, JPEG або PNG', rule)).toEqual([rule]);
    expect(fileHint('PDF, JPEG or PNG.', 'rule')).toEqual(['rule']);
    expect(fileHint('JPEG або PNG', rule)).toEqual([rule]);
    expect(fileHint('Обидва боки.', rule)).toEqual(['Обидва боки', rule]);
    expect(fileHint(undefined, rule)).toEqual([rule]);
  });

  it('gives a file size in kilobytes or megabytes, in the language', () => {
    expect(fileSize(100, 'en')).toBe('1 kB');
    expect(fileSize(12 * 1024, 'uk')).toBe('12 кБ');
    expect(fileSize(3 * 1024 * 1024 + 300 * 1024, 'uk')).toBe('3,3 МБ');
  });
});
