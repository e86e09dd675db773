import type { Attachment } from '../../modules/applications/index.ts';
import type { FormField } from '../../modules/forms/index.ts';
import type { PageContext } from './layout.tsx';
import { fieldId } from './inputs.tsx';

export { fieldId };

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The `maxLength` the form's JSON Schema sets for a question's answer, if any. */
export function maxLengthOf(schema: unknown, name: string): number | undefined {
  const properties = (schema as { properties?: Record<string, { maxLength?: unknown } | undefined> } | null)?.properties;
  const limit = properties?.[name]?.maxLength;
  return typeof limit === 'number' && Number.isSafeInteger(limit) && limit > 0 ? limit : undefined;
}

/** An answer as the applicant and officers read it back: choices by their label, yes/no in words, files by name. */
export function answerText(ctx: PageContext, field: FormField, value: unknown, files: readonly Attachment[] = []): string {
  const { lang, t } = ctx;
  if (value === undefined || value === null || value === '') {
    return t('apply.notAnswered');
  }
  switch (field.kind) {
    case 'yes-no':
      return value === true ? t('apply.yes') : t('apply.no');
    case 'select':
    case 'radio':
      return field.options?.find((o) => o.value === value)?.label[lang] ?? text(value);
    case 'checkboxes':
      return Array.isArray(value) ? value.map((v) => field.options?.find((o) => o.value === v)?.label[lang] ?? text(v)).join(', ') : text(value);
    case 'file':
      return files.find((f) => f.id === value)?.filename ?? t('apply.fileMissing');
    case 'text':
    case 'textarea':
    case 'email':
    case 'tel':
    case 'date':
    case 'number':
      return text(value);
  }
}
