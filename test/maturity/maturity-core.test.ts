/** The maturity core: each level and stage follows from the capabilities, and each capability from the service and the portal. */
import { describe, expect, it } from 'vitest';

import type { ServiceRecord } from '../../src/modules/catalogue/index.ts';
import type { ApplicationForm } from '../../src/modules/forms/index.ts';
import { createMaturityService, type SystemFacts } from '../../src/modules/maturity/index.ts';
import { aService } from '../support/factories.ts';

const ALL: SystemFacts = { onlineApplications: true, onlinePayments: true, sealedDecisions: true, printableForms: true, silentConsentJob: true, registerPrefill: true, registryEventsJob: true };
const text = (s: string) => ({ uk: s, en: s });
const FORM: ApplicationForm = {
  schema: { type: 'object', properties: { fullName: { type: 'string' } } },
  pages: [{ id: 'you', title: text('You'), fields: [{ name: 'fullName', kind: 'text', label: text('Name'), prefill: 'person.fullName' }] }],
  draftRetentionDays: 30,
  maxAttachmentMb: 10,
};
const ONLINE: ServiceRecord = aService({ form: FORM, resultDelivery: ['online', 'in-person'] });

/** The report of these services on a portal with these facts (the service over a catalogue held in memory). */
async function measure(services: readonly ServiceRecord[], system: SystemFacts = ALL) {
  const maturity = createMaturityService({
    catalogue: { revision: async () => 1, allServices: async () => ({ revision: 1, value: services }) },
    probe: { system: async () => system, features: async () => [] },
  });
  return maturity.report();
}
const one = async (service: ServiceRecord, system: SystemFacts = ALL) => {
  const measured = (await measure([service], system)).services[0];
  if (measured === undefined) {
    throw new Error('not measured');
  }
  return { level: measured.level, stage: measured.stage, met: measured.checks.filter((c) => c.met).map((c) => c.capability) };
};

describe('the EU level and the UN stage', () => {
  it('a service with an online form, a fee paid online and the decision online is a transaction (4), connected by register data', async () => {
    expect(await one(ONLINE)).toEqual({ level: 4, stage: 'connected', met: ['information', 'paper-form', 'printable-form', 'online-form', 'online-payment', 'online-decision', 'register-data'] });
  });

  it('without register data the same service is transactional, not connected', async () => {
    const asked = { ...FORM, pages: [{ id: 'you', title: text('You'), fields: [{ name: 'fullName', kind: 'text' as const, label: text('Name') }] }] };
    expect(await one({ ...ONLINE, form: asked })).toMatchObject({ level: 4, stage: 'transactional' });
  });

  it('silent consent on top of a transaction is automatic (5), while the job that grants it runs', async () => {
    expect(await one({ ...ONLINE, silentConsent: true })).toMatchObject({ level: 5, stage: 'connected' });
    expect(await one({ ...ONLINE, silentConsent: true }, { ...ALL, silentConsentJob: false })).toMatchObject({ level: 4 });
    // Proactive (ADR 0032): an automatic grant on a registry event is level 5 with no online form at all; an offer needs the transaction too.
    expect(await one({ ...ONLINE, channels: [{ type: 'in-person' }], proactive: { trigger: 'birth-registered', mode: 'automatic' } })).toMatchObject({ level: 5, stage: 'connected' });
    expect(await one({ ...ONLINE, proactive: { trigger: 'turned-18', mode: 'offer' } })).toMatchObject({ level: 5 });
    expect(await one({ ...ONLINE, proactive: { trigger: 'turned-18', mode: 'offer' } }, { ...ALL, registryEventsJob: false })).toMatchObject({ level: 4 });
  });

  it('losing online payment (no provider) or the online decision leaves two-way interaction (3)', async () => {
    expect(await one(ONLINE, { ...ALL, onlinePayments: false })).toMatchObject({ level: 3 });
    expect(await one({ ...ONLINE, costs: [] }, { ...ALL, onlinePayments: false })).toMatchObject({ level: 4 });
    expect(await one({ ...ONLINE, resultDelivery: ['in-person'] })).toMatchObject({ level: 3 });
    expect(await one(ONLINE, { ...ALL, sealedDecisions: false })).toMatchObject({ level: 3 });
  });

  it('a fee for the in-person channel only is no fee online', async () => {
    const desk = { ...ONLINE, costs: [{ id: 'desk', amount: 100, currency: 'UAH' as const, channel: 'in-person' as const, description: text('Desk') }] };
    expect(await one(desk, { ...ALL, onlinePayments: false })).toMatchObject({ level: 4 });
  });

  it('without the online form: a form to print where paper is allowed (2, enhanced), else information (1, emerging)', async () => {
    expect(await one({ ...ONLINE, channels: [{ type: 'post' }, { type: 'in-person' }] })).toMatchObject({ level: 2, stage: 'enhanced' });
    expect(await one(ONLINE, { ...ALL, onlineApplications: false })).toMatchObject({ level: 2, stage: 'enhanced' });
    expect(await one(ONLINE, { ...ALL, onlineApplications: false, printableForms: false })).toMatchObject({ level: 1, stage: 'emerging' });
    const { form: _gone, ...noForm } = ONLINE;
    expect(await one(noForm)).toMatchObject({ level: 1, stage: 'emerging', met: ['information', 'paper-form'] });
  });

  it('an online-only service has no paper form to print', async () => {
    const online = await one({ ...ONLINE, channels: [{ type: 'online' }] });
    expect([online.level, online.met.includes('paper-form'), online.met.includes('printable-form')]).toEqual([4, false, false]);
  });
});

describe('the EU 20 figure', () => {
  it('counts a basic service fully online when a service mapped to it reaches level 4; an unmapped one is not online', async () => {
    const report = await measure([
      { ...ONLINE, id: 'a', identifier: '01/01', euBasicService: 'C01' },
      { ...ONLINE, id: 'b', identifier: '01/02', euBasicService: 'C02', resultDelivery: ['post'] },
      { ...ONLINE, id: 'c', identifier: '01/03', euBasicService: 'B01', silentConsent: true },
    ]);
    expect(report.eu.total).toBe(20);
    expect(report.eu.rows.filter((r) => r.audience === 'citizens')).toHaveLength(12);
    expect(report.eu.rows.filter((r) => r.fullyOnline).map((r) => [r.code, r.level])).toEqual([['C01', 4], ['B01', 5]]);
    expect(report.eu.rows.find((r) => r.code === 'C02')).toMatchObject({ serviceIds: ['b'], level: 3, fullyOnline: false });
    expect(report.eu.rows.find((r) => r.code === 'C03')).toMatchObject({ serviceIds: [], level: 0, fullyOnline: false });
    expect([report.eu.fullyOnline, report.eu.percent]).toEqual([2, 10]);
    expect(report.levels).toEqual({ 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 });
  });
});

describe('the report is measured again when the catalogue changes', () => {
  it('a new revision recomputes; the portal is looked at once', async () => {
    let revision = 1;
    let services: ServiceRecord[] = [ONLINE];
    let looked = 0;
    const maturity = createMaturityService({
      catalogue: { revision: async () => revision, allServices: async () => ({ revision, value: services }) },
      probe: { system: async () => { looked += 1; return ALL; }, features: async () => [] },
    });
    expect((await maturity.ofService(ONLINE.id))?.level).toBe(4);
    services = [{ ...ONLINE, resultDelivery: ['post'] }];
    expect((await maturity.ofService(ONLINE.id))?.level).toBe(4);
    revision = 2;
    expect((await maturity.ofService(ONLINE.id))?.level).toBe(3);
    expect(await maturity.ofService('no-such-service')).toBeNull();
    expect(looked).toBe(1);
  });
});
