import { randomUUID } from 'node:crypto';
/**
 * The people of the authorization matrix, set up the way the portal would see them: real sign-ins
 * through the embedded eID, mandates granted, acted under, revoked and expired through the pages
 * (and one date moved in the database), so each persona's session is what a browser would hold.
 */
import type { FastifyInstance } from 'fastify';

import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { cookieFrom, csrfOf, throughEid } from '../support/identity.ts';
import { PERSONAS, type PersonaName } from './matrix-grid.ts';

export const COMPANY = '40000001';
/** National ids no persona has: mandates granted to them change nobody's options. */
const BYSTANDER_OF_COMPANY = '9000000998';
const BYSTANDER_OF_CITIZEN = '9000000997';

export const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Who {
  readonly eid: string | null;
  readonly realm: 'citizen' | 'staff';
  /** The party the persona acts for after signing in (the act-as form may refuse once a mandate has ended). */
  readonly actAs?: string;
  /** Signs out again at once: the persona keeps sending the cookie of a session that has ended. */
  readonly ended?: true;
}

const WHO: Record<PersonaName, Who> = {
  anonymous: { eid: null, realm: 'citizen' },
  'staff-refused': { eid: null, realm: 'staff' },
  'session-ended': { eid: 'marta-nowak', realm: 'citizen', ended: true },
  citizen: { eid: 'olena-koval', realm: 'citizen' },
  'officer-as-citizen': { eid: 'mykola-tkachenko', realm: 'citizen' },
  director: { eid: 'taras-melnyk', realm: 'citizen', actAs: `business:${COMPANY}` },
  'rep-active': { eid: 'iryna-bondar', realm: 'citizen', actAs: `business:${COMPANY}` },
  'rep-revoked': { eid: 'andrii-shevchenko', realm: 'citizen', actAs: `business:${COMPANY}` },
  'rep-expired': { eid: 'nataliia-hrytsenko', realm: 'citizen', actAs: `business:${COMPANY}` },
  clerk: { eid: 'mykola-tkachenko', realm: 'staff' },
  'decision-maker': { eid: 'oksana-lysenko', realm: 'staff' },
  supervisor: { eid: 'petro-boiko', realm: 'staff' },
  'agency-admin': { eid: 'halyna-kravets', realm: 'staff' },
  'front-desk': { eid: 'yuliia-marchenko', realm: 'staff' },
  'contact-centre': { eid: 'serhii-pavlenko', realm: 'staff' },
  'catalogue-editor': { eid: 'larysa-moroz', realm: 'staff' },
  'national-admin': { eid: 'viktor-savchenko', realm: 'staff' },
};

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

/** Real ids from the demo catalogue and the mandates set up below, to fill route parameters. */
export interface MatrixIds {
  readonly service: string;
  readonly organisation: string;
  readonly centre: string;
  readonly event: string;
  /** A mandate the company granted (revoked through /uk/…) and one the citizen granted (through /en/…). */
  readonly companyMandate: string;
  readonly citizenMandate: string;
  /** Roles of bystanders in another agency (the tax service), revoked through /uk/… and /en/…. */
  readonly staffRoleUk: string;
  readonly staffRoleEn: string;
  /** The citizen's draft, and one draft per language to discard. */
  readonly draft: string;
  readonly discardDraftUk: string;
  readonly discardDraftEn: string;
  /** The citizen's case awaiting payment (with an attachment), one per language to withdraw, and a granted one with its decision. */
  readonly case: string;
  readonly caseNumber: string;
  /** The start of the case's submission hash, as a receipt's QR code carries it. */
  readonly caseHash: string;
  readonly attachment: string;
  readonly withdrawCaseUk: string;
  readonly withdrawCaseEn: string;
  readonly decidedCase: string;
  readonly document: string;
  /** The citizen's life-event bundle (birth of a child: four cases at four agencies). */
  readonly bundle: string;
  /** The citizen's inbox message about the decision. */
  readonly inboxMessage: string;
  /** The citizen's appointments: one to look at, one to cancel in each language. */
  readonly appointment: string;
  readonly cancelAppointmentUk: string;
  readonly cancelAppointmentEn: string;
  /** A call the contact-centre operator started, and a callback asked for in it. */
  readonly call: string;
  readonly callbackRequest: string;
  /** The citizen's consents to the partner bank, one revoked through /uk/…, one through /en/…. */
  readonly consentUk: string;
  readonly consentEn: string;
}

/**
 * Every request of the matrix comes from its own address, so the per-address rate limit of the
 * sign-in callback (which every sign-in passes through) never answers instead of the gate.
 */
let address = 0;
export const nextAddress = (): string => {
  address += 1;
  return `10.77.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`;
};

export const form = (fields: ReadonlyArray<readonly [string, string]>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields.map(([k, v]) => [k, v])).toString(),
});

async function post(app: FastifyInstance, session: Session, url: string, fields: ReadonlyArray<readonly [string, string]>) {
  const sent = form([['_csrf', session.csrf], ...fields]);
  return app.inject({ method: 'POST', url, remoteAddress: nextAddress(), headers: { ...sent.headers, cookie: session.cookie }, payload: sent.payload });
}

async function signIn(app: FastifyInstance, eid: string, realm: 'citizen' | 'staff') {
  return app.inject({ ...(await throughEid(app, eid, realm)), remoteAddress: nextAddress() });
}

export class MatrixPeople {
  private readonly sessions = new Map<PersonaName, Session | null>();

  private constructor(private readonly app: FastifyInstance) {}

  /** The session cookie (and CSRF token) a persona's requests carry; null for the two who have none. */
  session(persona: PersonaName): Session | null {
    return this.sessions.get(persona) ?? null;
  }

  /** Signs the persona in (and acts for their party) afresh; also every other persona who is the same person. */
  async renew(persona: PersonaName): Promise<void> {
    const eid = WHO[persona].eid;
    for (const other of PERSONAS.filter((p) => eid !== null && WHO[p].eid === eid)) {
      this.sessions.set(other, await this.establish(other, false));
    }
  }

  private async establish(persona: PersonaName, strict: boolean): Promise<Session | null> {
    const { eid, realm, actAs, ended } = WHO[persona];
    if (!eid) {
      return null;
    }
    const done = await signIn(this.app, eid, realm);
    if (done.statusCode !== 303) {
      throw new Error(`sign-in of ${persona} (${eid}, ${realm}) answered ${done.statusCode}`);
    }
    const cookie = cookieFrom(done.headers['set-cookie']);
    const session = { cookie, csrf: await csrfOf(this.app, cookie) };
    if (actAs) {
      const acted = await post(this.app, session, '/uk/cabinet/act-as', [['party', actAs]]);
      if (strict && acted.statusCode !== 303) {
        throw new Error(`${persona} could not act for ${actAs}: ${acted.statusCode}`);
      }
    }
    if (ended && (await post(this.app, session, '/uk/sign-out', [])).statusCode !== 303) {
      throw new Error(`${persona} could not sign out`);
    }
    return session;
  }

  /** The scenario: who signs in, which mandates exist and in what state, and the ids the routes need. */
  static async setUp(t: TestApp): Promise<{ people: MatrixPeople; ids: MatrixIds }> {
    const records = await demoRecords();
    const imported = await t.services.catalogue.importRecords(records, 'test');
    if (!imported.ok) {
      throw new Error('the demo catalogue did not import');
    }
    const people = new MatrixPeople(t.app);
    const mandateTo = async (nationalId: string) =>
      (await t.services.db.query<{ id: string }>('SELECT id FROM mandates WHERE representative_national_id = $1 ORDER BY granted_at DESC LIMIT 1', [nationalId]))[0]!.id;
    const grant = async (by: PersonaName, fields: Array<[string, string]>) => {
      const res = await post(t.app, people.session(by)!, '/en/cabinet/mandates', [...fields, ['step', 'confirm']]);
      if (res.statusCode !== 303) {
        throw new Error(`${by} could not grant a mandate (${res.statusCode}): ${res.body.slice(0, 300)}`);
      }
    };

    // The director and the citizen grant; the three representatives get a mandate each from the company.
    people.sessions.set('director', await people.establish('director', true));
    people.sessions.set('citizen', await people.establish('citizen', true));
    // The bystander holds a mandate but never signs in: the population register knows them all the same.
    for (const bystander of [BYSTANDER_OF_COMPANY, BYSTANDER_OF_CITIZEN]) {
      await t.services.db.query("INSERT INTO population_people (national_id, given_name, family_name, birth_date) VALUES ($1, 'Сторонній', 'Свідок', '1980-01-01') ON CONFLICT (national_id) DO NOTHING", [bystander]);
    }
    const [first, second] = records.services;
    await grant('director', [['representative', '9000000044'], ['scope', 'services'], ['services', first!.id], ['services', second!.id], ['validFrom', day(0)], ['validUntil', day(30)]]);
    for (const representative of ['9000000022', '9000000055', BYSTANDER_OF_COMPANY]) {
      await grant('director', [['representative', representative], ['scope', 'all'], ['validFrom', day(0)], ['validUntil', day(30)]]);
    }
    await grant('citizen', [['representative', BYSTANDER_OF_CITIZEN], ['scope', 'all'], ['validFrom', day(0)], ['validUntil', day(30)]]);

    // Each representative signs in and acts for the company while the mandate holds.
    for (const persona of ['rep-active', 'rep-revoked', 'rep-expired'] as const) {
      people.sessions.set(persona, await people.establish(persona, true));
    }
    // Then the director revokes one mandate through the page, and another one's period ends yesterday.
    const revoked = await post(t.app, people.session('director')!, `/en/cabinet/mandates/${await mandateTo('9000000022')}/revoke`, []);
    if (revoked.statusCode !== 303) {
      throw new Error(`the director could not revoke (${revoked.statusCode})`);
    }
    await t.services.db.query('UPDATE mandates SET valid_from = $2, valid_until = $3 WHERE id = $1', [await mandateTo('9000000055'), day(-30), day(-1)]);

    for (const persona of PERSONAS.filter((p) => !people.sessions.has(p))) {
      people.sessions.set(persona, await people.establish(persona, true));
    }
    // A citizen trying the staff realm is refused and gets no session.
    const refused = await signIn(t.app, 'olena-koval', 'staff');
    if (refused.statusCode !== 400 || cookieFrom(refused.headers['set-cookie']) !== '') {
      throw new Error(`a citizen signing in to the staff realm answered ${refused.statusCode}`);
    }

    const ids: MatrixIds = {
      service: first!.id,
      organisation: records.organisations[0]!.id,
      centre: records.centres[0]!.id,
      event: records.events[0]!.id,
      companyMandate: await mandateTo(BYSTANDER_OF_COMPANY),
      citizenMandate: await mandateTo(BYSTANDER_OF_CITIZEN),
      staffRoleUk: await bystanderRole(t, '9000000996'),
      staffRoleEn: await bystanderRole(t, '9000000997'),
      ...(await caseFixtures(t, people)),
      ...(await contactCentreFixtures(t, people)),
      ...(await consentFixtures(t, people)),
    };
    return { people, ids };
  }
}

const resolve = async (t: TestApp, session: Session | null) => {
  const signedIn = session ? await t.services.sessions.resolve(session.cookie.split('=')[1] ?? '', 'uk') : null;
  if (!signedIn) {
    throw new Error('a matrix session did not resolve');
  }
  return signedIn;
};

/** Two consents the citizen gave the partner bank, through the service. */
async function consentFixtures(t: TestApp, people: MatrixPeople) {
  const citizen = await resolve(t, people.session('citizen'));
  const given = async () => {
    const granted = await t.services.consent.grant(citizen, 'bank-loan-income', 'web');
    if (!granted.ok) {
      throw new Error(`no consent: ${granted.error.code}`);
    }
    return granted.value.id;
  };
  return { consentUk: await given(), consentEn: await given() };
}

/** A call of the contact-centre operator and a callback asked for in it, through the service. */
async function contactCentreFixtures(t: TestApp, people: MatrixPeople) {
  const operator = await resolve(t, people.session('contact-centre'));
  const call = await t.services.contactCentre.start(operator, '050 123 45 67');
  if (!call.ok) {
    throw new Error(`no call: ${call.error.code}`);
  }
  const callback = await t.services.contactCentre.requestCallback(operator, call.value.id, { phone: '050 123 45 67', topic: 'case-status', preferredTime: '' });
  if (!callback.ok) {
    throw new Error(`no callback: ${callback.error.code}`);
  }
  return { call: call.value.id, callbackRequest: callback.value.id };
}

/** The citizen's drafts and cases of a passport application (a paid service of the migration service), through the services. */
async function caseFixtures(t: TestApp, people: MatrixPeople) {
  const citizen = await resolve(t, people.session('citizen'));
  const { drafts, cases, backOffice } = t.services;
  const draft = async () => {
    const started = await drafts.start(citizen, 'international-passport');
    if (!started.ok) {
      throw new Error(`no draft: ${started.error.code}`);
    }
    return started.value.id;
  };
  const submitted = async (key: string) => {
    const id = await draft();
    const pages: Array<[string, Record<string, string>]> = [
      ['about-you', { givenName: 'Олена', familyName: 'Коваль', birthDate: '1990-04-12', nationalId: '9000000011' }],
      ['contact', { email: 'olena@example.org' }], ['reason', { purpose: 'first' }], ['collection', { collectionCentre: 'zorehrad-migration-office' }],
    ];
    for (const [page, body] of pages) {
      await drafts.savePage(citizen, id, page, body);
    }
    await drafts.upload(citizen, id, { field: 'identityDocument', filename: 'id.pdf', bytes: Buffer.from('%PDF-1.4 matrix') });
    const done = await drafts.submit(citizen, id, { idempotencyKey: key, declared: true, channel: 'web', lang: 'uk' });
    if (!done.ok) {
      throw new Error(`a matrix submission failed: ${done.error.code}`);
    }
    return done.value;
  };
  const main = await submitted('matrix-case');
  const decided = await submitted('matrix-decided');
  // Stands in for the payment and the registration, which have their own tests.
  await t.services.db.query("UPDATE cases SET state = 'in-review', fee_status = 'paid' WHERE id = $1", [decided.id]);
  const granted = await backOffice.act(await resolve(t, people.session('decision-maker')), decided.id, { event: 'grant', reason: 'matrix' });
  if (!granted.ok) {
    throw new Error(`the matrix decision failed: ${granted.error.code}`);
  }
  const document = (await cases.forApplicant(citizen, decided.id))?.documents[0]?.id;
  const attachment = (await drafts.attachmentsOfCase(main.id))[0]?.id;
  // The decision's notice, as the outbox worker would fan it out, reaches the citizen's inbox.
  await t.services.notices.fanOut({ caseId: decided.id, kind: 'decision', decided: 'granted', feeDue: null, answerBy: null }, 'matrix-decision');
  const inboxMessage = (await t.services.notices.inbox(citizen))[0]?.messages[0]?.id;
  if (document === undefined || attachment === undefined || inboxMessage === undefined) {
    throw new Error('the matrix case fixtures are incomplete');
  }
  const booked = async (serviceId: string) => {
    const offer = await t.services.appointments.offer('zorehrad-cnap-central', serviceId);
    const slot = offer === null ? null : await t.services.appointments.nextFree(offer, citizen.person.id); // the citizen's other visits' times are skipped
    const done = slot === null ? null : await t.services.appointments.book(citizen, 'zorehrad-cnap-central', serviceId, slot.startsAt);
    if (done === null || !done.ok) {
      throw new Error(`a matrix appointment was not booked: ${offer === null ? 'no offer' : slot === null ? 'no slot' : done === null ? '' : JSON.stringify(done)}`);
    }
    return done.value.id;
  };
  return {
    inboxMessage,
    appointment: await booked('id-card-passport'), cancelAppointmentUk: await booked('international-passport'), cancelAppointmentEn: await booked('residence-registration'),
    draft: await draft(), discardDraftUk: await draft(), discardDraftEn: await draft(),
    case: main.id, caseNumber: main.number, caseHash: main.answersSha256.slice(0, 16), attachment, decidedCase: decided.id, document,
    withdrawCaseUk: (await submitted('matrix-withdraw-uk')).id, withdrawCaseEn: (await submitted('matrix-withdraw-en')).id,
    bundle: await bundleOf(t, citizen),
  };
}

/** The citizen's "birth of a child" bundle, the answers the registers may not give typed in. */
async function bundleOf(t: TestApp, citizen: Awaited<ReturnType<typeof resolve>>): Promise<string> {
  const body = {
    address: 'Зорехрад, вул. Каштанова, 3', childGivenName: 'Марія', childFamilyName: 'Коваль', 'childBirthDate-day': '1', 'childBirthDate-month': '12', 'childBirthDate-year': '2026',
    childNationalId: '9000000990', relationship: 'mother', bankIban: `UA${'1'.repeat(27)}`,
  };
  const done = await t.services.bundles.submit(citizen, 'birth-of-child', body, { idempotencyKey: 'matrix-bundle', declared: true, channel: 'web', lang: 'uk' });
  if (!done.ok) {
    throw new Error(`a matrix bundle failed: ${done.error.code}`);
  }
  return done.value.bundle.id;
}

/** Who each persona acts for, as the portal resolves it now (a check that the scenario is what the table assumes). */
export async function actingOf(t: TestApp, people: MatrixPeople, persona: PersonaName): Promise<string | null> {
  const session = people.session(persona);
  const signedIn = session ? await t.services.sessions.resolve(session.cookie.split('=')[1] ?? '', 'en') : null;
  if (!signedIn) {
    return null;
  }
  const { party, basis } = signedIn.actor.acting;
  return `${party.kind === 'self' ? 'self' : `${party.kind}:${party.id}`}/${basis.kind}${signedIn.actor.realm === 'staff' ? `/staff:${[...new Set(signedIn.staff.map((s) => s.role))].join(',')}` : ''}`;
}

async function bystanderRole(t: TestApp, nationalId: string): Promise<string> {
  const id = randomUUID();
  await t.services.db.query("INSERT INTO staff_roles (id, national_id, role, agency_id, granted_at) VALUES ($1, $2, 'clerk', 'state-tax-service', now())", [id, nationalId]);
  return id;
}
