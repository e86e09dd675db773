import type { Attachment } from '../../modules/applications/index.ts';
import type { Lang } from '../../kernel/text.ts';
import { type Answers, type ApplicationForm, type FormField, pruneHidden } from '../../modules/forms/index.ts';
import { formatDay } from '../common/dates.ts';
import { fileSize } from './fields.view.ts';
import { type Screen, screensOf } from './screens.view.ts';

/** How an answer reads back: words, a list of choices, a file by name and size, or nothing yet. */
export type AnswerValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'file'; readonly name: string; readonly size: string }
  | { readonly kind: 'yes' | 'no' | 'missing' | 'file-missing' };

export interface CheckRow {
  readonly field: string;
  readonly label: string;
  readonly value: AnswerValue;
  /** The screen to change the answer on; null for register data, which is not changed here. */
  readonly change: { readonly pageId: string; readonly about: string | null } | null;
}

export interface CheckSection {
  readonly pageId: string;
  readonly title: string;
  readonly rows: readonly CheckRow[];
}

const ISO_DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** A real calendar day `YYYY-MM-DD` (not 31 February, which Date would roll into March). */
const isDay = (v: unknown): v is string => typeof v === 'string' && ISO_DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** One answer as it reads back, in the language of the page. */
export function answerValue(field: FormField, value: unknown, files: readonly Attachment[], lang: Lang): AnswerValue {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return { kind: 'missing' };
  }
  const label = (v: unknown) => field.options?.find((o) => o.value === v)?.label[lang] ?? str(v);
  switch (field.kind) {
    case 'yes-no':
      return value === true ? { kind: 'yes' } : value === false ? { kind: 'no' } : { kind: 'text', text: str(value) };
    case 'select':
    case 'radio':
      return { kind: 'text', text: label(value) };
    case 'checkboxes':
      return Array.isArray(value) ? { kind: 'list', items: value.map(label) } : { kind: 'text', text: label(value) };
    case 'file': {
      const file = files.find((f) => f.id === value);
      return file === undefined ? { kind: 'file-missing' } : { kind: 'file', name: file.filename, size: fileSize(file.sizeBytes, lang) };
    }
    case 'date':
      return { kind: 'text', text: isDay(value) ? formatDay(value, lang) : str(value) };
    case 'text':
    case 'textarea':
    case 'email':
    case 'tel':
    case 'number':
      return { kind: 'text', text: str(value) };
  }
}

/**
 * Check your answers: one section per page the applicant sees, one row per question shown, in the
 * order asked, each with the screen where it is changed (none for register data).
 */
export function checkSections(form: ApplicationForm, answers: Answers, o: { files: readonly Attachment[]; locked: readonly string[]; lang: Lang }): CheckSection[] {
  const visible = pruneHidden(form, answers);
  const locked = new Set(o.locked);
  const sections: CheckSection[] = [];
  for (const screen of screensOf(form, visible)) {
    const rows = screen.fields.map((f) => rowOf(screen, f, visible[f.name], locked.has(f.name), o));
    const last = sections.at(-1);
    if (last !== undefined && last.pageId === screen.page.id) {
      sections[sections.length - 1] = { ...last, rows: [...last.rows, ...rows] };
    } else {
      sections.push({ pageId: screen.page.id, title: screen.page.title[o.lang], rows });
    }
  }
  return sections;
}

function rowOf(screen: Screen, field: FormField, value: unknown, locked: boolean, o: { files: readonly Attachment[]; lang: Lang }): CheckRow {
  return {
    field: field.name,
    label: field.label[o.lang],
    value: answerValue(field, value, o.files, o.lang),
    change: locked ? null : { pageId: screen.page.id, about: screen.about },
  };
}
