// The personas of the authorization matrix and the grids of what each gets (test/identity/matrix-table.ts).

/** The columns of every grid below, in this order. */
export const PERSONAS = [
  'anonymous', //          no session at all
  'staff-refused', //      a citizen who tried the staff realm: refused (not-staff), so no session either
  'session-ended', //      marta-nowak's cookie from a session she has signed out of
  'citizen', //            olena-koval, citizen realm
  'officer-as-citizen', // mykola-tkachenko (a clerk) signed in to the citizen realm: no staff powers there
  'director', //           taras-melnyk acting for company 40000001
  'rep-active', //         iryna-bondar acting for the company under an active 30-day mandate for two services
  'rep-revoked', //        andrii-shevchenko, was acting for the company; the director revoked the mandate
  'rep-expired', //        nataliia-hrytsenko, was acting for the company; the mandate ended yesterday
  'clerk', //              mykola-tkachenko, staff realm
  'decision-maker', //     oksana-lysenko, staff realm
  'supervisor', //         petro-boiko, staff realm
  'agency-admin', //       halyna-kravets, staff realm, state-migration-service
  'front-desk', //         yuliia-marchenko, staff realm
  'contact-centre', //     serhii-pavlenko, staff realm
  'catalogue-editor', //   larysa-moroz, staff realm
  'national-admin', //     viktor-savchenko, staff realm
] as const;
export type PersonaName = (typeof PERSONAS)[number];

/** Personas whose requests carry a live session. */
export const SIGNED_IN_PERSONAS: readonly PersonaName[] = PERSONAS.filter((p) => !['anonymous', 'staff-refused', 'session-ended'].includes(p));

/**
 * `allowed`: 2xx, 3xx other than to sign-in, or a 400 or 409 page (the handler refused the input or the state); `sign-in`: 303 to /{lang}/sign-in?returnTo=<the URL>;
 * `refused`: 401 or 403; `hidden`: 404 — the gate let the persona through, and the handler does not
 * reveal a record that is not theirs (a draft, a case, a file).
 */
export type Outcome = 'allowed' | 'sign-in' | 'refused' | 'hidden';
export type Grid = Readonly<Record<PersonaName, Outcome>>;

const LETTERS: Record<string, Outcome> = { A: 'allowed', S: 'sign-in', R: 'refused', N: 'hidden' };

/** One grid row: a letter per persona, in the column order of PERSONAS (A allowed, S sign-in, R refused, N hidden). */
export function grid(letters: string): Grid {
  const cells = letters.trim().split(/\s+/);
  if (cells.length !== PERSONAS.length || cells.some((c) => !(c in LETTERS))) {
    throw new Error(`a grid row needs ${PERSONAS.length} letters out of A, S, R, N: "${letters}"`);
  }
  return Object.fromEntries(PERSONAS.map((p, i) => [p, LETTERS[cells[i]!]!])) as Record<PersonaName, Outcome>;
}

