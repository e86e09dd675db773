/**
 * Where a case stands, for the officer looking at it, in words that say who waits for whom: the
 * applicant (an answer, a payment), this officer (a decision, a registration), a colleague, or nobody
 * (decided). Pure: the page only translates what this returns.
 */

export type CaseTone = 'blue' | 'yellow' | 'green' | 'red' | 'grey' | 'purple';

/** Who the case waits for now. */
export type Waiting = 'applicant' | 'payment' | 'you' | 'colleague' | 'nobody';

export interface CaseStanding {
  readonly state: string;
  /** The kind of the state in the case's workflow ('active', 'waiting-applicant', 'decided', 'final'…). */
  readonly stateKind: string | null;
  readonly outcome: 'granted' | 'refused' | 'withdrawn' | null;
  readonly feeStatus: 'none' | 'due' | 'paid' | 'exempt';
  readonly clockPaused: boolean;
  /** The day (YYYY-MM-DD) the unanswered request for information was sent, if one is open. */
  readonly openRequestOn: string | null;
  /** The workflow events this officer's roles allow now. */
  readonly actions: readonly string[];
  readonly assignedTo: string | null;
  readonly assignedName: string | null;
  /** The officer looking at the case. */
  readonly me: string;
}

export type CaseStatusKey =
  | 'office.status.decided.granted'
  | 'office.status.decided.refused'
  | 'office.status.decided.withdrawn'
  | 'office.status.closed'
  | 'office.status.applicant'
  | 'office.status.applicantNoDate'
  | 'office.status.payment'
  | 'office.status.decision'
  | 'office.status.register'
  | 'office.status.review'
  | 'office.status.assigned'
  | 'office.status.colleague';

export interface CaseStatus {
  readonly waiting: Waiting;
  readonly key: CaseStatusKey;
  /** `day` (YYYY-MM-DD, for the page to format) or `name`. */
  readonly params: Readonly<{ day?: string; name?: string }>;
  readonly tone: CaseTone;
}

const DECISIONS = ['grant', 'refuse'];

export function caseStatus(c: CaseStanding): CaseStatus {
  if (c.outcome !== null) {
    return { waiting: 'nobody', key: `office.status.decided.${c.outcome}`, params: {}, tone: c.outcome === 'granted' ? 'green' : c.outcome === 'refused' ? 'red' : 'grey' };
  }
  if (c.stateKind === 'decided' || c.stateKind === 'final') {
    return { waiting: 'nobody', key: 'office.status.closed', params: {}, tone: 'grey' };
  }
  if (c.openRequestOn !== null) {
    return { waiting: 'applicant', key: 'office.status.applicant', params: { day: c.openRequestOn }, tone: 'yellow' };
  }
  if (c.feeStatus === 'due' || c.state === 'awaiting-payment') {
    return { waiting: 'payment', key: 'office.status.payment', params: {}, tone: 'yellow' };
  }
  if (c.stateKind === 'waiting-applicant' || c.clockPaused) {
    return { waiting: 'applicant', key: 'office.status.applicantNoDate', params: {}, tone: 'yellow' };
  }
  if (c.actions.some((a) => DECISIONS.includes(a))) {
    return { waiting: 'you', key: 'office.status.decision', params: {}, tone: 'blue' };
  }
  if (c.actions.includes('register')) {
    return { waiting: 'you', key: 'office.status.register', params: {}, tone: 'blue' };
  }
  if (c.actions.includes('start-review')) {
    return { waiting: 'you', key: 'office.status.review', params: {}, tone: 'blue' };
  }
  if (c.assignedTo !== null && c.assignedTo !== c.me) {
    return { waiting: 'colleague', key: 'office.status.assigned', params: { name: c.assignedName ?? '' }, tone: 'purple' };
  }
  return { waiting: 'colleague', key: 'office.status.colleague', params: {}, tone: 'purple' };
}

/** The unanswered request for information of a case, if any: the latest one without an answer. */
export function openRequestOn(requests: ReadonlyArray<{ readonly askedOn: string; readonly answer: string | null }>): string | null {
  const open = requests.filter((r) => r.answer === null);
  return open.length === 0 ? null : (open[open.length - 1]?.askedOn ?? null);
}
