import { PATHS } from '../common/paths.ts';

/** The addresses of the decision confirmation (declared with the rest in common/paths.ts). */
export const officePaths = {
  /** POST: the confirmation page of a grant or refusal, with its preview; nothing is issued. */
  decision: PATHS.officeDecision.byPosition,
  /** POST: issues the confirmed decision, if the case is still as it was when previewed. */
  decisionConfirm: PATHS.officeDecisionConfirm.byPosition,
  /** POST: the unsealed draft PDF of the decision. */
  decisionDraft: PATHS.officeDecisionDraft.byPosition,
  /** POST: back to the case page, the decision's form filled in as it was. */
  decisionBack: PATHS.officeDecisionBack.byPosition,
} as const;
