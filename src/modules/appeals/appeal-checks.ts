/** Pure: the checks every filed appeal passes, whoever types it (the person, or staff for them). */
import { type AppealInput, type AppealKind, FILED_KINDS, MAX_APPEAL_TEXT, MAX_OFFICER_NAME } from './appeal.ts';
import { AppealAgencyUnknown, AppealKindInvalid, AppealOfficerTooLong, AppealTextRequired, type FileFailure } from './appeals.errors.ts';

export interface CheckedAppeal {
  readonly problems: FileFailure[];
  /** Null when the kind is not one a person may choose (then `problems` says so). */
  readonly kind: Exclude<AppealKind, 'refusal-appeal'> | null;
  readonly text: string;
  /** '' for none (triage). */
  readonly agency: string;
  readonly officer: string;
}

/** The kind, the text, an agency the catalogue has (`agencies`), the officer's name: trimmed, with every problem. */
export function checkAppeal(input: AppealInput, agencies: readonly string[]): CheckedAppeal {
  const problems: FileFailure[] = [];
  const kind = (FILED_KINDS as readonly string[]).includes(input.kind) ? (input.kind as Exclude<AppealKind, 'refusal-appeal'>) : null;
  if (kind === null) {
    problems.push(new AppealKindInvalid());
  }
  const text = input.text.trim();
  if (text === '' || text.length > MAX_APPEAL_TEXT) {
    problems.push(new AppealTextRequired(text.length > MAX_APPEAL_TEXT));
  }
  const agency = input.agency.trim();
  if (agency !== '' && !agencies.includes(agency)) {
    problems.push(new AppealAgencyUnknown(agency));
  }
  const officer = input.officer.trim();
  if (officer.length > MAX_OFFICER_NAME) {
    problems.push(new AppealOfficerTooLong());
  }
  return { problems, kind, text, agency, officer };
}

const FORM_ORDER = ['kind', 'text', 'agency', 'caseNumber', 'officer'];

/** Problems in the order the form asks (the error summary follows the page). */
export const inFormOrder = <P extends { readonly code: string }>(problems: readonly P[]): P[] =>
  [...problems].sort((a, b) => FORM_ORDER.indexOf(fieldOf(a)) - FORM_ORDER.indexOf(fieldOf(b)));

const fieldOf = (p: { readonly code: string }): string => ('field' in p && typeof p.field === 'string' ? p.field : '');
