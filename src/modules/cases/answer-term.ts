/** Pure: how long the applicant is given to answer an information request, and the day that makes. */
import type { ServiceRecord } from '../catalogue/index.ts';
import { type Day, dueDate, type Term, type WorkingCalendar } from '../deadlines/index.ts';
import type { InformationRequest } from './case.ts';

/**
 * How long the applicant is given to answer an information request when the service's catalogue
 * record names no `answerTerm`: 10 working days after the request. The statutory term of the case is
 * stopped meanwhile; the date is what the portal asks for, not a refusal ground.
 */
export const DEFAULT_ANSWER_TERM: Term = { days: 10, unit: 'working' };

/** The answer term of a service: its catalogue record's, else the default. */
export const answerTermOf = (service: Pick<ServiceRecord, 'answerTerm'>): Term => service.answerTerm ?? DEFAULT_ANSWER_TERM;

/**
 * The day by which an answer to a request made on `askedOn` is asked for, under `term`: the request
 * day is day 0 (the deadlines module's rule 1), working days skip weekends and public holidays, and a
 * calendar term that ends on a non-working day ends on the next working day.
 */
export function answerByDay(askedOn: Day, term: Term, calendar: WorkingCalendar): Day {
  const due = dueDate(askedOn, term, calendar);
  if (due.kind !== 'due') {
    throw new Error('a term without pauses always has a due date');
  }
  return due.day;
}

/** The day a request's answer is asked for: the stored one, or for a request asked before it was stored, the default term from its day. */
export const answerByOf = (r: Pick<InformationRequest, 'askedOn' | 'answerBy'>, calendar: WorkingCalendar): Day => r.answerBy ?? answerByDay(r.askedOn, DEFAULT_ANSWER_TERM, calendar);
