/** Pure: what the applicant's side shows of a case at a glance — whose turn it is, and by when. */
import type { LocalText } from '../../kernel/text.ts';
import type { Day } from '../deadlines/index.ts';
import type { StateKind } from '../workflow/index.ts';
import type { CaseDocument, CaseRecord, InformationRequest } from './case.ts';
import type { PaymentStanding } from './payment-standing.ts';

/** An open information request, with the day the answer is asked for (stored when it was asked: see `answer-term.ts`). */
export type OpenRequest = Pick<InformationRequest, 'id' | 'question' | 'askedAt' | 'askedOn'> & { readonly answerDueOn: Day };

/** Whose turn it is on a case, in the words the applicant's pages use. */
export type CaseTurn =
  | { readonly kind: 'answer'; readonly request: OpenRequest }
  | { readonly kind: 'pay'; readonly amount: number }
  | { readonly kind: 'confirming-payment' }
  | { readonly kind: 'agency'; readonly dueOn: string | null }
  | { readonly kind: 'decided'; readonly outcome: NonNullable<CaseRecord['outcome']> }
  | { readonly kind: 'closed' };

/** A case as the cabinet lists it. */
export interface CaseOverview {
  readonly case: CaseRecord;
  readonly serviceName: LocalText;
  readonly state: { readonly id: string; readonly kind: StateKind; readonly label: LocalText };
  readonly turn: CaseTurn;
  /** Documents issued and still valid. */
  readonly documents: readonly CaseDocument[];
}

/** Whose turn it is: the applicant's (an open question, a fee), the agency's (with its due date), or nobody's (decided). */
export function caseTurn(c: CaseRecord, stateKind: StateKind, open: OpenRequest | null, payment: PaymentStanding | null): CaseTurn {
  if (open !== null && c.state === 'information-requested') {
    return { kind: 'answer', request: open };
  }
  if (c.state === 'awaiting-payment' && c.feeStatus === 'due') {
    return payment !== null && payment.kind !== 'open' ? { kind: 'confirming-payment' } : { kind: 'pay', amount: c.feeAmount };
  }
  if (c.outcome !== null) {
    return { kind: 'decided', outcome: c.outcome };
  }
  if (stateKind === 'decided' || stateKind === 'final') {
    return { kind: 'closed' };
  }
  return { kind: 'agency', dueOn: c.clockPaused ? null : c.dueOn };
}
