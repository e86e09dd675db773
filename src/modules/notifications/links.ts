import type { Lang } from '../../kernel/text.ts';

/** Where the portal's pages about a case are: absolute links for messages, given by the composition root (the web layer's paths). */
export interface NotificationLinks {
  /** The applicant's page of a case. */
  applicantCase(lang: Lang, caseId: string): string;
  /** The back office's page of a case. */
  officeCase(lang: Lang, caseId: string): string;
  /** The person's appointments in the cabinet. */
  appointments(lang: Lang): string;
  /** The person's page of an offer or an automatic grant (ADR 0032). */
  proactiveItem(lang: Lang, itemId: string): string;
}
