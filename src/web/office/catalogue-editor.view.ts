/**
 * The catalogue editor's form ↔ a service record: the fields a record gives the form, the record the
 * posted fields make (on the version the form was built from), and each problem of the catalogue's
 * checks (a JSON Pointer and a schema keyword) as a message at its field, in the page's language.
 */
import type { FieldIssue } from '../../kernel/errors.ts';
import type { ServiceRecord } from '../../modules/catalogue/index.ts';
import type { FieldError } from '../common/components.tsx';
import { formString } from '../common/form-values.ts';
import type { TextKey, Translator } from '../locales/messages.ts';

export const JSON_AREAS = ['channels', 'evidence', 'refusalGrounds', 'form'] as const;
type JsonArea = (typeof JSON_AREAS)[number];

/** What the form shows: text of every field by name. */
export type EditValues = Readonly<Record<string, string>>;

const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

export function valuesOf(record: ServiceRecord): EditValues {
  const values: Record<string, string> = {
    nameUk: record.name.uk, nameEn: record.name.en, descriptionUk: record.description.uk, descriptionEn: record.description.en,
    deadlineDays: String(record.deadline.days), deadlineUnit: record.deadline.unit,
    channels: json(record.channels), evidence: json(record.evidence), refusalGrounds: json(record.refusalGrounds), form: json(record.form),
  };
  record.costs.forEach((c, i) => {
    values[`cost-${i}-amount`] = String(c.amount);
    values[`cost-${i}-uk`] = c.description.uk;
    values[`cost-${i}-en`] = c.description.en;
  });
  return values;
}

const numberOr = (text: string, pattern: RegExp): number | string => (pattern.test(text.trim()) ? Number(text.trim().replace(',', '.')) : text);
const AMOUNT = /^[0-9]{1,8}([.,][0-9]{1,2})?$/;
const DAYS = /^[0-9]{1,4}$/;

/** A fee id no other fee of the record has: `fee`, `fee-2`, `fee-3`, … */
function newFeeId(taken: readonly string[]): string {
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? 'fee' : `fee-${n}`;
    if (!taken.includes(id)) {
      return id;
    }
  }
}

/**
 * The record the posted fields make from `base`. Text the schema must judge (an amount that is not a
 * number) is kept as text, so the catalogue's checks name it; JSON that does not parse is a problem here.
 */
export function recordFrom(base: ServiceRecord, body: unknown): { record: Record<string, unknown>; values: EditValues; jsonProblems: FieldIssue[]; newFeeIndex: number | null } {
  const text = (name: string) => formString(body, name) ?? '';
  const values: Record<string, string> = {};
  for (const name of ['nameUk', 'nameEn', 'descriptionUk', 'descriptionEn', 'deadlineDays', 'deadlineUnit', ...JSON_AREAS]) {
    values[name] = text(name);
  }
  const costs: Array<Record<string, unknown>> = [];
  base.costs.forEach((c, i) => {
    for (const part of ['amount', 'uk', 'en', 'remove']) {
      values[`cost-${i}-${part}`] = text(`cost-${i}-${part}`);
    }
    if (values[`cost-${i}-remove`] !== 'yes') {
      costs.push({ ...c, amount: numberOr(values[`cost-${i}-amount`] ?? '', AMOUNT), description: { uk: values[`cost-${i}-uk`], en: values[`cost-${i}-en`] } });
    }
  });
  for (const part of ['amount', 'uk', 'en']) {
    values[`cost-new-${part}`] = text(`cost-new-${part}`);
  }
  let newFeeIndex: number | null = null;
  if (['amount', 'uk', 'en'].some((p) => (values[`cost-new-${p}`] ?? '').trim() !== '')) {
    newFeeIndex = costs.length;
    costs.push({ id: newFeeId(base.costs.map((c) => c.id)), amount: numberOr(values['cost-new-amount'] ?? '', AMOUNT), currency: 'UAH', description: { uk: values['cost-new-uk'], en: values['cost-new-en'] } });
  }
  const jsonProblems: FieldIssue[] = [];
  const parsed: Partial<Record<JsonArea, unknown>> = {};
  for (const area of JSON_AREAS) {
    const raw = (values[area] ?? '').trim();
    if (raw === '') {
      parsed[area] = area === 'form' ? undefined : [];
      continue;
    }
    try {
      parsed[area] = JSON.parse(raw) as unknown;
    } catch {
      jsonProblems.push({ pointer: `/${area}`, message: 'not JSON', keyword: 'json' });
      parsed[area] = base[area];
    }
  }
  const { form: _form, ...rest } = base;
  const record: Record<string, unknown> = {
    ...rest,
    name: { uk: values['nameUk'], en: values['nameEn'] },
    description: { uk: values['descriptionUk'], en: values['descriptionEn'] },
    deadline: { days: numberOr(values['deadlineDays'] ?? '', DAYS), unit: values['deadlineUnit'] },
    costs,
    channels: parsed.channels,
    evidence: parsed.evidence,
    refusalGrounds: parsed.refusalGrounds,
    ...(parsed.form === undefined ? {} : { form: parsed.form }),
  };
  return { record, values, jsonProblems, newFeeIndex };
}

const LABELS: Record<string, TextKey> = {
  nameUk: 'catEdit.nameUk', nameEn: 'catEdit.nameEn', descriptionUk: 'catEdit.descriptionUk', descriptionEn: 'catEdit.descriptionEn',
  deadlineDays: 'catEdit.termDays', deadlineUnit: 'catEdit.termUnit', channels: 'catEdit.channels', evidence: 'catEdit.evidence',
  refusalGrounds: 'catEdit.refusalGrounds', form: 'catEdit.form',
};

/** The form field a problem of the record belongs to, and the part of the pointer inside a JSON area. */
function fieldOf(pointer: string, newFeeIndex: number | null): { field: string; inner: string } {
  const parts = pointer.split('/').slice(1);
  const [head, index, ...rest] = parts;
  const inner = (from: number) => `/${parts.slice(from).join('/')}`;
  const key = head ?? '';
  switch (key) {
    case 'name':
    case 'description':
      return { field: `${key}${index === 'en' ? 'En' : 'Uk'}`, inner: '' };
    case 'deadline':
      return { field: index === 'unit' ? 'deadlineUnit' : 'deadlineDays', inner: '' };
    case 'costs': {
      if (index === undefined) {
        return { field: 'cost-new-amount', inner: '' };
      }
      const row = Number(index) === newFeeIndex ? 'new' : index;
      const part = rest[0] === 'description' ? (rest[1] === 'en' ? 'en' : 'uk') : 'amount';
      return { field: `cost-${row}-${part}`, inner: '' };
    }
    case 'channels':
    case 'evidence':
    case 'refusalGrounds':
    case 'form':
      return { field: key, inner: inner(1) };
    case 'requirements':
      return { field: 'evidence', inner: pointer };
    default:
      return { field: 'nameUk', inner: pointer };
  }
}

/** The problems as the page shows them: one message per field (the first), labelled, in the page's language. */
export function editErrors(t: Translator, issues: readonly FieldIssue[], newFeeIndex: number | null, costLabel: (field: string) => string): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of issues) {
    const { field, inner } = fieldOf(issue.pointer, newFeeIndex);
    if (byField.has(field)) {
      continue;
    }
    const key = `catEdit.error.${issue.keyword ?? 'other'}`;
    const what = key in KNOWN ? t(key as TextKey) : t('catEdit.error.other');
    const label = LABELS[field] === undefined ? costLabel(field) : t(LABELS[field]);
    byField.set(field, { field, message: `${label}: ${what}${inner === '' || inner === '/' ? '' : ` (${inner})`}` });
  }
  return [...byField.values()];
}

const KNOWN = Object.fromEntries([
  'required', 'minLength', 'maxLength', 'type', 'minimum', 'maximum', 'multipleOf', 'pattern', 'enum', 'format', 'const', 'reference', 'json',
  'additionalProperties', 'minItems', 'uniqueItems',
].map((k) => [`catEdit.error.${k}`, true]));
