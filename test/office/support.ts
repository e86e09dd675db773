import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

/** The back office's test world: the demo catalogue, a citizen and the demo officers signed in. */
export interface OfficeWorld {
  readonly t: TestApp;
  readonly citizen: string;
  readonly clerk: string;
  readonly decider: string;
  readonly supervisor: string;
  readonly signedInOf: (cookie: string) => Promise<SignedIn>;
  readonly submitResidenceRegistration: (key: string) => Promise<CaseRecord>;
  readonly post: (cookie: string, url: string, fields: ReadonlyArray<readonly [string, string]>) => Promise<LightMyRequestResponse>;
  readonly get: (cookie: string, url: string) => Promise<LightMyRequestResponse>;
  readonly act: (cookie: string, c: CaseRecord, fields: Record<string, string>) => Promise<LightMyRequestResponse>;
}

export async function officeWorld(): Promise<OfficeWorld> {
  const t = await appWithEid();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  const citizen = await signIn(t.app, 'olena-koval');
  const tokenOf = (cookie: string): string => cookie.slice(cookie.indexOf('=') + 1);

  async function signedInOf(cookie: string) {
    const signedIn = await t.services.sessions.resolve(tokenOf(cookie), 'uk');
    if (signedIn === null) {
      throw new Error('the session cookie resolves to no session');
    }
    return signedIn;
  }

  /**
   * Olena applies online for residence registration: a free service of the migration service, so the
   * case goes straight to the registration queue, with no payment in between.
   */
  async function submitResidenceRegistration(key: string): Promise<CaseRecord> {
    const signedIn = await signedInOf(citizen);
    const started = await t.services.drafts.start(signedIn, 'residence-registration');
    if (!started.ok) {
      throw new Error(`draft refused: ${started.error.code}`);
    }
    const draftId = started.value.id;
    const pages: Array<[string, Record<string, string>]> = [
      ['about-you', { givenName: signedIn.person.givenName, familyName: signedIn.person.familyName, birthDate: signedIn.person.birthDate ?? '', nationalId: signedIn.person.nationalId ?? '', registrationFor: 'self' }],
      ['contact', { email: 'olena@example.com' }],
      ['new-address', { settlement: 'Зореград', street: 'вул. Садова', building: '12', apartment: '3', postcode: '01001', moveDate: '2026-01-10' }],
      ['right-to-live', { housingBasis: 'owner' }],
    ];
    for (const [pageId, body] of pages) {
      const saved = await t.services.drafts.savePage(signedIn, draftId, pageId, body);
      expect(saved.ok && saved.value.issues).toEqual([]);
    }
    const uploaded = await t.services.drafts.upload(signedIn, draftId, { field: 'identityDocument', filename: 'паспорт (скан).pdf', bytes: Buffer.from('%PDF-1.4 test') });
    expect(uploaded.ok).toBe(true);
    const submitted = await t.services.drafts.submit(signedIn, draftId, { idempotencyKey: key, declared: true, channel: 'web', lang: 'uk' });
    if (!submitted.ok) {
      throw new Error(`submission refused: ${submitted.error.code}`);
    }
    expect(submitted.value.state).toBe('submitted');
    return submitted.value;
  }

  /** Posts a form the way a browser does (URL-encoded, a repeated name per checked box), with the CSRF token. */
  async function post(cookie: string, url: string, fields: ReadonlyArray<readonly [string, string]>) {
    const body = new URLSearchParams([['_csrf', await csrfOf(t.app, cookie, '/en/staff')], ...fields.map(([k, v]) => [k, v])]);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  }
  const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
  const act = (cookie: string, c: CaseRecord, fields: Record<string, string>) => post(cookie, `/en/office/cases/${c.id}/act`, Object.entries(fields));

  return {
    t, citizen, clerk: await signIn(t.app, 'mykola-tkachenko', 'staff'), decider: await signIn(t.app, 'oksana-lysenko', 'staff'),
    supervisor: await signIn(t.app, 'petro-boiko', 'staff'), signedInOf, submitResidenceRegistration, post, get, act,
  };
}
