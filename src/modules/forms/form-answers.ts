import type { ErrorObject } from 'ajv';

import { validatorOf } from './form-ajv.ts';
import type { Answers, ApplicationForm, Condition, FormField, FormPage } from './form.schemas.ts';

/** One problem with one answer: which question, on which page, and the JSON Schema keyword that failed. */
export interface AnswerIssue {
  readonly field: string;
  readonly pageId: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A submitted HTML form body: each name to one value or several. */
export type RawBody = Readonly<Record<string, string | readonly string[] | undefined>>;

export function holds(condition: Condition | undefined, answers: Answers): boolean {
  if (condition === undefined) {
    return true;
  }
  const value = answers[condition.field];
  return condition.in.some((v) => v === value);
}

/** The pages the applicant sees, given the answers so far. */
export function visiblePages(form: ApplicationForm, answers: Answers): FormPage[] {
  return form.pages.filter((p) => holds(p.when, answers));
}

export function visibleFields(page: FormPage, answers: Answers): FormField[] {
  return page.fields.filter((f) => holds(f.when, answers));
}

export function findPage(form: ApplicationForm, pageId: string): FormPage | null {
  return form.pages.find((p) => p.id === pageId) ?? null;
}

/**
 * Drops answers to questions the applicant can no longer see (a branch not taken), page by page in
 * order, so that a condition on a dropped answer hides what depended on it too.
 */
export function pruneHidden(form: ApplicationForm, answers: Answers): Answers {
  const kept: Answers = {};
  for (const page of form.pages) {
    if (!holds(page.when, kept)) {
      continue;
    }
    for (const field of page.fields) {
      if (holds(field.when, kept) && answers[field.name] !== undefined) {
        kept[field.name] = answers[field.name];
      }
    }
  }
  return kept;
}

const first = (v: string | readonly string[] | undefined): string | undefined => (typeof v === 'string' ? v : v?.[0]);

/** How a page body is read: only some of its questions (one screen of the page), never the locked ones. */
export interface ReadOptions {
  /** Read only these questions; the others keep their answers. All of the page's when absent. */
  readonly only?: readonly string[] | undefined;
  /** Questions whose answers come from a register and are not the applicant's to change: never read. */
  readonly locked?: readonly string[] | undefined;
}

/**
 * A date question's answer from its three boxes (`<name>-day`, `-month`, `-year`): `YYYY-MM-DD` when
 * the parts are numbers, the parts as typed otherwise (the schema's `format: date` refuses an
 * impossible date such as 31 February and the boxes show what was typed); none typed is no answer.
 * A body with the one field `<name>` (an API client, an older form) is read as it is.
 */
function readDate(name: string, body: RawBody): string {
  const part = (p: string) => (first(body[`${name}-${p}`])?.trim() ?? '').replace(/-/g, '');
  const [day, month, year] = [part('day'), part('month'), part('year')];
  if (day === '' && month === '' && year === '') {
    return first(body[name])?.trim() ?? '';
  }
  const pad = (v: string, n: number) => (/^[0-9]+$/.test(v) ? v.padStart(n, '0') : v);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Reads one page's answers from a form body, typed for the schema: numbers as numbers (or the text as
 * typed, so the schema reports it), yes/no as booleans, checkboxes as arrays, dates from their three
 * boxes; an empty answer is no answer. File questions are not read here: an upload stores an
 * attachment and its id is the answer. Locked questions and those outside `only` are not read either.
 */
export function readPage(page: FormPage, body: RawBody, options: ReadOptions = {}): Answers {
  const answers: Answers = {};
  const only = options.only === undefined ? null : new Set(options.only);
  const locked = new Set(options.locked ?? []);
  for (const field of page.fields) {
    if (field.kind === 'file' || locked.has(field.name) || (only !== null && !only.has(field.name))) {
      continue;
    }
    const raw = body[field.name];
    if (field.kind === 'checkboxes') {
      const values = (typeof raw === 'string' ? [raw] : (raw ?? [])).filter((v) => v !== '');
      answers[field.name] = values.length > 0 ? [...values] : undefined;
      continue;
    }
    const text = field.kind === 'date' ? readDate(field.name, body) : (first(raw)?.trim() ?? '');
    if (text === '') {
      answers[field.name] = undefined;
    } else if (field.kind === 'number') {
      const n = Number(text.replace(',', '.'));
      answers[field.name] = Number.isFinite(n) && /^-?[0-9]+([.,][0-9]+)?$/.test(text) ? n : text;
    } else if (field.kind === 'yes-no') {
      answers[field.name] = text === 'yes' ? true : text === 'no' ? false : text;
    } else {
      answers[field.name] = text;
    }
  }
  return answers;
}

/** Merges a page's answers into the draft's; an unanswered question removes the earlier answer. */
export function mergeAnswers(current: Answers, page: Answers): Answers {
  const merged: Answers = { ...current };
  for (const [name, value] of Object.entries(page)) {
    if (value === undefined) {
      delete merged[name];
    } else {
      merged[name] = value;
    }
  }
  return merged;
}

function fieldOf(e: ErrorObject): string | null {
  if (e.keyword === 'required') {
    const missing: unknown = (e.params as Record<string, unknown>)['missingProperty'];
    return typeof missing === 'string' ? missing : null;
  }
  const name = e.instancePath.split('/')[1];
  return name === undefined || name === '' ? null : name;
}

/** Every problem with the visible answers, against the form's schema, in page and question order. */
export function checkAnswers(form: ApplicationForm, answers: Answers): AnswerIssue[] {
  const pruned = pruneHidden(form, answers);
  const validate = validatorOf(form);
  if (validate(pruned)) {
    return [];
  }
  const byField = new Map<string, ErrorObject>();
  for (const e of validate.errors ?? []) {
    const field = fieldOf(e);
    // `if` reports only that its `then` failed; the `then` error itself names the field.
    if (field !== null && e.keyword !== 'if' && !byField.has(field)) {
      byField.set(field, e);
    }
  }
  const issues: AnswerIssue[] = [];
  for (const page of visiblePages(form, pruned)) {
    for (const field of visibleFields(page, pruned)) {
      const e = byField.get(field.name);
      if (e !== undefined) {
        issues.push({ field: field.name, pageId: page.id, keyword: e.keyword, params: e.params as Record<string, unknown> });
      }
    }
  }
  if (issues.length > 0) {
    return issues;
  }
  // The schema refuses answers no visible question can fix (its if/then and the pages' conditions
  // disagree): still incomplete, never submitted — reported on the question the schema names.
  for (const page of form.pages) {
    for (const field of page.fields) {
      const e = byField.get(field.name);
      if (e !== undefined) {
        issues.push({ field: field.name, pageId: page.id, keyword: e.keyword, params: e.params as Record<string, unknown> });
      }
    }
  }
  if (issues.length === 0) {
    issues.push({ field: '', pageId: form.pages[0]?.id ?? '', keyword: 'schema', params: {} });
  }
  return issues;
}

/** The problems on one page only. */
export function checkPage(form: ApplicationForm, pageId: string, answers: Answers): AnswerIssue[] {
  return checkAnswers(form, answers).filter((i) => i.pageId === pageId);
}

/** The page after `pageId` that the applicant sees, or null after the last one (check your answers). */
export function nextPage(form: ApplicationForm, pageId: string, answers: Answers): FormPage | null {
  // By position in the whole form, so that a page hidden since it was shown still leads forward.
  const at = form.pages.findIndex((p) => p.id === pageId);
  return form.pages.slice(at + 1).find((p) => holds(p.when, answers)) ?? null;
}

export function previousPage(form: ApplicationForm, pageId: string, answers: Answers): FormPage | null {
  const pages = visiblePages(form, answers);
  const at = pages.findIndex((p) => p.id === pageId);
  return at > 0 ? (pages[at - 1] ?? null) : null;
}

/** The file questions the applicant sees, with the attachment id each holds. */
export function fileAnswers(form: ApplicationForm, answers: Answers): Array<{ field: FormField; attachmentId: string | null }> {
  const pruned = pruneHidden(form, answers);
  return visiblePages(form, pruned).flatMap((p) =>
    visibleFields(p, pruned)
      .filter((f) => f.kind === 'file')
      .map((field) => ({ field, attachmentId: typeof pruned[field.name] === 'string' ? (pruned[field.name] as string) : null })),
  );
}
