/** The screens of a form: follow-ups on screens of their own, next and previous, and a step count that never goes back. */
import { describe, expect, it } from 'vitest';

import type { ApplicationForm, Answers } from '../../../src/modules/forms/index.ts';
import { findScreen, nextScreen, previousScreen, progressOf, screenOfField, screenPath, screensOf } from '../../../src/web/apply/screens.view.ts';

const t = (s: string) => ({ uk: s, en: s });
const option = (value: string) => ({ value, label: t(value) });

/** about (name) → reason (purpose; lost → where, when; where=abroad → country) → car (only with hasCar) → done. */
const form: ApplicationForm = {
  schema: { type: 'object', properties: {} },
  pages: [
    { id: 'about', title: t('About'), fields: [{ name: 'name', kind: 'text', label: t('Name') }, { name: 'hasCar', kind: 'yes-no', label: t('Car?') }] },
    {
      id: 'reason', title: t('Reason'), fields: [
        { name: 'purpose', kind: 'radio', label: t('Purpose'), options: [option('first'), option('lost')] },
        { name: 'where', kind: 'radio', label: t('Where'), options: [option('home'), option('abroad')], when: { field: 'purpose', in: ['lost'] } },
        { name: 'when', kind: 'date', label: t('When'), when: { field: 'purpose', in: ['lost'] } },
        { name: 'country', kind: 'text', label: t('Country'), when: { field: 'where', in: ['abroad'] } },
        { name: 'carPlate', kind: 'text', label: t('Plate'), when: { field: 'hasCar', in: [true] } },
      ],
    },
    { id: 'car', title: t('Car'), when: { field: 'hasCar', in: [true] }, fields: [{ name: 'carKind', kind: 'text', label: t('Kind') }] },
    { id: 'done', title: t('Done'), fields: [{ name: 'note', kind: 'textarea', label: t('Note') }] },
  ],
  draftRetentionDays: 30,
  maxAttachmentMb: 5,
};

const ids = (answers: Answers) => screensOf(form, answers).map((s) => `${s.page.id}${s.about === null ? '' : `/${s.about}`}:${s.fields.map((f) => f.name).join(',')}`);
const at = (pageId: string, about: string | null = null) => ({ page: form.pages.find((p) => p.id === pageId)!, about });

describe('screensOf', () => {
  it('keeps a question that depends on an earlier page on its page, and puts same-page follow-ups after it', () => {
    expect(ids({})).toEqual(['about:name,hasCar', 'reason:purpose', 'done:note']);
    expect(ids({ hasCar: true, purpose: 'lost' })).toEqual(['about:name,hasCar', 'reason:purpose,carPlate', 'reason/purpose:where,when', 'car:carKind', 'done:note']);
  });

  it('chains follow-ups: an answer on a follow-up reveals the next one', () => {
    expect(ids({ purpose: 'lost', where: 'abroad' })).toEqual(['about:name,hasCar', 'reason:purpose', 'reason/purpose:where,when', 'reason/where:country', 'done:note']);
  });

  it('ignores answers to questions no longer shown', () => {
    expect(ids({ purpose: 'first', where: 'abroad' })).toEqual(['about:name,hasCar', 'reason:purpose', 'done:note']);
  });
});

describe('moving through the screens', () => {
  it('goes to the follow-up after its question, and from the last screen to check your answers', () => {
    expect(nextScreen(form, at('reason'), { purpose: 'lost' })?.about).toBe('purpose');
    expect(nextScreen(form, at('reason'), { purpose: 'first' })?.page.id).toBe('done');
    expect(nextScreen(form, at('done'), {})).toBeNull();
    expect(previousScreen(form, at('done'), { purpose: 'lost' })?.about).toBe('purpose');
    expect(previousScreen(form, at('about'), {})).toBeNull();
  });

  it('still leads forward from a follow-up hidden since it was shown', () => {
    expect(nextScreen(form, at('reason', 'purpose'), { purpose: 'first' })?.page.id).toBe('done');
  });

  it('finds a screen by its address and the screen of a question', () => {
    expect(findScreen(form, 'reason', 'purpose', { purpose: 'first' })?.fields).toEqual([]);
    expect(findScreen(form, 'reason', 'note', {})).toBeNull();
    expect(findScreen(form, 'nope', null, {})).toBeNull();
    expect(screenOfField(form, 'country', { purpose: 'lost', where: 'abroad' })?.about).toBe('where');
    expect(screenOfField(form, 'country', {})).toBeNull();
    expect(screenPath('en', 'd1', at('reason', 'purpose'))).toBe('/en/applications/d1/pages/reason/follow-up/purpose');
    expect(screenPath('uk', 'd1', { pageId: 'done', about: null })).toBe('/uk/applications/d1/pages/done');
  });
});

describe('progressOf', () => {
  it('promises no total while an answer that changes it is still to come', () => {
    expect(progressOf(form, at('about'), {})).toEqual({ n: 1, of: null });
    expect(progressOf(form, at('reason'), { hasCar: false })).toEqual({ n: 2, of: null });
  });

  it('gives the total once every deciding question shown is answered', () => {
    const answers = { hasCar: false, purpose: 'lost', where: 'home' };
    expect(progressOf(form, at('reason', 'purpose'), answers)).toEqual({ n: 3, of: 4 });
    expect(progressOf(form, at('done'), answers)).toEqual({ n: 4, of: 4 });
  });

  it('never counts back while the applicant moves on: each step is one more than the last', () => {
    const walk: Array<[ReturnType<typeof at>, Answers]> = [
      [at('about'), {}],
      [at('reason'), { hasCar: true }],
      [at('reason', 'purpose'), { hasCar: true, purpose: 'lost' }],
      [at('reason', 'where'), { hasCar: true, purpose: 'lost', where: 'abroad' }],
      [at('car'), { hasCar: true, purpose: 'lost', where: 'abroad' }],
      [at('done'), { hasCar: true, purpose: 'lost', where: 'abroad' }],
    ];
    const steps = walk.map(([screen, answers]) => progressOf(form, screen, answers));
    expect(steps.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6]);
    const totals = steps.map((s) => s.of).filter((n): n is number => n !== null);
    expect(new Set(totals)).toEqual(new Set([6]));
  });
});
