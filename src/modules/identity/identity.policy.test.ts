import { describe, expect, it } from 'vitest';

import { type ActingOption, type Basis, type Mandate, type MandateScope, type Party, type Person, type Realm, type Relations, type StaffAssignment, type StaffRole, STAFF_ROLES, actingOptions, partyKey } from './identity.ts';
import {
  type Actor, type AssistedChannel, type Decision, type Requirement, assistedChannelsOf, assistedFilingAssignment, authorize, canActForService, canAdministerStaff, canChangeStaffRolesOf, canManageMandatesOf,
} from './identity.policy.ts';

/** Noon UTC on 15 June 2026: every date below is relative to this "today". */
const AT = new Date('2026-06-15T12:00:00Z');
const TODAY = '2026-06-15';
const YESTERDAY = '2026-06-14';
const TOMORROW = '2026-06-16';

const COMPANY = '40000001';
const OTHER_COMPANY = '40000002';
const ME = '9000000044';
const SOMEONE = '9000000011';
const MIGRATION = 'state-migration-service';
const TAX = 'state-tax-service';

const ANONYMOUS: Actor = { kind: 'anonymous' };

function mandate(overrides: Partial<Mandate> = {}): Mandate {
  return {
    id: 'm-1', grantor: { kind: 'business', id: COMPANY }, representativeNationalId: ME, scope: { kind: 'all' },
    validFrom: YESTERDAY, validUntil: TOMORROW, grantedBy: 'p-director', grantedAt: new Date('2026-06-14T09:00:00Z'), revokedAt: null,
    ...overrides,
  };
}

const staff = (role: StaffRole, agencyId: string | null = null): StaffAssignment => ({ id: `s-${role}`, role, agencyId, centreId: null });

function person(options: { realm?: Realm; party?: Party; basis?: Basis; staff?: StaffAssignment[]; nationalId?: string | null } = {}): Actor {
  const acting: ActingOption = { party: options.party ?? { kind: 'self' }, name: 'whoever', basis: options.basis ?? { kind: 'self' } };
  return { kind: 'person', personId: 'p-1', nationalId: options.nationalId === undefined ? ME : options.nationalId, realm: options.realm ?? 'citizen', acting, staff: options.staff ?? [] };
}

const forCompany = (basis: Basis, id = COMPANY): Actor => person({ party: { kind: 'business', id }, basis });
const byMandate = (m: Partial<Mandate>): Actor => forCompany({ kind: 'mandate', mandates: [mandate(m)] });

describe('authorize: every requirement × every kind of actor', () => {
  const ALLOW: Decision = { allowed: true };
  const SIGN_IN: Decision = { allowed: false, reason: 'sign-in-required' };
  const FORBID: Decision = { allowed: false, reason: 'forbidden' };
  const actors: Record<string, Actor> = {
    anonymous: ANONYMOUS,
    'citizen realm': person(),
    'citizen realm, acting for a company': forCompany({ kind: 'director' }),
    'citizen realm, holding staff roles': person({ staff: [staff('clerk', MIGRATION), staff('national-admin')] }),
    'staff realm, clerk': person({ realm: 'staff', staff: [staff('clerk', MIGRATION)] }),
    'staff realm, catalogue editor': person({ realm: 'staff', staff: [staff('catalogue-editor')] }),
    'staff realm, no role left': person({ realm: 'staff', staff: [] }),
  };
  const requirements: Record<string, Requirement> = {
    public: { kind: 'public' },
    'signed-in': { kind: 'signed-in' },
    'staff: clerk': { kind: 'staff', roles: ['clerk'] },
    'staff: any role': { kind: 'staff', roles: STAFF_ROLES },
    'staff: no role': { kind: 'staff', roles: [] },
  };
  // Rows: actors in the order above. Columns: requirements in the order above.
  const expected: Record<string, Decision[]> = {
    anonymous: [ALLOW, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN],
    'citizen realm': [ALLOW, ALLOW, FORBID, FORBID, FORBID],
    'citizen realm, acting for a company': [ALLOW, ALLOW, FORBID, FORBID, FORBID],
    'citizen realm, holding staff roles': [ALLOW, ALLOW, FORBID, FORBID, FORBID],
    'staff realm, clerk': [ALLOW, ALLOW, ALLOW, ALLOW, FORBID],
    'staff realm, catalogue editor': [ALLOW, ALLOW, FORBID, ALLOW, FORBID],
    'staff realm, no role left': [ALLOW, ALLOW, FORBID, FORBID, FORBID],
  };
  const cells = Object.entries(expected).flatMap(([actor, row]) =>
    Object.keys(requirements).map((need, i) => ({ actor, need, decision: row[i]! })));

  it.each(cells)('$actor × $need', ({ actor, need, decision }) => {
    expect(authorize(actors[actor]!, requirements[need]!)).toEqual(decision);
  });

  it('lets a staff requirement name each role on its own', () => {
    for (const role of STAFF_ROLES) {
      const officer = person({ realm: 'staff', staff: [staff(role)] });
      for (const needed of STAFF_ROLES) {
        expect(authorize(officer, { kind: 'staff', roles: [needed] }).allowed, `${role} for ${needed}`).toBe(role === needed);
      }
    }
  });
});

describe('canActForService', () => {
  const service = { id: 'vat-registration', thematicArea: 'tax' };
  const services = (ids: string[]): MandateScope => ({ kind: 'services', serviceIds: ids });
  const cases: Array<[string, Actor, boolean]> = [
    ['anonymous', ANONYMOUS, false],
    ['oneself', person(), true],
    ['oneself in the staff realm', person({ realm: 'staff', staff: [staff('clerk')] }), true],
    ['a director for the company', forCompany({ kind: 'director' }), true],
    ['a parent for a minor child', person({ party: { kind: 'person', id: '9000000101' }, basis: { kind: 'parent' } }), true],
    ['a mandate for everything', byMandate({ scope: { kind: 'all' } }), true],
    ['a mandate listing the service', byMandate({ scope: services(['company-registration', 'vat-registration']) }), true],
    ['a mandate listing other services only', byMandate({ scope: services(['company-registration']) }), false],
    ['a mandate for the service’s thematic area', byMandate({ scope: { kind: 'thematic', thematicArea: 'tax' } }), true],
    ['a mandate for another thematic area', byMandate({ scope: { kind: 'thematic', thematicArea: 'business' } }), false],
    ['a mandate that ended yesterday', byMandate({ validFrom: '2026-06-01', validUntil: YESTERDAY }), false],
    ['a mandate that ends today', byMandate({ validUntil: TODAY }), true],
    ['a mandate that starts today', byMandate({ validFrom: TODAY }), true],
    ['a mandate that starts tomorrow', byMandate({ validFrom: TOMORROW, validUntil: '2026-07-01' }), false],
    ['a revoked mandate', byMandate({ revokedAt: new Date('2026-06-15T08:00:00Z') }), false],
    ['a revoked mandate for everything, still in its dates', byMandate({ scope: { kind: 'all' }, revokedAt: new Date('2026-06-14T10:00:00Z') }), false],
  ];

  it.each(cases)('%s → %s', (_name, actor, expected) => {
    expect(canActForService(actor, service, AT)).toBe(expected);
  });

  it('checks a mandate’s dates against the day of the decision in the state’s calendar (Kyiv, UTC+3 in June), whole days inclusive', () => {
    const actor = byMandate({ validFrom: TODAY, validUntil: TODAY });
    expect(canActForService(actor, service, new Date('2026-06-14T20:59:59.999Z'))).toBe(false);
    expect(canActForService(actor, service, new Date('2026-06-14T21:00:00Z'))).toBe(true);
    expect(canActForService(actor, service, new Date('2026-06-15T20:59:59.999Z'))).toBe(true);
    expect(canActForService(actor, service, new Date('2026-06-15T21:00:00Z'))).toBe(false);
  });
});

describe('canManageMandatesOf', () => {
  const personGrantor: Mandate['grantor'] = { kind: 'person', id: ME };
  const businessGrantor: Mandate['grantor'] = { kind: 'business', id: COMPANY };
  const cases: Array<[string, Actor, Mandate['grantor'], boolean]> = [
    ['anonymous, for a person', ANONYMOUS, personGrantor, false],
    ['the person, acting as themselves', person(), personGrantor, true],
    ['the person, while acting for a company they direct', forCompany({ kind: 'director' }), personGrantor, false],
    ['the person, while acting for their child', person({ party: { kind: 'person', id: '9000000101' }, basis: { kind: 'parent' } }), personGrantor, false],
    ['someone else, acting as themselves', person({ nationalId: SOMEONE }), personGrantor, false],
    ['a person with no national id', person({ nationalId: null }), personGrantor, false],
    ['anonymous, for a business', ANONYMOUS, businessGrantor, false],
    ['a director acting for that business', forCompany({ kind: 'director' }), businessGrantor, true],
    ['a director acting for another business', forCompany({ kind: 'director' }, OTHER_COMPANY), businessGrantor, false],
    ['a director acting as themselves', person(), businessGrantor, false],
    ['a representative with a mandate for everything', byMandate({ scope: { kind: 'all' } }), businessGrantor, false],
    ['a representative with a narrow mandate', byMandate({ scope: { kind: 'services', serviceIds: ['company-registration'] } }), businessGrantor, false],
  ];

  it.each(cases)('%s → %s', (_name, actor, grantor, expected) => {
    expect(canManageMandatesOf(actor, grantor)).toBe(expected);
  });
});

describe('canAdministerStaff', () => {
  const staffRealm = (...assignments: StaffAssignment[]) => person({ realm: 'staff', staff: assignments });
  const cases: Array<[string, Actor, string | null, boolean]> = [
    ['anonymous', ANONYMOUS, MIGRATION, false],
    ['a national administrator, any agency', staffRealm(staff('national-admin')), TAX, true],
    ['a national administrator, no agency', staffRealm(staff('national-admin')), null, true],
    ['an agency administrator, their own agency', staffRealm(staff('agency-admin', MIGRATION)), MIGRATION, true],
    ['an agency administrator, another agency', staffRealm(staff('agency-admin', MIGRATION)), TAX, false],
    ['another agency’s administrator', staffRealm(staff('agency-admin', TAX)), MIGRATION, false],
    ['an agency administrator, no agency named', staffRealm(staff('agency-admin', MIGRATION)), null, false],
    ['a supervisor of the agency', staffRealm(staff('supervisor', MIGRATION)), MIGRATION, false],
    ['a clerk and an agency administrator elsewhere', staffRealm(staff('clerk', MIGRATION), staff('agency-admin', TAX)), MIGRATION, false],
    ['the citizen realm, even as national administrator', person({ staff: [staff('national-admin')] }), MIGRATION, false],
    ['the citizen realm, even as the agency’s administrator', person({ staff: [staff('agency-admin', MIGRATION)] }), MIGRATION, false],
  ];

  it.each(cases)('%s → %s', (_name, actor, agencyId, expected) => {
    expect(canAdministerStaff(actor, agencyId)).toBe(expected);
  });
});

describe('canChangeStaffRolesOf', () => {
  const admin = person({ realm: 'staff', staff: [staff('national-admin')], nationalId: ME });
  const cases: Array<[string, Actor, string, boolean]> = [
    ['anonymous', ANONYMOUS, SOMEONE, false],
    ['an administrator, someone else’s roles', admin, SOMEONE, true],
    ['an administrator, their own roles', admin, ME, false],
    ['an agency administrator, their own roles', person({ realm: 'staff', staff: [staff('agency-admin', MIGRATION)], nationalId: ME }), ME, false],
    ['a person without a national id', person({ realm: 'staff', staff: [staff('national-admin')], nationalId: null }), SOMEONE, false],
  ];

  it.each(cases)('%s → %s', (_name, actor, holder, expected) => {
    expect(canChangeStaffRolesOf(actor, holder)).toBe(expected);
  });
});

describe('actingOptions', () => {
  const me: Person = { id: 'p-1', nationalId: ME, givenName: 'Ірина', familyName: 'Бондар', birthDate: '1986-02-21' };
  const none: Relations = { directorOf: [], children: [], mandates: [] };
  const keys = (options: ActingOption[]) => options.map((o) => `${partyKey(o.party)}/${o.basis.kind}`);
  const child = (nationalId: string, birthDate: string) => ({ nationalId, name: `child ${nationalId}`, birthDate });
  const granted = (m: Partial<Mandate>, grantorName = 'Zoriana Bakery LLC') => ({ mandate: mandate(m), grantorName });

  it('always offers oneself first, under one’s own name', () => {
    expect(actingOptions(me, none, AT)).toEqual([{ party: { kind: 'self' }, name: 'Ірина Бондар', basis: { kind: 'self' } }]);
  });

  it('offers each company the business register names the person director of', () => {
    const options = actingOptions(me, { ...none, directorOf: [{ registryCode: COMPANY, name: 'A' }, { registryCode: OTHER_COMPANY, name: 'B' }] }, AT);
    expect(keys(options)).toEqual(['self/self', `business:${COMPANY}/director`, `business:${OTHER_COMPANY}/director`]);
  });

  it('offers a child until the day before their 18th birthday, not on it', () => {
    const relations = { ...none, children: [child('9000000101', '2008-06-16'), child('9000000102', '2008-06-15'), child('9000000103', '2015-05-19'), child('9000000104', '1990-01-01')] };
    expect(keys(actingOptions(me, relations, AT))).toEqual(['self/self', 'person:9000000101/parent', 'person:9000000103/parent']);
    // The last moment before the birthday, and its first moment (the birthday is a day of the state's calendar).
    const birthday = { ...none, children: [child('9000000102', '2008-06-15')] };
    expect(keys(actingOptions(me, birthday, new Date('2026-06-14T20:59:59.999Z')))).toEqual(['self/self', 'person:9000000102/parent']);
    expect(keys(actingOptions(me, birthday, new Date('2026-06-14T21:00:00Z')))).toEqual(['self/self']);
  });

  it('offers a grantor of an active mandate; not a revoked, expired or future one, nor one meant for someone else', () => {
    const relations: Relations = {
      ...none,
      mandates: [
        granted({ id: 'active', grantor: { kind: 'business', id: COMPANY } }),
        granted({ id: 'revoked', grantor: { kind: 'business', id: '40000003' }, revokedAt: new Date('2026-06-15T08:00:00Z') }),
        granted({ id: 'expired', grantor: { kind: 'business', id: '40000004' }, validFrom: '2026-05-01', validUntil: YESTERDAY }),
        granted({ id: 'future', grantor: { kind: 'business', id: '40000005' }, validFrom: TOMORROW, validUntil: '2026-07-01' }),
        granted({ id: 'not-mine', grantor: { kind: 'business', id: '40000006' }, representativeNationalId: SOMEONE }),
        granted({ id: 'person', grantor: { kind: 'person', id: SOMEONE } }, 'Олена Коваль'),
      ],
    };
    const options = actingOptions(me, relations, AT);
    expect(keys(options)).toEqual(['self/self', `business:${COMPANY}/mandate`, `person:${SOMEONE}/mandate`]);
    expect(options[1]).toMatchObject({ name: 'Zoriana Bakery LLC', basis: { kind: 'mandate', mandates: [{ id: 'active' }] } });
    expect(options[2]).toMatchObject({ party: { kind: 'person', id: SOMEONE }, name: 'Олена Коваль' });
  });

  it('lists a party once: a directed company is not repeated for a mandate, nor a grantor for a second mandate', () => {
    const relations: Relations = {
      directorOf: [{ registryCode: COMPANY, name: 'Zoriana Bakery LLC' }],
      children: [child('9000000101', '2015-05-19')],
      mandates: [
        granted({ id: 'from-my-company', grantor: { kind: 'business', id: COMPANY } }),
        granted({ id: 'first', grantor: { kind: 'business', id: OTHER_COMPANY } }),
        granted({ id: 'second', grantor: { kind: 'business', id: OTHER_COMPANY } }),
        granted({ id: 'from-the-child', grantor: { kind: 'person', id: '9000000101' } }),
      ],
    };
    const options = actingOptions(me, relations, AT);
    expect(keys(options)).toEqual(['self/self', `business:${COMPANY}/director`, 'person:9000000101/parent', `business:${OTHER_COMPANY}/mandate`]);
    expect(options[3]?.basis).toMatchObject({ kind: 'mandate', mandates: [{ id: 'first' }, { id: 'second' }] });
  });

  it('skips a revoked mandate in favour of a later active one from the same grantor', () => {
    const relations: Relations = { ...none, mandates: [granted({ id: 'old', revokedAt: new Date('2026-06-01T00:00:00Z') }), granted({ id: 'new' })] };
    const options = actingOptions(me, relations, AT);
    expect(keys(options)).toEqual(['self/self', `business:${COMPANY}/mandate`]);
    expect(options[1]?.basis).toMatchObject({ mandates: [{ id: 'new' }] });
  });

  it('offers a person without a national id only themselves', () => {
    const foreigner: Person = { ...me, nationalId: null };
    expect(keys(actingOptions(foreigner, { ...none, mandates: [granted({})] }, AT))).toEqual(['self/self']);
  });
});

describe('several mandates from one grantor', () => {
  it('add up: a later, wider mandate covers what an earlier, narrow one does not', () => {
    const narrow = mandate({ id: 'm-narrow', scope: { kind: 'services', serviceIds: ['company-registration'] } });
    const wide = mandate({ id: 'm-wide', scope: { kind: 'all' }, grantedAt: new Date('2026-06-15T09:00:00Z') });
    const options = actingOptions(
      { id: 'p-1', nationalId: ME, givenName: 'Ірина', familyName: 'Бондар', birthDate: '1986-02-21' },
      { directorOf: [], children: [], mandates: [{ mandate: narrow, grantorName: 'Zoriana Bakery LLC' }, { mandate: wide, grantorName: 'Zoriana Bakery LLC' }] },
      AT,
    );
    expect(options.filter((o) => o.party.kind === 'business')).toHaveLength(1);
    const company = options.find((o) => o.party.kind === 'business');
    const actor = person({ party: { kind: 'business', id: COMPANY }, basis: company?.basis ?? { kind: 'self' } });
    expect(canActForService(actor, { id: 'vat-registration', thematicArea: "tax" }, AT)).toBe(true);
  });
});

describe('assisted filing: which staff may file on which channel for which service', () => {
  const CENTRE = 'zorehrad-cnap-central';
  const service = { organisationId: MIGRATION, centreIds: [CENTRE] };
  const at = (role: StaffRole, agencyId: string | null, centreId: string | null): StaffAssignment => ({ id: `s-${role}-${agencyId ?? centreId ?? 'all'}`, role, agencyId, centreId });
  const actors: Record<string, Actor> = {
    anonymous: ANONYMOUS,
    citizen: person(),
    'clerk of the agency': person({ realm: 'staff', staff: [at('clerk', MIGRATION, null)] }),
    'clerk of the agency, citizen realm': person({ realm: 'citizen', staff: [at('clerk', MIGRATION, null)] }),
    'clerk of another agency': person({ realm: 'staff', staff: [at('clerk', TAX, null)] }),
    'front desk of a centre offering it': person({ realm: 'staff', staff: [at('front-desk', null, CENTRE)] }),
    'front desk of another centre': person({ realm: 'staff', staff: [at('front-desk', null, 'lymansk-cnap')] }),
    'contact centre': person({ realm: 'staff', staff: [at('contact-centre', null, null)] }),
    'decision-maker of the agency': person({ realm: 'staff', staff: [at('decision-maker', MIGRATION, null)] }),
    'supervisor of the agency': person({ realm: 'staff', staff: [at('supervisor', MIGRATION, null)] }),
    'national admin': person({ realm: 'staff', staff: [at('national-admin', null, null)] }),
  };
  // [actor, post, in-person, phone]
  const MATRIX: ReadonlyArray<readonly [string, boolean, boolean, boolean]> = [
    ['anonymous', false, false, false],
    ['citizen', false, false, false],
    ['clerk of the agency', true, false, false],
    ['clerk of the agency, citizen realm', false, false, false],
    ['clerk of another agency', false, false, false],
    ['front desk of a centre offering it', false, true, false],
    ['front desk of another centre', false, false, false],
    ['contact centre', false, false, true],
    ['decision-maker of the agency', false, false, false],
    ['supervisor of the agency', false, false, false],
    ['national admin', false, false, false],
  ];
  it.each(MATRIX)('%s: post %s, in person %s, phone %s', (name, post, inPerson, phone) => {
    const actor = actors[name] as Actor;
    const may = (channel: AssistedChannel) => assistedFilingAssignment(actor, channel, service) !== null;
    expect([may('post'), may('in-person'), may('phone')]).toEqual([post, inPerson, phone]);
  });

  it('names the assignment acted under, and the channels a role opens at all', () => {
    const both = person({ realm: 'staff', staff: [at('clerk', TAX, null), at('clerk', MIGRATION, null), at('contact-centre', null, null)] });
    expect(assistedFilingAssignment(both, 'post', service)?.agencyId).toBe(MIGRATION);
    expect(assistedChannelsOf(both)).toEqual(['post', 'phone']);
    expect(assistedChannelsOf(actors['front desk of another centre'] as Actor)).toEqual(['in-person']);
    expect(assistedChannelsOf(actors['clerk of the agency, citizen realm'] as Actor)).toEqual([]);
  });
});
