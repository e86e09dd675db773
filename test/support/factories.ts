import type {
  CatalogueRecords,
  CentreRecord,
  EventRecord,
  OrganisationRecord,
  ServiceRecord,
} from '../../src/modules/catalogue/index.ts';

const text = (uk: string, en: string) => ({ uk, en });
const address = { street: text('вул. Хрещатик, 1', '1 Khreshchatyk St'), city: text('Дніпроград', 'Dniprohrad'), postCode: '01001' };

export const anOrganisation = (over: Partial<OrganisationRecord> = {}): OrganisationRecord => ({
  id: 'migration-service',
  registryCode: '10000001',
  name: text('Державна міграційна служба', 'State Migration Service'),
  description: text('Документи, що посвідчують особу.', 'Identity documents.'),
  kind: 'service',
  spatial: text('Уся держава', 'Whole state'),
  address,
  ...over,
});

export const aCentre = (over: Partial<CentreRecord> = {}): CentreRecord => ({
  id: 'dniprohrad-cnap',
  organisationId: 'migration-service',
  name: text('ЦНАП Дніпрограда', 'Dniprohrad Service Centre'),
  address,
  openingHours: [{ days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '17:00' }],
  ...over,
});

export const anEvent = (over: Partial<EventRecord> = {}): EventRecord => ({
  id: 'birth-of-child',
  kind: 'life',
  name: text('Народження дитини', 'Birth of a child'),
  description: text('Послуги для батьків.', 'Services for parents.'),
  ...over,
});

export const aService = (over: Partial<ServiceRecord> = {}): ServiceRecord => ({
  id: 'foreign-passport',
  identifier: '01/01',
  name: text('Оформлення закордонного паспорта', 'Issue of a passport for travel abroad'),
  description: text('Паспорт для виїзду за кордон.', 'A passport for travel abroad.'),
  keywords: { uk: ['паспорт'], en: ['passport'] },
  audience: ['individual'],
  organisationId: 'migration-service',
  thematicArea: 'identity-and-citizenship',
  eventIds: [],
  requirements: [{ id: 'citizen', name: text('Громадянин', 'A citizen') }],
  evidence: [{ id: 'id-card', name: text('ID-картка', 'ID card'), type: 'identity-document' }],
  costs: [{ id: 'fee', amount: 782, currency: 'UAH', description: text('Плата', 'Fee') }],
  outputs: [{ id: 'passport', name: text('Паспорт', 'Passport'), type: 'physical-object' }],
  legalResources: [{ id: 'law', title: text('Закон', 'Law'), citation: 'Law No. 1, Art. 1' }],
  refusalGrounds: [{ id: 'false-data', text: text('Недостовірні дані', 'False data') }],
  deadline: { days: 20, unit: 'working' },
  silentConsent: false,
  resultDelivery: ['in-person'],
  channels: [
    { type: 'online', url: 'https://portal.example.gov.ua/passport' },
    { type: 'in-person', centreIds: ['dniprohrad-cnap'] },
  ],
  ...over,
});

export const aCatalogue = (over: Partial<CatalogueRecords> = {}): CatalogueRecords => ({
  organisations: [anOrganisation()],
  centres: [aCentre()],
  events: [anEvent()],
  services: [aService()],
  ...over,
});
