import { type CaseActionError, type CaseProblem, CaseRefused } from '../../modules/cases/index.ts';
import type { TransitionError } from '../../modules/workflow/index.ts';
import type { TextKey } from '../locales/messages.ts';

/**
 * What the page says about a refused back-office action: the message, the field it sits beside
 * (the error summary links to `#filter-<field>`) and the status of the re-rendered page.
 */
export interface OfficeError {
  readonly key: TextKey;
  readonly field: string;
  readonly status: number;
}

/** The field of an action's form: each action form has its own, so the same name may appear twice on the page. */
export const actionField = (event: string, name: string): string => `${event}-${name}`;
/** Failures that belong to no single field are shown at the top of the actions. */
export const ACTIONS_FIELD = 'actions';

/** A refusal of the cases module (action, note or assignment); `field` is where the form puts it by default. */
export function caseProblem(problem: CaseProblem, field: string): OfficeError {
  switch (problem) {
    case 'question-required':
      return { key: 'office.error.question-required', field, status: 400 };
    case 'note-required':
      return { key: 'office.error.note-required', field, status: 400 };
    case 'not-allowed':
      return { key: 'office.error.not-allowed', field, status: 403 };
    case 'officer-unknown':
      return { key: 'office.error.officer-unknown', field, status: 400 };
    case 'not-found':
      return { key: 'office.error.not-found', field, status: 404 };
    case 'revocation-reason-required':
      return { key: 'office.error.revocation-reason-required', field, status: 400 };
    case 'already-revoked':
      return { key: 'office.error.already-revoked', field, status: 409 };
    case 'case-moved-on':
      return { key: 'office.error.case-moved-on', field: ACTIONS_FIELD, status: 409 };
    case 'answer-required':
    case 'no-open-request':
    case 'rating-invalid':
    case 'not-finished':
    case 'already-rated':
    case 'nothing-to-pay':
    case 'payment-unavailable':
    case 'payment-pending':
    case 'already-paid':
      return { key: 'office.error.other', field, status: 400 };
  }
}

/** A refusal of the workflow for the action `event`. */
export function workflowProblem(error: TransitionError, event: string): OfficeError {
  switch (error.code) {
    case 'workflow.reason_required':
      return { key: 'office.error.workflow.reason_required', field: actionField(event, 'reason'), status: 400 };
    case 'workflow.refusal_ground_required':
      return { key: 'office.error.workflow.refusal_ground_required', field: actionField(event, 'refusalGroundId'), status: 400 };
    case 'workflow.refusal_ground_unknown':
      return { key: 'office.error.workflow.refusal_ground_unknown', field: actionField(event, 'refusalGroundId'), status: 400 };
    case 'workflow.documents_incomplete':
      return { key: 'office.error.workflow.documents_incomplete', field: ACTIONS_FIELD, status: 400 };
    case 'workflow.fee_unpaid':
      return { key: 'office.error.workflow.fee_unpaid', field: ACTIONS_FIELD, status: 400 };
    case 'workflow.not_allowed_from_state':
      return { key: 'office.error.workflow.not_allowed_from_state', field: ACTIONS_FIELD, status: 409 };
    case 'workflow.role_not_allowed':
      return { key: 'office.error.workflow.role_not_allowed', field: ACTIONS_FIELD, status: 400 };
    case 'workflow.unknown_event':
      return { key: 'office.error.workflow.unknown_event', field: ACTIONS_FIELD, status: 400 };
  }
}

/** Any refusal of `act`, for the action `event`. */
export function actProblem(error: CaseActionError, event: string): OfficeError {
  if (error instanceof CaseRefused) {
    return caseProblem(error.problem, error.field === null ? ACTIONS_FIELD : actionField(event, error.field));
  }
  return workflowProblem(error, event);
}
