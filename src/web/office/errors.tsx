import type { ActFailure, AssignFailure, NoteFailure } from '../../modules/cases/index.ts';
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
/** The refusal's ground: only the refusal's form asks for it, so its field is its name. */
export const REFUSAL_GROUND_FIELD = 'refusalGroundId';

/** The back office's refusals from the cases module (action, note or assignment). */
export type OfficeCaseRefusal = ActFailure | NoteFailure | AssignFailure;

/** A refusal of the cases module (action, note or assignment); `field` is where the form puts it. */
export function caseProblem(error: Exclude<OfficeCaseRefusal, TransitionError>, field: string): OfficeError {
  switch (error.code) {
    case 'cases.question_required':
      return { key: 'office.error.question-required', field, status: 400 };
    case 'cases.note_required':
      return { key: 'office.error.note-required', field, status: 400 };
    case 'cases.not_allowed':
      return { key: 'office.error.not-allowed', field, status: 403 };
    case 'cases.officer_unknown':
      return { key: 'office.error.officer-unknown', field, status: 400 };
    case 'cases.not_found':
      return { key: 'office.error.not-found', field, status: 404 };
    case 'cases.case_moved_on':
      return { key: 'office.error.case-moved-on', field: ACTIONS_FIELD, status: 409 };
  }
}

/** A refusal of the workflow for the action `event`. */
export function workflowProblem(error: TransitionError, event: string): OfficeError {
  switch (error.code) {
    case 'workflow.reason_required':
      return { key: 'office.error.workflow.reason_required', field: actionField(event, 'reason'), status: 400 };
    case 'workflow.refusal_ground_required':
      return { key: 'office.error.workflow.refusal_ground_required', field: REFUSAL_GROUND_FIELD, status: 400 };
    case 'workflow.refusal_ground_unknown':
      return { key: 'office.error.workflow.refusal_ground_unknown', field: REFUSAL_GROUND_FIELD, status: 400 };
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
export function actProblem(error: ActFailure, event: string): OfficeError {
  switch (error.code) {
    case 'cases.question_required':
      return caseProblem(error, actionField(event, error.field));
    case 'cases.not_found':
    case 'cases.not_allowed':
    case 'cases.case_moved_on':
      return caseProblem(error, ACTIONS_FIELD);
    case 'workflow.unknown_event':
    case 'workflow.not_allowed_from_state':
    case 'workflow.role_not_allowed':
    case 'workflow.reason_required':
    case 'workflow.refusal_ground_required':
    case 'workflow.refusal_ground_unknown':
    case 'workflow.documents_incomplete':
    case 'workflow.fee_unpaid':
      return workflowProblem(error, event);
  }
}
