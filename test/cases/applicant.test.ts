import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import { verifyAudit } from '../../src/platform/audit/verify.ts';
import { act, ANSWERS, type CasesApp, casesApp, completeDraft, draftOf, grantAgencyRoles, resolve, stored, submit } from './support.ts';

let t: CasesApp;
let olena: SignedIn;
const COMPANY = '40000001';

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  olena = await t.person('olena-koval');
});
afterAll(async () => t.close());

describe('withdrawing and rating', () => {
  it('the applicant withdraws a running case; rating comes only after the end, 1 to 5, once', async () => {
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'tax-clearance-certificate'));
    expect(await t.services.cases.rate(olena, c.id, 5, 'Quick')).toMatchObject({ ok: false, error: { code: 'cases.not_finished' } });

    const andrii = await t.person('andrii-shevchenko');
    expect(await t.services.cases.withdraw(andrii, c.id, 'not mine')).toMatchObject({ ok: false, error: { code: 'cases.not_found' } });

    t.clock.set('2026-09-02');
    const withdrawn = await t.services.cases.withdraw(olena, c.id, '  No longer needed  ');
    expect(withdrawn.ok).toBe(true);
    const after = await stored(t.services, c.id);
    expect([after.state, after.outcome, after.decidedAt?.toISOString()]).toEqual(['withdrawn', 'withdrawn', t.clock.now().toISOString()]);
    const view = await t.services.cases.forApplicant(olena, c.id);
    expect(view?.events.at(-1)).toMatchObject({ event: 'withdraw', from: 'submitted', to: 'withdrawn', actorRole: 'applicant', actorPersonId: olena.person.id, reason: 'No longer needed' });
    expect(await t.services.cases.withdraw(olena, c.id, 'again')).toMatchObject({ ok: false, error: { code: 'workflow.not_allowed_from_state' } });

    for (const bad of [0, 6, 2.5, Number.NaN]) {
      expect(await t.services.cases.rate(olena, c.id, bad, '')).toMatchObject({ ok: false, error: { code: 'cases.rating_invalid', field: 'rating' } });
    }
    expect(await t.services.cases.rate(andrii, c.id, 1, 'spite')).toMatchObject({ ok: false, error: { code: 'cases.not_found' } });
    expect(await t.services.cases.rate(olena, c.id, 4, '  Clear form  ')).toMatchObject({ ok: true, value: { rating: 4, ratingComment: 'Clear form' } });
    expect(await t.services.cases.rate(olena, c.id, 5, 'Changed my mind')).toMatchObject({ ok: false, error: { code: 'cases.already_rated' } });
    expect([(await stored(t.services, c.id)).rating, (await stored(t.services, c.id)).ratingComment]).toEqual([4, 'Clear form']);
  });

  it('a decided case may be rated; a case waiting for payment may be withdrawn', async () => {
    await grantAgencyRoles(t, 'national-police');
    const clerk = await t.person('mykola-tkachenko', 'staff');
    const decider = await t.person('oksana-lysenko', 'staff');
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
    await act(t.services, clerk, c.id, 'register');
    await act(t.services, clerk, c.id, 'start-review');
    const granted = await act(t.services, decider, c.id, 'grant');
    expect([granted.state, granted.outcome]).toEqual(['result-issued', 'granted']);
    expect(await t.services.cases.withdraw(olena, c.id, '')).toMatchObject({ ok: false, error: { code: 'workflow.not_allowed_from_state' } });
    expect(await t.services.cases.rate(olena, c.id, 5, '')).toMatchObject({ ok: true, value: { rating: 5, ratingComment: null } });

    const paid = await submit(t.services, olena, await draftOf(t.services, olena, 'international-passport'));
    expect((await t.services.cases.withdraw(olena, paid.id, '')).ok).toBe(true);
    expect((await stored(t.services, paid.id)).state).toBe('withdrawn');
    expect(await t.services.payments.start(olena, paid.id, 'http://portal.test/back')).toMatchObject({ ok: false, error: { code: 'cases.nothing_to_pay' } });
  });
});

describe('representation', () => {
  it('a director applies for the company; an accountant sees the case only with a mandate that covers the service', async () => {
    const director = await t.person('taras-melnyk');
    expect((await t.services.sessions.actAs(director, { kind: 'business', id: COMPANY })).ok).toBe(true);
    const forCompany = await resolve(t.services, director.token);
    expect(forCompany.actor.acting.party).toEqual({ kind: 'business', id: COMPANY });

    const draftId = await completeDraft(t.services, forCompany, 'tax-clearance-certificate', { ...ANSWERS['tax-clearance-certificate'], applicantType: 'business', email: 'office@zoriana.example' });
    const c = await submit(t.services, forCompany, draftId);
    expect(c.party).toEqual({ kind: 'business', id: COMPANY, name: 'ТОВ «Зоряна пекарня»' });
    expect([c.applicantPersonId, c.answers['businessCode'], c.answers['businessName']]).toEqual([director.person.id, COMPANY, 'ТОВ «Зоряна пекарня»']);
    expect((await t.services.cases.mine(forCompany)).rows.map((x) => x.id)).toContain(c.id);
    expect((await t.services.cases.mine(director)).rows.map((x) => x.id)).not.toContain(c.id); // acting for himself: his own cases only

    const accountant = await t.person('iryna-bondar');
    expect((await t.services.cases.mine(accountant)).rows.map((x) => x.id)).not.toContain(c.id);
    expect(await t.services.cases.forApplicant(accountant, c.id)).toBeNull();
    expect((await t.services.sessions.actAs(accountant, { kind: 'business', id: COMPANY })).ok).toBe(false);

    const grant = (serviceIds: string[]) =>
      t.services.mandates.grant(forCompany, { representativeNationalId: '9000000044', scope: { kind: 'services', serviceIds }, validFrom: '2026-09-01', validUntil: '2026-12-31' });
    expect((await grant(['vat-registration'])).ok).toBe(true);
    const outOfScope = await resolve(t.services, accountant.token);
    expect((await t.services.sessions.actAs(outOfScope, { kind: 'business', id: COMPANY })).ok).toBe(true);
    const actingNarrow = await resolve(t.services, accountant.token);
    expect((await t.services.cases.mine(actingNarrow)).rows.map((x) => x.id)).not.toContain(c.id);
    expect(await t.services.cases.withdraw(actingNarrow, c.id, '')).toMatchObject({ ok: false, error: { code: 'cases.not_found' } });

    expect((await grant(['tax-clearance-certificate'])).ok).toBe(true);
    const acting = await resolve(t.services, accountant.token);
    expect(acting.actor.acting.party).toEqual({ kind: 'business', id: COMPANY });
    expect((await t.services.cases.mine(acting)).rows.map((x) => x.id)).toContain(c.id);
    expect((await t.services.cases.forApplicant(acting, c.id))?.case.number).toBe(c.number);
    expect((await t.services.cases.mine(accountant)).rows.map((x) => x.id)).not.toContain(c.id); // the session resolved before: acting for herself
  });
});

describe('the audit log after all of the above', () => {
  it('verifies, and names the one row whose detail was changed', async () => {
    await t.services.auditLog.seal();
    const verdict = await verifyAudit(t.services.db);
    expect(verdict.ok).toBe(true);
    const [submitted] = await t.services.db.query<{ id: number }>("SELECT id FROM audit_events WHERE action = 'application.submit' ORDER BY id LIMIT 1");
    expect(submitted).toBeDefined();
    const update = `UPDATE audit_events SET detail = jsonb_set(detail, '{sha256}', '"${'0'.repeat(64)}"') WHERE id = $1`;
    await expect(t.services.db.query(update, [submitted?.id])).rejects.toThrow(/append-only/);
    // Only someone who may switch the triggers off (the owner, a superuser) can edit a row; the chain still names it.
    await t.services.db.exec('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await t.services.db.query(update, [submitted?.id]);
    await t.services.db.exec('ALTER TABLE audit_events ENABLE TRIGGER USER');
    expect(await verifyAudit(t.services.db)).toEqual({ ok: false, id: submitted?.id, reason: 'its content does not match its hash' });
  });
});
