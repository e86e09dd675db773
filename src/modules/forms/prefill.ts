import type { Answers, ApplicationForm, PrefillSource } from './form.schemas.ts';

/** What the portal already knows about the applicant and the party they act for, by prefill source. */
export type PrefillProfile = Partial<Record<PrefillSource, string>>;

/**
 * The first answers of a new draft: each question that names a prefill source gets the profile's
 * value, when there is one. The applicant can change any of them; nothing is asked twice.
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
