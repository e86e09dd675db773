/**
 * The person an application made for oneself is about, found among the applicant's children (ADR 0035): a parent
 * applying for a birth grant names the child by name and date of birth, and the population register lists the
 * parent's children by tax number. Pure.
 */

/** A child of the applicant as the population register lists it. */
export interface RegisteredChild {
  readonly nationalId: string;
  readonly name: string;
  readonly birthDate: string;
}

/** The form fields of a service that name the person it is about (the catalogue's `proactive.subject`). */
export interface SubjectFields {
  readonly name: string;
  readonly birthDate: string;
}

/** A name's words, compared without case or apostrophe variants (ʼ ’ ' are one letter in Ukrainian names). */
const wordsOf = (name: string): string[] =>
  name.normalize('NFC').toLocaleLowerCase('uk').replace(/[’ʼ`]/g, "'").split(/[\s-]+/).filter((w) => w !== '');

/**
 * The tax number of the one child born on the day the answers give whose every registered name is among the words
 * of the name given (a patronymic or another order of the words allowed); null when none is, or more than one.
 */
export function childNamed(children: readonly RegisteredChild[], answers: Readonly<Record<string, unknown>>, fields: SubjectFields): string | null {
  const name = answers[fields.name];
  const birthDate = answers[fields.birthDate];
  if (typeof name !== 'string' || typeof birthDate !== 'string') {
    return null;
  }
  const given = new Set(wordsOf(name));
  const found = children.filter((c) => c.birthDate === birthDate && wordsOf(c.name).length > 0 && wordsOf(c.name).every((w) => given.has(w)));
  return found.length === 1 ? (found[0]?.nationalId ?? null) : null;
}
