import type { Lang } from '../../kernel/text.ts';
import { type Answers, type ApplicationForm, type FormField, type FormPage, holds, pruneHidden, visiblePages } from '../../modules/forms/index.ts';
import { paths } from '../common/paths.ts';

/**
 * The screens of an application form: one question per page where an answer reveals more. A form
 * page is a first screen (its questions that do not depend on another question of the same page)
 * and, for each question of the page whose answer reveals more questions of that page, a follow-up
 * screen `about` that question, shown after it. A screen with no question to show is skipped.
 */
export interface Screen {
  readonly page: FormPage;
  /** The question whose answer revealed this screen; null for the page's first screen. */
  readonly about: string | null;
  /** The questions shown on it, given the answers so far. */
  readonly fields: readonly FormField[];
}

/** Where on its page a question is asked: null on the first screen, else the same-page question it follows. */
function askedAfter(page: FormPage, field: FormField): string | null {
  const trigger = field.when?.field;
  return trigger !== undefined && trigger !== field.name && page.fields.some((f) => f.name === trigger) ? trigger : null;
}

/** The screens of one page, in order, with the questions each shows for the answers (empty screens included). */
function screensOfPage(page: FormPage, answers: Answers): Screen[] {
  const shown = (about: string | null) => page.fields.filter((f) => askedAfter(page, f) === about && holds(f.when, answers));
  const triggers = page.fields.filter((f) => page.fields.some((g) => askedAfter(page, g) === f.name));
  return [{ page, about: null, fields: shown(null) }, ...triggers.map((t) => ({ page, about: t.name, fields: shown(t.name) }))];
}

/** The screens the applicant goes through, given the answers so far (answers to hidden questions ignored). */
export function screensOf(form: ApplicationForm, answers: Answers): Screen[] {
  const visible = pruneHidden(form, answers);
  return visiblePages(form, visible).flatMap((p) => screensOfPage(p, visible)).filter((s) => s.fields.length > 0);
}

/** One screen by its page and `about` question (null if the form has no such screen), whether or not it shows now. */
export function findScreen(form: ApplicationForm, pageId: string, about: string | null, answers: Answers): Screen | null {
  const page = form.pages.find((p) => p.id === pageId);
  if (page === undefined) {
    return null;
  }
  return screensOfPage(page, pruneHidden(form, answers)).find((s) => s.about === about) ?? null;
}

/** The screen that holds a question (for a Change link or a missing answer), or null if it is not shown. */
export function screenOfField(form: ApplicationForm, field: string, answers: Answers): Screen | null {
  return screensOf(form, answers).find((s) => s.fields.some((f) => f.name === field)) ?? null;
}

/** Whether two references name the same screen. */
const same = (a: Pick<Screen, 'page' | 'about'>, b: Pick<Screen, 'page' | 'about'>) => a.page.id === b.page.id && a.about === b.about;

/**
 * The screen after this one, or null: check your answers. By position in the whole form, so that a
 * screen hidden since it was shown (an answer changed) still leads forward.
 */
export function nextScreen(form: ApplicationForm, current: Pick<Screen, 'page' | 'about'>, answers: Answers): Screen | null {
  const visible = pruneHidden(form, answers);
  const all = form.pages.flatMap((p) => screensOfPage(p, visible));
  const at = all.findIndex((s) => same(s, current));
  const shown = new Set(screensOf(form, answers).map((s) => `${s.page.id}/${s.about ?? ''}`));
  return all.slice(at + 1).find((s) => shown.has(`${s.page.id}/${s.about ?? ''}`)) ?? null;
}

/** The screen before this one that the applicant sees, or null on the first. */
export function previousScreen(form: ApplicationForm, current: Pick<Screen, 'page' | 'about'>, answers: Answers): Screen | null {
  const screens = screensOf(form, answers);
  const at = screens.findIndex((s) => same(s, current));
  return at > 0 ? (screens[at - 1] ?? null) : null;
}

/**
 * Where the applicant is: step `n`, and `of` the number of steps only when no answer still to give
 * can change it (a question that reveals a page or a follow-up and is not answered yet). So the count
 * never grows while the applicant just moves on: "Step 1" becomes "Step 2 of 3", never "Step 1 of 2"
 * then "Step 2 of 3".
 */
export function progressOf(form: ApplicationForm, current: Pick<Screen, 'page' | 'about'>, answers: Answers): { n: number; of: number | null } {
  const screens = screensOf(form, answers);
  const at = screens.findIndex((s) => same(s, current));
  const n = at >= 0 ? at + 1 : screens.filter((s) => form.pages.indexOf(s.page) < form.pages.indexOf(current.page)).length + 1;
  const deciding = new Set(form.pages.flatMap((p) => [p.when?.field, ...p.fields.map((f) => f.when?.field)]).filter((f): f is string => f !== undefined));
  const open = screens.some((s) => s.fields.some((f) => deciding.has(f.name) && answers[f.name] === undefined));
  return { n, of: open ? null : screens.length };
}

/** The address of a screen: the page's own, or its follow-up about one question. */
export function screenPath(lang: Lang, draftId: string, screen: Pick<Screen, 'page' | 'about'> | { pageId: string; about: string | null }): string {
  const pageId = 'page' in screen ? screen.page.id : screen.pageId;
  return screen.about === null ? paths.applyPage(lang, draftId, pageId) : paths.applyFollowUp(lang, draftId, pageId, screen.about);
}
