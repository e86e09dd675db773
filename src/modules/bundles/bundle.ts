import type { CaseParty } from '../cases/index.ts';

/** A life-event bundle as stored: one application that opened one case at each member service (ADR 0031). */
export interface Bundle {
  readonly id: string;
  readonly eventId: string;
  readonly applicantPersonId: string;
  readonly party: CaseParty;
  /** The person the event is about when not the applicant (the child of "birth of a child"). */
  readonly subject: { readonly nationalId: string; readonly name: string } | null;
  readonly channel: string;
  readonly lang: 'uk' | 'en';
  readonly answers: Readonly<Record<string, unknown>>;
  readonly answersSha256: string;
  readonly submittedAt: Date;
  /** The cases it opened, in the catalogue's order of the member services. */
  readonly caseIds: readonly string[];
}

/** Where a bundle stands, from its cases: none decided yet, some decided, every one decided. */
export type BundleStatus = 'in-progress' | 'partly-decided' | 'decided';

/** A case's part in the bundle's status: decided once it has an outcome (granted, refused, withdrawn). */
export function bundleStatus(parts: ReadonlyArray<{ readonly outcome: string | null }>): BundleStatus {
  const decided = parts.filter((p) => p.outcome !== null).length;
  return decided === 0 ? 'in-progress' : decided === parts.length ? 'decided' : 'partly-decided';
}

/** The idempotency key of a bundle's part: the bundle's key and the member's place, so a second press opens nothing. */
export const partKey = (bundleKey: string, position: number): string => `${bundleKey}#${position}`;

/** The event's subject from the answers, by the fields the bundle names; null when it names none or they are blank. */
export function subjectOf(answers: Readonly<Record<string, unknown>>, fields: { readonly nationalId: string; readonly name: readonly string[] } | undefined): Bundle['subject'] {
  if (fields === undefined) {
    return null;
  }
  const id = answers[fields.nationalId];
  const name = fields.name.map((f) => answers[f]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').join(' ');
  return typeof id === 'string' && /^[0-9]{10}$/.test(id) ? { nationalId: id, name } : null;
}
