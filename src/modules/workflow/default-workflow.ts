import type { WorkflowDefinition } from './workflow.schemas.ts';

/**
 * The workflow of every service whose catalogue record declares none.
 *
 * submitted → registered → in review ↔ information requested → granted / refused → result issued →
 * closed; withdrawn by the applicant at any point before a decision; a case with complete documents
 * and no decision by the deadline is granted by silent consent (the deadline job sends the event).
 *
 * Paid services: `register` requires `fee-paid` (no fee outstanding — paid, or nothing to pay). The
 * cases service sends `request-payment` right after `submit` when a fee is outstanding, which parks
 * the case in `awaiting-payment` (the applicant's turn) until the payment callback sends `pay`, which
 * puts it back in the registration queue. The requirement on `register` is what makes the rule hold:
 * even if `request-payment` were never sent, an unpaid case cannot be registered. (The alternative,
 * two `submit` transitions guarded by "fee due" / "no fee", would need a guard the schema does not
 * have and would make the same event from the same state lead to two states.)
 *
 * The statutory term starts on the day of submission, or of payment when a fee is due (the cases
 * service sets `due_on`); only the information request stops it. Silent consent may therefore come
 * to a case the agency never registered: the law counts from submission, not from registration.
 */
export const defaultWorkflow: WorkflowDefinition = {
  id: 'default',
  states: [
    { id: 'new', kind: 'initial', label: { uk: 'Нова', en: 'New' } },
    { id: 'submitted', kind: 'active', label: { uk: 'Подано', en: 'Submitted' } },
    { id: 'awaiting-payment', kind: 'waiting-applicant', label: { uk: 'Очікує оплати', en: 'Awaiting payment' } },
    { id: 'registered', kind: 'active', label: { uk: 'Зареєстровано', en: 'Registered' } },
    { id: 'in-review', kind: 'active', label: { uk: 'На розгляді', en: 'In review' } },
    { id: 'information-requested', kind: 'waiting-applicant', label: { uk: 'Запитано інформацію', en: 'Information requested' } },
    { id: 'granted', kind: 'decided', label: { uk: 'Надано', en: 'Granted' } },
    { id: 'refused', kind: 'decided', label: { uk: 'Відмовлено', en: 'Refused' } },
    { id: 'withdrawn', kind: 'decided', label: { uk: 'Відкликано заявником', en: 'Withdrawn by the applicant' } },
    { id: 'result-issued', kind: 'decided', label: { uk: 'Результат видано', en: 'Result issued' } },
    { id: 'closed', kind: 'final', label: { uk: 'Закрито', en: 'Closed' } },
  ],
  transitions: [
    { event: 'submit', from: ['new'], to: 'submitted', by: ['system'] },
    { event: 'request-payment', from: ['submitted'], to: 'awaiting-payment', by: ['system'] },
    { event: 'pay', from: ['awaiting-payment'], to: 'submitted', by: ['system'] },
    { event: 'register', from: ['submitted'], to: 'registered', by: ['clerk'], requires: ['fee-paid'] },
    { event: 'start-review', from: ['registered'], to: 'in-review', by: ['clerk'] },
    {
      event: 'request-information',
      from: ['in-review'],
      to: 'information-requested',
      by: ['clerk'],
      requires: ['reason'],
      pausesClock: true,
    },
    { event: 'answer-information', from: ['information-requested'], to: 'in-review', by: ['applicant'], resumesClock: true },
    {
      event: 'grant',
      from: ['in-review'],
      to: 'granted',
      by: ['decision-maker'],
      requires: ['documents-complete'],
      outcome: 'granted',
    },
    {
      event: 'refuse',
      from: ['in-review'],
      to: 'refused',
      by: ['decision-maker'],
      requires: ['reason', 'refusal-ground'],
      outcome: 'refused',
    },
    {
      event: 'grant-by-silent-consent',
      from: ['submitted', 'registered', 'in-review'],
      to: 'granted',
      by: ['system'],
      requires: ['documents-complete'],
      outcome: 'granted',
    },
    { event: 'issue-result', from: ['granted', 'refused'], to: 'result-issued', by: ['clerk', 'system'] },
    {
      event: 'withdraw',
      from: ['submitted', 'awaiting-payment', 'registered', 'in-review', 'information-requested'],
      to: 'withdrawn',
      by: ['applicant'],
      outcome: 'withdrawn',
    },
    { event: 'close', from: ['result-issued', 'withdrawn'], to: 'closed', by: ['clerk', 'system'] },
  ],
};
