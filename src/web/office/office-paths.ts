import type { Lang } from '../../kernel/text.ts';

const caseBase = (lang: Lang, caseId: string) => `/${lang}/office/cases/${encodeURIComponent(caseId)}`;

/** The addresses of the decision confirmation (the rest of the back office's are in common/paths.ts). */
export const officePaths = {
  /** POST: the confirmation page of a grant or refusal, with its preview; nothing is issued. */
  decision: (lang: Lang, caseId: string) => `${caseBase(lang, caseId)}/decision`,
  /** POST: issues the confirmed decision, if the case is still as it was when previewed. */
  decisionConfirm: (lang: Lang, caseId: string) => `${caseBase(lang, caseId)}/decision/confirm`,
  /** POST: the unsealed draft PDF of the decision. */
  decisionDraft: (lang: Lang, caseId: string) => `${caseBase(lang, caseId)}/decision/draft.pdf`,
  /** POST: back to the case page, the decision's form filled in as it was. */
  decisionBack: (lang: Lang, caseId: string) => `${caseBase(lang, caseId)}/decision/back`,
} as const;
