import type { CaseActionError } from '../../modules/cases/index.ts';
import type { Translator } from '../locales/messages.ts';

/** The message for a refused case action, by its stable code (every code mapped: the switch is exhaustive). */
export function caseActionMessage(t: Translator, e: CaseActionError): string {
  switch (e.code) {
    case 'cases.not_found':
    case 'cases.document_not_found':
      return t('caseError.not-found');
    case 'cases.case_moved_on':
      return t('caseError.case-moved-on');
    case 'cases.not_allowed':
      return t('caseError.not-allowed');
    case 'cases.question_required':
      return t('caseError.question-required');
    case 'cases.answer_required':
      return t('caseError.answer-required');
    case 'cases.no_open_request':
      return t('caseError.no-open-request');
    case 'cases.rating_invalid':
      return t('caseError.rating-invalid');
    case 'cases.not_finished':
      return t('caseError.not-finished');
    case 'cases.already_rated':
      return t('caseError.already-rated');
    case 'cases.officer_unknown':
      return t('caseError.officer-unknown');
    case 'cases.note_required':
      return t('caseError.note-required');
    case 'cases.nothing_to_pay':
      return t('caseError.nothing-to-pay');
    case 'cases.payment_unavailable':
      return t('caseError.payment-unavailable');
    case 'cases.payment_pending':
      return t('caseError.payment-pending');
    case 'cases.already_paid':
      return t('caseError.already-paid');
    case 'cases.revocation_reason_required':
      return t('caseError.revocation-reason-required');
    case 'cases.already_revoked':
      return t('caseError.already-revoked');
    case 'workflow.unknown_event':
    case 'workflow.not_allowed_from_state':
    case 'workflow.role_not_allowed':
    case 'workflow.reason_required':
    case 'workflow.refusal_ground_required':
    case 'workflow.refusal_ground_unknown':
    case 'workflow.documents_incomplete':
    case 'workflow.fee_unpaid':
      return t(`caseError.${e.code}`);
  }
}

/** The status of the case page re-rendered after a refused action: a conflict with the case's state is 409, other refusals 400 (not found: see `isNotFound`). */
export function caseActionStatus(e: CaseActionError): number {
  switch (e.code) {
    case 'cases.not_found':
    case 'cases.document_not_found':
      return 404;
    case 'cases.case_moved_on':
      return 409;
    case 'workflow.not_allowed_from_state':
    case 'cases.payment_pending':
    case 'cases.already_paid':
      return 409;
    case 'cases.not_allowed':
    case 'cases.question_required':
    case 'cases.answer_required':
    case 'cases.no_open_request':
    case 'cases.rating_invalid':
    case 'cases.not_finished':
    case 'cases.already_rated':
    case 'cases.officer_unknown':
    case 'cases.note_required':
    case 'cases.nothing_to_pay':
    case 'cases.payment_unavailable':
    case 'cases.revocation_reason_required':
    case 'cases.already_revoked':
    case 'workflow.unknown_event':
    case 'workflow.role_not_allowed':
    case 'workflow.reason_required':
    case 'workflow.refusal_ground_required':
    case 'workflow.refusal_ground_unknown':
    case 'workflow.documents_incomplete':
    case 'workflow.fee_unpaid':
      return 400;
  }
}
