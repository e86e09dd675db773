import type { Lang } from '../../kernel/text.ts';

/** The three boxes of a date question from its saved answer (`YYYY-MM-DD`, or the parts as typed). */
export function dateParts(value: unknown): { day: string; month: string; year: string } {
  if (typeof value !== 'string' || value === '') {
    return { day: '', month: '', year: '' };
  }
  const [year = '', month = '', day = ''] = value.split('-');
  const unpad = (v: string) => (/^0[0-9]$/.test(v) ? v.slice(1) : v);
  return { day: unpad(day), month: unpad(month), year };
}

/** The file types the portal takes, as a form's own hint often says it ("PDF, JPEG or PNG"). */
const TYPES_ONLY = /^\s*(pdf|jpe?g|png)(\s*(,|або|or)\s*(pdf|jpe?g|png))*\s*\.?\s*$/i;

/**
 * The hint of a file question: the form's own hint, then the portal's rule (types and size) once.
 * A form hint that only names the portal's file types says what the rule says: it is left out.
 */
export function fileHint(own: string | undefined, rule: string): string[] {
  return own === undefined || own.trim() === '' || TYPES_ONLY.test(own) ? [rule] : [own.trim().replace(/\.$/, ''), rule];
}

const SIZE = {
  kb: { uk: new Intl.NumberFormat('uk-UA', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }), en: new Intl.NumberFormat('en-GB', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }) },
  mb: { uk: new Intl.NumberFormat('uk-UA', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }) },
};

/** A file's size for people: kilobytes under a megabyte (at least 1), megabytes with one decimal above. */
export function fileSize(bytes: number, lang: Lang): string {
  return bytes < 1024 * 1024 ? SIZE.kb[lang].format(Math.max(1, Math.round(bytes / 1024))) : SIZE.mb[lang].format(bytes / (1024 * 1024));
}
