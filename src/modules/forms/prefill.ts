import type { Answers, ApplicationForm, PrefillSource, RegistryPrefill } from './form.schemas.ts';

/** What the portal already knows about the applicant and the party they act for, by prefill source. */
export type PrefillProfile = Partial<Record<PrefillSource, string>>;

/**
 * The first answers of a new draft: each question that names a prefill source gets the profile's
 * value, when there is one. Nothing is asked twice; what comes from a register is locked (`lockedFields`).
 */
export function prefill(form: ApplicationForm, profile: PrefillProfile): Answers {
  const answers: Answers = {};
  for (const page of form.pages) {
    for (const field of page.fields) {
      const value = field.prefill === undefined ? undefined : profile[field.prefill];
      if (value !== undefined && value !== '') {
        answers[field.name] = value;
      }
    }
  }
  return answers;
}

/** The sources that are register data (the eID's person, the business register's party): shown, never edited. */
export const REGISTER_SOURCES: ReadonlySet<PrefillSource> = new Set<PrefillSource>([
  'person.givenName', 'person.familyName', 'person.fullName', 'person.nationalId', 'person.birthDate', 'party.name', 'party.code',
]);

/**
 * The questions the applicant may not change: prefilled from a register source the profile holds.
 * A register source the profile lacks (no birth date in the eID) leaves its question open to answer.
 */
export function lockedFields(form: ApplicationForm, profile: PrefillProfile): string[] {
  return form.pages.flatMap((page) => page.fields)
    .filter((field) => field.prefill !== undefined && REGISTER_SOURCES.has(field.prefill) && (profile[field.prefill] ?? '') !== '')
    .map((field) => field.name);
}

/** The questions answered from a registry service (once-only), in page order: the answer's name and where its value is. */
export function registryFields(form: ApplicationForm): Array<{ readonly name: string; readonly kind: string; readonly registry: RegistryPrefill }> {
  return form.pages.flatMap((page) => page.fields).flatMap((f) => (f.registry === undefined ? [] : [{ name: f.name, kind: f.kind, registry: f.registry }]));
}
