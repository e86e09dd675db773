import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithEid, csrfOf, signIn, throughEid } from '../support/identity.ts';

let t: TestApp;
let agencyAdmin: string;
let nationalAdmin: string;

beforeAll(async () => {
  t = await appWithEid();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  agencyAdmin = await signIn(t.app, 'halyna-kravets', 'staff');
  nationalAdmin = await signIn(t.app, 'viktor-savchenko', 'staff');
});
afterAll(async () => t.close());

const post = async (cookie: string, url: string, payload: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { _csrf: await csrfOf(t.app, cookie, '/en/admin/staff'), ...payload } });

describe('staff administration', () => {
  it('an agency administrator sees and manages the roles of their own agency only', async () => {
    const page = await t.app.inject({ url: '/en/admin/staff', headers: { cookie: agencyAdmin } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('9000000066'); // the migration service's clerk
    expect(page.body).not.toContain('9000000145'); // the national administrator is not theirs to see

    const granted = await post(agencyAdmin, '/en/admin/staff', { nationalId: '9000000011', role: 'clerk', agencyId: 'state-migration-service', centreId: '' });
    expect(granted.statusCode).toBe(303);
    expect(granted.headers.location).toBe('/en/admin/staff?done=granted');
    const after = await t.app.inject({ url: String(granted.headers.location), headers: { cookie: agencyAdmin } });
    expect(after.body).toContain('govuk-notification-banner--success');
    expect(after.body).toContain('The role was granted.');
    // Agencies by name and roles by their names, in a table that scrolls in its own region.
    expect(after.body).toMatch(/<td class="govuk-table__cell">Clerk<\/td><td class="govuk-table__cell">State Migration Service<\/td>/);
    expect(after.body).toMatch(/<div class="app-table-scroll" role="region" aria-label="Officers’ roles" tabindex="0"><table/);
    expect((await t.app.inject({ url: '/en/admin/staff', headers: { cookie: agencyAdmin } })).body).not.toContain('notification-banner');
    // The new clerk can now sign in to the staff realm.
    const clerk = await signIn(t.app, 'olena-koval', 'staff');
    expect((await t.app.inject({ url: '/en/staff', headers: { cookie: clerk } })).statusCode).toBe(200);

    // Revoking ends it at once: the next request of the same session no longer carries the role.
    const list = await t.app.inject({ url: '/en/admin/staff', headers: { cookie: agencyAdmin } });
    const id = new RegExp(`9000000011[\\s\\S]*?/admin/staff/([0-9a-f-]{36})/revoke`).exec(list.body)?.[1];
    expect(id).toBeDefined();
    const revoked = await post(agencyAdmin, `/en/admin/staff/${id}/revoke`, {});
    expect(revoked.statusCode).toBe(303);
    expect((await t.app.inject({ url: String(revoked.headers.location), headers: { cookie: agencyAdmin } })).body).toContain('The role was revoked.');
    expect((await t.app.inject({ url: '/en/staff', headers: { cookie: clerk } })).statusCode).toBe(403);
    const refused = await t.app.inject(await throughEid(t.app, 'olena-koval', 'staff'));
    expect(refused.statusCode).toBe(400);
  });

  it('refuses an agency administrator another agency’s roles and the portal-wide ones', async () => {
    const other = await post(agencyAdmin, '/en/admin/staff', { nationalId: '9000000022', role: 'clerk', agencyId: 'state-tax-service', centreId: '' });
    expect(other.statusCode).toBe(403);
    expect(other.body).toContain('You cannot grant or revoke that role for that agency.');
    const national = await post(agencyAdmin, '/en/admin/staff', { nationalId: '9000000022', role: 'catalogue-editor', agencyId: '', centreId: '' });
    expect(national.statusCode).toBe(403);
  });

  it('lets the national administrator grant portal-wide roles, and names bad input', async () => {
    expect((await post(nationalAdmin, '/en/admin/staff', { nationalId: '9000000022', role: 'catalogue-editor', agencyId: '', centreId: '' })).statusCode).toBe(303);
    const bad = await post(nationalAdmin, '/uk/admin/staff', { nationalId: '12', role: 'emperor', agencyId: '', centreId: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Вкажіть РНОКПП: 10 цифр.');
    const noAgency = await post(nationalAdmin, '/en/admin/staff', { nationalId: '9000000022', role: 'clerk', agencyId: '', centreId: '' });
    expect(noAgency.body).toContain('Choose the agency for this role.');
  });

  it('is closed to officers who are not administrators', async () => {
    const clerk = await signIn(t.app, 'mykola-tkachenko', 'staff');
    expect((await t.app.inject({ url: '/en/admin/staff', headers: { cookie: clerk } })).statusCode).toBe(403);
  });

  it('audits every grant and revocation', async () => {
    const rows = await t.services.db.query<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE '%STAFF_ROLE' ORDER BY id");
    expect(rows.map((r) => r.action)).toEqual(['GRANT_STAFF_ROLE', 'REVOKE_STAFF_ROLE', 'GRANT_STAFF_ROLE']);
  });
});

describe('nobody changes their own roles; agencies are the catalogue’s', () => {
  const rolesOf = async (nationalId: string) =>
    (await t.services.db.query<{ role: string; agency_id: string | null }>('SELECT role, agency_id FROM staff_roles WHERE national_id = $1 AND revoked_at IS NULL ORDER BY role', [nationalId]))
      .map((r) => `${r.role}@${r.agency_id ?? '-'}`);

  it('an agency administrator cannot grant herself the supervisor role, nor revoke her own role', async () => {
    const before = await rolesOf('9000000099');
    const widened = await post(agencyAdmin, '/en/admin/staff', { nationalId: '9000000099', role: 'supervisor', agencyId: 'state-migration-service', centreId: '' });
    expect(widened.statusCode).toBe(403);
    expect(widened.body).toContain('You cannot grant, widen or revoke your own roles. Ask another administrator.');
    const uk = await post(agencyAdmin, '/uk/admin/staff', { nationalId: '9000000099', role: 'clerk', agencyId: 'state-migration-service', centreId: '' });
    expect(uk.body).toContain('Ви не можете надавати, розширювати чи відкликати власні ролі.');
    expect(await rolesOf('9000000099')).toEqual(before);

    // Her own row carries no revoke button, and posting the revocation anyway is refused.
    const page = await t.app.inject({ url: '/en/admin/staff', headers: { cookie: agencyAdmin } });
    expect(page.body).toContain('Your role: another administrator changes it');
    const own = (await t.services.db.query<{ id: string }>("SELECT id FROM staff_roles WHERE national_id = '9000000099' AND role = 'agency-admin' AND revoked_at IS NULL"))[0]?.id;
    expect(page.body).not.toContain(`/admin/staff/${own}/revoke`);
    const revoked = await post(agencyAdmin, `/en/admin/staff/${own}/revoke`, {});
    expect(revoked.statusCode).toBe(403);
    expect(await rolesOf('9000000099')).toEqual(before);
  });

  it('the national administrator cannot widen his own roles either', async () => {
    const before = await rolesOf('9000000145');
    const self = await post(nationalAdmin, '/en/admin/staff', { nationalId: '9000000145', role: 'agency-admin', agencyId: 'state-tax-service', centreId: '' });
    expect(self.statusCode).toBe(403);
    expect(await rolesOf('9000000145')).toEqual(before);
  });

  it('refuses an agency or centre that the catalogue does not have, and writes nothing', async () => {
    const before = await rolesOf('9000000022');
    const agency = await post(nationalAdmin, '/en/admin/staff', { nationalId: '9000000022', role: 'clerk', agencyId: 'ministry-of-nowhere', centreId: '' });
    expect(agency.statusCode).toBe(400);
    expect(agency.body).toContain('There is no such agency in the catalogue. Choose an agency from the list.');
    const centre = await post(nationalAdmin, '/uk/admin/staff', { nationalId: '9000000022', role: 'front-desk', agencyId: '', centreId: 'no-such-centre' });
    expect(centre.statusCode).toBe(400);
    expect(centre.body).toContain('Такого центру немає в каталозі.');
    expect(await rolesOf('9000000022')).toEqual(before);
  });

  it('another administrator still grants the same role legitimately', async () => {
    const granted = await post(nationalAdmin, '/en/admin/staff', { nationalId: '9000000099', role: 'supervisor', agencyId: 'state-migration-service', centreId: '' });
    expect(granted.statusCode).toBe(303);
    expect(await rolesOf('9000000099')).toContain('supervisor@state-migration-service');
    const centre = await post(nationalAdmin, '/en/admin/staff', { nationalId: '9000000022', role: 'front-desk', agencyId: '', centreId: 'zorehrad-cnap-central' });
    expect(centre.statusCode).toBe(303);
  });
});
