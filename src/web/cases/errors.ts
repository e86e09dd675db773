import type { CaseActionError } from '../../modules/cases/index.ts';
import type { Translator } from '../locales/messages.ts';

/** The message for a refused case action, by its stable code (every code mapped: the switch is exhaustive). */
export function caseActionMessage(t: Translator, e: CaseActionError): string {
  switch (e.code) {
    case 'cases.refused':
      return t(`caseError.${e.problem}`);
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
