/**
 * The vocabulary of access records (reads of a person's or a legal entity's data by staff), shared by
 * the audit log's writer (platform/audit/personal-data.ts) and the cabinet's reader (modules/access-log).
 */

/** The audit log's action of an access record. */
export const PERSONAL_DATA_READ = 'personal-data.read';

/**
 * Whose data: a person with an account (`person:<uuid>`), a legal entity by its registry code
 * (`business:<code>`), or a person by national id only (`national-id:<rnokpp>`: a child a case is
 * for, someone without an account yet).
 */
export type AccessSubject = `person:${string}` | `business:${string}` | `national-id:${string}`;

/** What was read, named for the person in the cabinet's words (locales `access-log.what.*`). */
export const READ_KINDS = [
  'case', 'attachment', 'decision', 'decision-draft', 'caller-cases', 'caller-identification', 'collection-search', 'collection',
  'letter', 'letter-batch', 'assisted-filing', 'appeal', 'appeal-taken', 'appeal-intake-search', 'caller-appeal-form', 'visits', 'visitor-search',
  'population-record', 'business-record', 'vehicles-record', 'property-record', 'tax-record', 'social-insurance-record',
] as const;
export type ReadKind = (typeof READ_KINDS)[number];

/** Legal bases other than a case, named for the person in the cabinet's words (locales `access-log.basis.*`). */
export const READ_BASES = ['contact-centre-call', 'collection-handover', 'appeal-consideration', 'appeal-intake', 'front-desk-visit', 'application-prefill', 'proactive-service'] as const;
export type ReadBasis = (typeof READ_BASES)[number];

/**
 * Why: the case the read was for (its number), or the legal basis (a call taken, a handover at a centre,
 * an appeal considered or taken, a visitor served at a centre, a form prefilled from a register for the person
 * themselves) with its record: the call, the centre, the appeal's number. A registry query for a case's evidence
 * names the law it is made under (`law`, the service's legal basis).
 */
export type ReadPurpose = { readonly case: string; readonly law?: string } | { readonly basis: ReadBasis; readonly call?: string; readonly centre?: string; readonly appeal?: string };

