/**
 * The registers' feeds of events (ADR 0032), computed from their data as of the registry's day: a birth registered
 * (a child's birth date), a person turning 18 and reaching the pension age (birth dates), a company registered (its
 * registration day). Oldest first by day and id; a page is the events after a cursor, at most `limit`.
 */
import { ADULT_AGE, PENSION_AGE } from '../../kernel/registry-events.ts';
import { type CompanyRecord, eventCursor, type EventsPage, type PopulationRecord, type RegistryEvent } from '../../platform/registries/index.ts';

/** The day a person born on `birthDate` reaches `years` (29 February: the first of March in a common year). */
export function anniversary(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

const event = (kind: RegistryEvent['kind'], day: string, subject: string): RegistryEvent => ({ id: `${kind}:${subject}`, kind, day, subject, cursor: eventCursor(day, `${kind}:${subject}`) });

export function populationEvents(people: readonly PopulationRecord[]): RegistryEvent[] {
  return people.flatMap((p) => [
    ...(p.parents.length > 0 ? [event('birth-registered', p.birthDate, p.nationalId)] : []),
    event('turned-18', anniversary(p.birthDate, ADULT_AGE), p.nationalId),
    event('pension-age-reached', anniversary(p.birthDate, PENSION_AGE), p.nationalId),
  ]);
}

export const businessEvents = (companies: readonly CompanyRecord[]): RegistryEvent[] => companies.map((c) => event('company-registered', c.registeredOn, c.registryCode));

/** The page after `after` of the events up to `today`. */
export function feedPage(events: readonly RegistryEvent[], today: string, after: string | null, limit: number): EventsPage {
  const due = events.filter((e) => e.day <= today && (after === null || e.cursor > after)).sort((a, b) => (a.cursor < b.cursor ? -1 : a.cursor > b.cursor ? 1 : 0)).slice(0, limit);
  return { events: due, cursor: due.at(-1)?.cursor ?? after };
}
