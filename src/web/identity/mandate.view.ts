/** Pure view helpers of the representation page: which services the picker offers, grouped by agency. */

export interface PickerService {
  readonly id: string;
  readonly name: string;
  readonly organisationId: string;
}

export interface PickerGroup {
  readonly agency: string;
  readonly services: ReadonlyArray<{ readonly id: string; readonly name: string; readonly checked: boolean }>;
}

/**
 * The services to offer, grouped by agency in the page's collation: those the filter found, plus any
 * already chosen (so narrowing the list never drops a choice). Agencies without a name fall back to their id.
 */
export function pickerGroups(
  found: readonly PickerService[],
  chosenServices: readonly PickerService[],
  chosen: ReadonlySet<string>,
  agencyNames: ReadonlyMap<string, string>,
  lang: 'uk' | 'en',
): PickerGroup[] {
  const all = new Map<string, PickerService>();
  for (const s of [...chosenServices.filter((c) => chosen.has(c.id)), ...found]) {
    all.set(s.id, s);
  }
  const groups = new Map<string, Array<{ id: string; name: string; checked: boolean }>>();
  for (const s of all.values()) {
    const agency = agencyNames.get(s.organisationId) ?? s.organisationId;
    groups.set(agency, [...(groups.get(agency) ?? []), { id: s.id, name: s.name, checked: chosen.has(s.id) }]);
  }
  const collator = new Intl.Collator(lang);
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([agency, services]) => ({ agency, services: services.sort((a, b) => collator.compare(a.name, b.name)) }));
}

/** The audience of the party granting: a company grants for business services, a person for services to people. */
export function audienceOfGrantor(grantorKind: 'business' | 'person'): 'business' | 'individual' {
  return grantorKind === 'business' ? 'business' : 'individual';
}

/** A tax number shown for confirmation with only its last four digits: "******1234". */
export function maskedNationalId(id: string): string {
  return id.length <= 4 ? id : `${'•'.repeat(id.length - 4)}${id.slice(-4)}`;
}
