import { addDays } from '../../modules/deadlines/index.ts';
import type { FieldError } from '../common/components.tsx';
import { type DateParts, type DateProblem, datePartsOf, readDateInput } from '../common/form-values.ts';
import { dateProblemText } from '../common/inputs.tsx';
import type { Translator } from '../locales/messages.ts';

/** The period of a payment reconciliation, as its form shows it back: each date as typed, the problems by date. */
export interface PaymentsPeriod {
  /** The first day (YYYY-MM-DD), or null when it could not be read. */
  readonly from: string | null;
  /** The day after the last one (YYYY-MM-DD), or null when it could not be read. */
  readonly to: string | null;
  readonly fromParts: DateParts;
  readonly toParts: DateParts;
  readonly problems: Readonly<Record<'from' | 'to', DateProblem | null>>;
  readonly errors: readonly FieldError[];
}

/** The reconciliation's period from its two date inputs: the last 30 days up to tomorrow when left empty; each problem named against its date. */
export function readPeriod(t: Translator, query: unknown, today: string): PaymentsPeriod {
  const read = (name: 'from' | 'to', fallback: string) => {
    const input = readDateInput(query, name);
    if (input.ok === 'empty') {
      return { iso: fallback, parts: datePartsOf(fallback), problem: null };
    }
    return input.ok ? { iso: input.iso, parts: input.parts, problem: null } : { iso: null, parts: input.parts, problem: input.problem };
  };
  const from = read('from', addDays(today, -30));
  const to = read('to', addDays(today, 1));
  const label = { from: t('office.payments.from'), to: t('office.payments.to') };
  const errors: FieldError[] = [];
  const problems: Record<'from' | 'to', DateProblem | null> = { from: from.problem, to: to.problem };
  for (const [name, problem] of [['from', from.problem], ['to', to.problem]] as const) {
    if (problem !== null) {
      errors.push({ field: name, message: t('office.payments.dateProblem', { label: label[name], problem: dateProblemText(t, problem) }) });
    }
  }
  if (from.iso !== null && to.iso !== null && to.iso <= from.iso) {
    problems.to = { code: 'date.invalid', parts: ['day', 'month', 'year'] };
    errors.push({ field: 'to', message: t('office.payments.badDates') });
  }
  return { from: from.iso, to: to.iso, fromParts: from.parts, toParts: to.parts, problems, errors };
}

