/**
 * Cases: what submission opens and officers decide. Types and pure rules; no I/O, no clock (every
 * "now" and "today" comes in as an argument).
 */
import type { LocalText, Lang } from '../../kernel/text.ts';

/** The longest text a person may write on a case: an answer, a reason, a comment, an officer's note (pages set it as maxlength). */
export const MAX_CASE_TEXT = 4000;

/** `proactive`: opened by the portal itself on a registry event, without an application (ADR 0032). */
export const CASE_CHANNELS = ['web', 'api', 'sms', 'phone', 'post', 'in-person', 'proactive'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export type FeeStatus = 'none' | 'due' | 'paid' | 'exempt';
export type PartyKind = 'self' | 'business' | 'person';

/** The party a case is for: the applicant themselves, a business (registry code) or a person (national id). */
export interface CaseParty {
  readonly kind: PartyKind;
  readonly id: string | null;
  readonly name: string;
}

export interface CaseRecord {
  readonly id: string;
  readonly number: string;
  readonly serviceId: string;
  readonly organisationId: string;
  readonly state: string;
  readonly clockPaused: boolean;
  readonly outcome: 'granted' | 'refused' | 'withdrawn' | null;
  readonly channel: CaseChannel;
  readonly applicantPersonId: string;
  readonly applicantName: string;
  readonly party: CaseParty;
  readonly lang: Lang;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly answersSha256: string;
  readonly feeCostId: string | null;
  /** In kopecks. */
  readonly feeAmount: number;
  readonly feeStatus: FeeStatus;
  readonly documentsComplete: boolean;
  readonly term: { readonly days: number; readonly unit: 'calendar' | 'working' };
  readonly silentConsent: boolean;
  readonly submittedAt: Date;
  /** The day the statutory term started: submission, or payment when a fee was due. */
  readonly termStartedOn: string | null;
  readonly dueOn: string | null;
  readonly assignedTo: string | null;
  readonly assignedName: string | null;
  readonly decidedAt: Date | null;
  readonly rating: number | null;
  readonly ratingComment: string | null;
  readonly updatedAt: Date;
  readonly version: number;
}

export interface CaseEventRecord {
  readonly id: number;
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly actorPersonId: string | null;
  readonly actorName: string | null;
  readonly actorRole: string;
  /** The staff roles the acting person holds now (a contact-centre operator, a front-desk clerk…), empty for anyone else. */
  readonly actorStaffRoles: readonly string[];
  readonly channel: string;
  readonly reason: string | null;
  readonly refusalGroundId: string | null;
  readonly at: Date;
}

export interface InformationRequest {
  readonly id: string;
  readonly question: string;
  readonly askedAt: Date;
  readonly askedOn: string;
  /** The day the answer is asked for by; null only for requests asked before it was stored (see `answerByOf`). */
  readonly answerBy: string | null;
  readonly answer: string | null;
  readonly answeredAt: Date | null;
  readonly answeredOn: string | null;
}

export interface CaseNote {
  readonly id: number;
  readonly authorName: string;
  readonly text: string;
  readonly at: Date;
}

export interface CaseDocument {
  readonly id: string;
  readonly kind: string;
  readonly number: string;
  readonly issuedAt: Date;
  readonly status: 'valid' | 'revoked';
  readonly sha256: string;
}

/** `2026-000123`: the year of submission and the number from the case sequence. */
export function formatCaseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/** What the catalogue says about fees, enough to compute one. */
export interface FeeSource {
  readonly costs: ReadonlyArray<{ readonly id: string; readonly amount: number; readonly channel?: string; readonly description: LocalText }>;
  readonly feeField?: string | undefined;
  readonly exemptionField?: string | undefined;
}

export interface Fee {
  readonly costId: string | null;
  /** In kopecks. */
  readonly amount: number;
  readonly status: FeeStatus;
}

/**
 * The fee of an application through `channel`: the catalogue costs that apply to the channel (or to
 * every channel). One applies → that one; several → the one the applicant chose in the form's fee
 * question; none → free. A claimed exemption makes nothing due now (the officer checks the proof).
 */
export function feeFor(source: FeeSource, answers: Readonly<Record<string, unknown>>, channel: 'online' | 'in-person' | 'post' | 'phone' | 'sms'): Fee {
  const applicable = source.costs.filter((c) => c.channel === undefined || c.channel === channel);
  let chosen = applicable.length === 1 ? applicable[0] : undefined;
  if (applicable.length > 1 && source.feeField !== undefined) {
    const picked = answers[source.feeField];
    chosen = applicable.find((c) => c.id === picked);
  }
  if (chosen === undefined) {
    return { costId: null, amount: 0, status: 'none' };
  }
  const amount = Math.round(chosen.amount * 100);
  if (source.exemptionField !== undefined && answers[source.exemptionField] === true) {
    return { costId: chosen.id, amount: 0, status: 'exempt' };
  }
  return { costId: chosen.id, amount, status: amount > 0 ? 'due' : 'none' };
}

/** The channel name of the catalogue's costs for a case channel (web and API are both online). */
export function costChannelOf(channel: CaseChannel): 'online' | 'in-person' | 'post' | 'phone' | 'sms' {
  switch (channel) {
    case 'web':
    case 'api':
    case 'proactive':
      return 'online';
    case 'in-person':
    case 'post':
    case 'phone':
    case 'sms':
      return channel;
  }
}

/** Kopecks as the portal prints them: "732,00 грн" / "UAH 732.00". */
export function formatMoney(kopecks: number, lang: Lang): string {
  const value = (kopecks / 100).toFixed(2);
  return lang === 'uk' ? `${value.replace('.', ',')} грн` : `UAH ${value}`;
}
