import { readdir, readFile } from 'node:fs/promises';
import { describe, it, expect } from 'vitest';
import type { CatalogueFile, OrganisationRecord } from '../../src/modules/catalogue/catalogue-record.schemas.ts';
import type { ServiceRecord } from '../../src/modules/catalogue/catalogue-record.schemas.ts';
import {
  CPSV_AP_CONTEXT_URL,
  catalogueToJsonLd,
  type CatalogueSnapshot,
} from '../../src/modules/catalogue/catalogue-jsonld.ts';
import { toDataset, validateCpsvAp } from './shacl.ts';

const BASE = 'https://portico.example';
const t = (uk: string, en: string) => ({ uk, en });
const address = { street: t('вул. Хрещатик, 1', '1 Khreshchatyk St'), city: t('Київ', 'Kyiv'), postCode: '01001' };

const ministry: OrganisationRecord = {
  id: 'ministry-of-justice',
  registryCode: '00015622',
  name: t('Міністерство юстиції України', 'Ministry of Justice of Ukraine'),
  description: t('Центральний орган виконавчої влади', 'Central executive authority'),
  kind: 'ministry',
  spatial: t('Україна', 'Ukraine'),
  address,
  phone: '+380 44 364 23 93',
  website: 'https://minjust.gov.ua',
};
const agency: OrganisationRecord = {
  id: 'state-migration-service',
  registryCode: '37508470',
  name: t('Державна міграційна служба', 'State Migration Service'),
  shortName: t('ДМС', 'SMS'),
  description: t('Центральний орган виконавчої влади', 'Central executive authority'),
  parentId: 'ministry-of-justice',
  kind: 'service',
  spatial: t('Україна', 'Ukraine'),
  address: { ...address, region: t('м. Київ', 'Kyiv City') },
  email: 'info@dmsu.gov.ua',
  openingHours: [{ days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '09:00', closes: '18:00' }],
};

const common = {
  keywords: { uk: ['документ'], en: ['document'] },
  requirements: [{ id: 'age', name: t('Вік від 14 років', 'Aged 14 or over'), evidenceIds: ['passport'] }],
  evidence: [
    { id: 'passport', name: t('Паспорт', 'Passport'), type: 'identity-document' as const },
    { id: 'photo', name: t('Фото', 'Photo'), type: 'photograph' as const, optional: true },
  ],
  outputs: [{ id: 'document', name: t('Документ', 'Document'), type: 'certificate' as const }],
  legalResources: [{ id: 'law-5492', title: t('Закон про ЄДДР', 'Law on the register'), citation: 'Закон № 5492-VI' }],
  resultDelivery: ['in-person' as const, 'post' as const],
};

const services: ServiceRecord[] = [
  {
    ...common,
    id: 'id-card',
    identifier: '01/01',
    name: t('Оформлення ID-картки', 'Issuing an ID card'),
    description: t('Оформлення паспорта у формі картки', 'Issuing a passport in card form'),
    audience: ['individual'],
    organisationId: 'state-migration-service',
    thematicArea: 'identity-and-citizenship',
    euBasicService: 'C05',
    eventIds: ['birth'],
    costs: [
      { id: 'fee', amount: 279, currency: 'UAH', description: t('Бланк', 'Card'), definedById: 'ministry-of-justice' },
      { id: 'fee-online', amount: 150.5, currency: 'UAH', channel: 'online', description: t('Онлайн', 'Online') },
    ],
    feeExemptions: t('Безоплатно для дітей-сиріт', 'Free for orphans'),
    refusalGrounds: [{ id: 'incomplete', text: t('Неповний пакет документів', 'Incomplete documents') }],
    deadline: { days: 20, unit: 'working' },
    silentConsent: false,
    channels: [
      { type: 'in-person', centreIds: ['kyiv-cnap'], processingTime: { days: 20, unit: 'working' } },
      { type: 'online', url: 'https://diia.gov.ua/services/id-card', processingTime: { days: 10, unit: 'calendar' } },
      { type: 'post', postalAddress: address, description: t('Поштою', 'By post') },
    ],
  },
  {
    ...common,
    id: 'business-registration',
    identifier: '02/101',
    name: t('Реєстрація ФОП', 'Registering a sole proprietor'),
    description: t('Державна реєстрація ФОП', 'State registration of a sole proprietor'),
    audience: ['individual', 'business'],
    organisationId: 'ministry-of-justice',
    thematicArea: 'business',
    eventIds: ['start-business'],
    costs: [],
    refusalGrounds: [],
    deadline: { days: 1, unit: 'calendar' },
    silentConsent: true,
    channels: [
      { type: 'phone', phone: '1545', openingHours: [{ days: ['mo', 'fr'], opens: '08:00', closes: '20:00' }] },
      { type: 'sms', smsNumber: '5050' },
      { type: 'online', url: 'https://diia.gov.ua/services/fop' },
    ],
  },
];

const fixture: CatalogueSnapshot = {
  organisations: [ministry, agency],
  centres: [
    {
      id: 'kyiv-cnap',
      organisationId: 'ministry-of-justice',
      name: t('ЦНАП Києва', 'Kyiv ASC'),
      address,
      phone: '+380 44 000 00 00',
      openingHours: [{ days: ['mo', 'tu', 'we', 'th', 'fr', 'sa'], opens: '08:00', closes: '20:00' }],
      accessibility: t('Пандус', 'Ramp'),
    },
  ],
  events: [
    { id: 'birth', kind: 'life', name: t('Народження', 'Birth'), description: t('Народження дитини', 'A child is born') },
    { id: 'start-business', kind: 'business', name: t('Свій бізнес', 'Own business'), description: t('Старт', 'Start') },
  ],
  services,
};

type GraphNode = Record<string, unknown> & { '@id': string };
const graphOf = (doc: Record<string, unknown>) => doc['@graph'] as GraphNode[];
const serviceIri = (id: string) => `${BASE}/id/service/${id}`;

/** The export with one property removed from one node. */
function without(iri: string, property: string): Record<string, unknown> {
  const doc = structuredClone(catalogueToJsonLd(fixture, BASE));
  const node = graphOf(doc).find((n) => n['@id'] === iri);
  if (node === undefined || !(property in node)) { throw new Error(`${iri} has no ${property}`); }
  delete node[property];
  return doc;
}

describe('catalogueToJsonLd', () => {
  it('exports a complete catalogue with 0 CPSV-AP SHACL violations', async () => {
    const doc = catalogueToJsonLd(fixture, `${BASE}/`);
    expect((doc['@context'] as unknown[])[0]).toBe(CPSV_AP_CONTEXT_URL);
    const { conforms, violations } = await validateCpsvAp(doc);
    expect(violations).toEqual([]);
    expect(conforms).toBe(true);
  });

  it('maps terms, costs and silent consent', () => {
    const graph = graphOf(catalogueToJsonLd(fixture, BASE));
    const get = (iri: string, property: string) => graph.find((n) => n['@id'] === iri)?.[property];
    const [idCard, fop] = [serviceIri('id-card'), serviceIri('business-registration')];
    expect(get(idCard, 'cv:processingTime')).toBeUndefined();
    expect(get(idCard, 'portico:termDays')).toBe(20);
    expect(get(idCard, 'portico:termUnit')).toEqual({ '@id': `${BASE}/ns#WorkingDays` });
    expect(get(`${idCard}/channel/online`, 'cv:processingTime')).toEqual({ '@value': 'P10D', '@type': 'xsd:duration' });
    expect(get(`${idCard}/cost/fee-online`, 'cv:ifAccessedThrough')).toEqual({ '@id': `${idCard}/channel/online` });
    expect(get(fop, 'cv:processingTime')).toEqual({ '@value': 'P1D', '@type': 'xsd:duration' });
    expect(get(fop, 'portico:silentConsent')).toBe(true);
    expect(get(`${fop}/cost/free`, 'cv:hasValue')).toEqual({ '@value': 0, '@type': 'xsd:double' });
    expect(catalogueToJsonLd(fixture, BASE)).toEqual(catalogueToJsonLd(fixture, BASE));
  });

  it.each([
    ['cv:hasCompetentAuthority', 'http://data.europa.eu/m8g/hasCompetentAuthority'],
    ['dct:identifier', 'http://purl.org/dc/terms/identifier'],
    ['dct:title', 'http://purl.org/dc/terms/title'],
    ['dct:description', 'http://purl.org/dc/terms/description'],
  ])('reports a service without %s', async (property, path) => {
    const { conforms, violations } = await validateCpsvAp(without(serviceIri('id-card'), property));
    expect(conforms).toBe(false);
    expect(violations).toContainEqual(expect.objectContaining({ focusNode: serviceIri('id-card'), path }));
  });

  it('reports an organisation without spatial and a cost with a text amount', async () => {
    const doc = without(`${BASE}/id/organisation/ministry-of-justice`, 'dct:spatial');
    const cost = graphOf(doc).find((n) => n['@id'] === `${serviceIri('id-card')}/cost/fee`)!;
    cost['cv:hasValue'] = '279 UAH';
    const focusNodes = (await validateCpsvAp(doc)).violations.map((v) => v.focusNode);
    expect(focusNodes).toContain(`${BASE}/id/organisation/ministry-of-justice`);
    expect(focusNodes).toContain(`${serviceIri('id-card')}/cost/fee`);
  });
});

describe('demo catalogue (catalogue/demo/*.json)', () => {
  const demoDir = new URL('../../catalogue/demo/', import.meta.url);

  it('has at least 40 services and exports with 0 CPSV-AP SHACL violations', async () => {
    const files = (await readdir(demoDir).catch(() => [])).filter((f) => f.endsWith('.json')).sort();
    expect(files, `no demo catalogue files in ${demoDir.pathname}`).not.toEqual([]);
    const snapshot = { organisations: [], centres: [], events: [], services: [] } as Required<CatalogueFile>;
    for (const file of files) {
      const part = JSON.parse(await readFile(new URL(file, demoDir), 'utf8')) as CatalogueFile;
      for (const key of ['organisations', 'centres', 'events', 'services'] as const) {
        (snapshot[key] as unknown[]).push(...(part[key] ?? []));
      }
    }
    expect(snapshot.services.length).toBeGreaterThanOrEqual(40);
    const doc = catalogueToJsonLd(snapshot, BASE);
    const { violations } = await validateCpsvAp(doc);
    expect(violations).toEqual([]);
    const triples = (await toDataset(doc)).size;
    console.info(`demo catalogue: ${files.length} files, ${graphOf(doc).length} nodes, ${triples} triples, 0 violations`);
  });
});
