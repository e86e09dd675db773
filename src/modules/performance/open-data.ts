/**
 * The open data of the performance figures, pure: the datasets and their columns, the CSV and JSON of a
 * dataset's rows, their schemas (CSVW metadata for the CSV, JSON Schema built with TypeBox for the JSON)
 * and the DCAT-AP 3 catalogue of every dataset (JSON-LD), the service catalogue among them.
 */
import { type TSchema, Type } from '@sinclair/typebox';

import type { LocalText } from '../../kernel/text.ts';

export type ColumnType = 'string' | 'date' | 'integer' | 'number';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  /** Null when the cell is suppressed (fewer than 5 people) or there is nothing to compute it from. */
  readonly nullable: boolean;
  readonly title: LocalText;
}

export interface DatasetSpec {
  readonly id: OpenDatasetId;
  readonly title: LocalText;
  readonly description: LocalText;
  readonly columns: readonly Column[];
  readonly primaryKey: readonly string[];
}

export const OPEN_DATASETS = ['applications', 'decisions', 'satisfaction', 'appeals', 'centre-waiting', 'services'] as const;
/** The files of a generation: every dataset in CSV and JSON. */
export const OPEN_DATA_FILE_COUNT = OPEN_DATASETS.length * 2;
export type OpenDatasetId = (typeof OPEN_DATASETS)[number];
export type Cell = string | number | null;
export type DataRow = Readonly<Record<string, Cell>>;

const col = (name: string, type: ColumnType, nullable: boolean, uk: string, en: string): Column => ({ name, type, nullable, title: { uk, en } });
const MONTH = col('month', 'date', false, 'Місяць (перший день)', 'Month (its first day)');
const AGENCY = col('organisation_id', 'string', false, 'Орган (ідентифікатор каталогу)', 'Agency (catalogue id)');
const SERVICE = col('service_id', 'string', false, 'Послуга (ідентифікатор каталогу)', 'Service (catalogue id)');
const SUPPRESSION = { uk: ' Клітинки, що описують від 1 до 4 осіб, порожні.', en: ' Cells describing 1 to 4 people are left empty.' };
const described = (uk: string, en: string): LocalText => ({ uk: uk + SUPPRESSION.uk, en: en + SUPPRESSION.en });

export const DATASETS: Readonly<Record<OpenDatasetId, DatasetSpec>> = {
  applications: {
    id: 'applications',
    title: { uk: 'Заяви за каналами', en: 'Applications by channel' },
    description: described('Подані заяви за місяцями, послугами, органами й каналами подання, пораховані з подій справ.', 'Applications submitted per month, service, agency and channel, counted from the case events.'),
    columns: [MONTH, AGENCY, SERVICE, col('channel', 'string', false, 'Канал', 'Channel'), col('applications', 'integer', true, 'Заяви', 'Applications')],
    primaryKey: ['month', 'organisation_id', 'service_id', 'channel'],
  },
  decisions: {
    id: 'decisions',
    title: { uk: 'Рішення і строки', en: 'Decisions and processing times' },
    description: described(
      'Рішення за місяцями, послугами й органами: скільки, частка у строк, медіана й 90-й процентиль строку розгляду в календарних днях, надання, відмови, мовчазні згоди, відкликання.',
      'Decisions per month, service and agency: how many, the share on time, the median and 90th-percentile processing time in calendar days, grants, refusals, silent consents, withdrawals.',
    ),
    columns: [MONTH, AGENCY, SERVICE, col('decided', 'integer', true, 'Рішення', 'Decisions'), col('on_time_percent', 'number', true, 'У строк, %', 'On time, %'),
      col('median_days', 'integer', true, 'Медіана, днів', 'Median, days'), col('p90_days', 'integer', true, '90-й процентиль, днів', '90th percentile, days'),
      col('granted', 'integer', true, 'Надано', 'Granted'), col('refused', 'integer', true, 'Відмовлено', 'Refused'),
      col('silent_consents', 'integer', true, 'Мовчазна згода', 'Silent consents'), col('withdrawn', 'integer', true, 'Відкликано', 'Withdrawn')],
    primaryKey: ['month', 'organisation_id', 'service_id'],
  },
  satisfaction: {
    id: 'satisfaction',
    title: { uk: 'Задоволеність', en: 'Satisfaction' },
    description: described('Оцінки після отримання послуги (від 1 до 5) за місяцями, послугами й органами.', 'Ratings given after a service (1 to 5) per month, service and agency.'),
    columns: [MONTH, AGENCY, SERVICE, col('ratings', 'integer', true, 'Оцінки', 'Ratings'), col('average_rating', 'number', true, 'Середня оцінка', 'Average rating')],
    primaryKey: ['month', 'organisation_id', 'service_id'],
  },
  appeals: {
    id: 'appeals',
    title: { uk: 'Звернення громадян', en: 'Citizens\' appeals' },
    description: described('Звернення за місяцями, органами (порожньо: на розподілі) й видами: подані, з відповіддю, частка відповідей у строк, продовжені.', 'Appeals per month, agency (empty: in triage) and kind: filed, answered, the share answered within the term, extended.'),
    columns: [MONTH, col('organisation_id', 'string', false, 'Орган', 'Agency'), col('kind', 'string', false, 'Вид', 'Kind'), col('filed', 'integer', true, 'Подано', 'Filed'),
      col('answered', 'integer', true, 'З відповіддю', 'Answered'), col('answered_on_time_percent', 'number', true, 'Відповідь у строк, %', 'Answered on time, %'), col('extended', 'integer', true, 'Продовжено', 'Extended')],
    primaryKey: ['month', 'organisation_id', 'kind'],
  },
  'centre-waiting': {
    id: 'centre-waiting',
    title: { uk: 'Очікування в центрах', en: 'Waiting at the centres' },
    description: described('Електронна черга центрів за місяцями: талони, середнє й найдовше очікування до виклику у хвилинах.', 'The centres\' walk-in queue per month: tickets, the average and longest wait until called, in minutes.'),
    columns: [MONTH, col('centre_id', 'string', false, 'Центр', 'Centre'), col('tickets', 'integer', true, 'Талони', 'Tickets'),
      col('average_wait_minutes', 'number', true, 'Середнє очікування, хв', 'Average wait, min'), col('longest_wait_minutes', 'number', true, 'Найдовше очікування, хв', 'Longest wait, min')],
    primaryKey: ['month', 'centre_id'],
  },
  services: {
    id: 'services',
    title: { uk: 'Каталог послуг', en: 'Catalogue of services' },
    description: { uk: 'Адміністративні послуги національного каталогу: орган, назва, строк, мовчазна згода, онлайн.', en: 'The administrative services of the national catalogue: agency, name, term, silent consent, online.' },
    columns: [col('service_id', 'string', false, 'Послуга', 'Service'), AGENCY, col('name_uk', 'string', false, 'Назва українською', 'Name in Ukrainian'),
      col('name_en', 'string', false, 'Назва англійською', 'Name in English'), col('term_days', 'integer', false, 'Строк, днів', 'Term, days'),
      col('term_unit', 'string', false, 'Одиниця строку', 'Term unit'), col('silent_consent', 'string', false, 'Мовчазна згода', 'Silent consent'), col('online', 'string', false, 'Онлайн', 'Online')],
    primaryKey: ['service_id'],
  },
};

export const isOpenDataset = (id: string): id is OpenDatasetId => (OPEN_DATASETS as readonly string[]).includes(id);

/** The stable addresses of a dataset's files under the portal's public URL. */
export const openDataUrls = (base: string, id: OpenDatasetId) => ({
  csv: `${base}/open-data/${id}.csv`,
  json: `${base}/open-data/${id}.json`,
  csvw: `${base}/open-data/${id}.csv-metadata.json`,
  jsonSchema: `${base}/open-data/${id}.schema.json`,
  snapshot: (day: string, format: 'csv' | 'json') => `${base}/open-data/${id}/${day}.${format}`,
});

const csvCell = (v: Cell): string => {
  if (v === null) {
    return '';
  }
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** RFC 4180 CSV with a header row of the column names; a suppressed cell is empty. */
export function toCsv(spec: DatasetSpec, rows: readonly DataRow[]): string {
  const names = spec.columns.map((c) => c.name);
  return [names.join(','), ...rows.map((r) => names.map((n) => csvCell(r[n] ?? null)).join(','))].map((l) => `${l}\r\n`).join('');
}

/** The JSON document of a dataset: which, as of which day, and its rows. */
export function toJson(spec: DatasetSpec, day: string, rows: readonly DataRow[]): string {
  return JSON.stringify({ dataset: spec.id, day, rows });
}

const CELL_SCHEMA: Readonly<Record<ColumnType, () => TSchema>> = {
  string: () => Type.String(),
  date: () => Type.String({ format: 'date' }),
  integer: () => Type.Integer({ minimum: 0 }),
  number: () => Type.Number({ minimum: 0 }),
};

/** The JSON Schema (draft 2020-12 compatible, from TypeBox) of a dataset's JSON document. */
export function jsonSchemaOf(spec: DatasetSpec, url: string): TSchema {
  const row = Type.Object(
    Object.fromEntries(spec.columns.map((c) => [c.name, c.nullable ? Type.Union([CELL_SCHEMA[c.type](), Type.Null()], { description: c.title.en }) : { ...CELL_SCHEMA[c.type](), description: c.title.en }])),
    { additionalProperties: false },
  );
  return Type.Object(
    { dataset: Type.Literal(spec.id), day: Type.String({ format: 'date' }), rows: Type.Array(row) },
    { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: url, title: spec.title.en, description: spec.description.en, additionalProperties: false },
  );
}

const CSVW_TYPE: Readonly<Record<ColumnType, string>> = { string: 'string', date: 'date', integer: 'nonNegativeInteger', number: 'decimal' };

/** The CSVW metadata (W3C "Metadata Vocabulary for Tabular Data") of a dataset's CSV. */
export function csvwOf(spec: DatasetSpec, csvUrl: string): Record<string, unknown> {
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    url: csvUrl,
    'dc:title': [{ '@value': spec.title.en, '@language': 'en' }, { '@value': spec.title.uk, '@language': 'uk' }],
    'dc:description': spec.description.en,
    dialect: { header: true, lineTerminators: ['\r\n'] },
    tableSchema: {
      columns: spec.columns.map((c) => ({ name: c.name, titles: { en: c.title.en, uk: c.title.uk }, datatype: CSVW_TYPE[c.type], required: !c.nullable, null: '' })),
      primaryKey: [...spec.primaryKey],
    },
  };
}

const IANA = 'http://www.iana.org/assignments/media-types/';
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

export interface CatalogueInfo {
  readonly baseUrl: string;
  /** The day of the latest figures ('YYYY-MM-DD'). */
  readonly modified: string;
  readonly publisher: LocalText;
}

/**
 * The DCAT-AP 3 catalogue of the open data (JSON-LD with its context inline): every dataset with a CSV
 * and a JSON distribution, each conforming to its schema; the service catalogue also as CPSV-AP JSON-LD.
 */
export function dcatCatalogue(info: CatalogueInfo): Record<string, unknown> {
  const base = info.baseUrl;
  const text = (t: LocalText) => [{ '@value': t.uk, '@language': 'uk' }, { '@value': t.en, '@language': 'en' }];
  const publisher = { '@id': `${base}/#publisher`, '@type': ['foaf:Agent', 'foaf:Organization'], 'foaf:name': text(info.publisher) };
  const licence = { '@id': CC_BY, '@type': 'dct:LicenseDocument' };
  const distribution = (id: string, title: LocalText, access: string, media: string, format: string, conformsTo: string | null) => ({
    '@id': `${access}#distribution`,
    '@type': 'dcat:Distribution',
    'dct:title': text(title),
    'dcat:accessURL': { '@id': access },
    'dcat:downloadURL': { '@id': access },
    'dcat:mediaType': { '@id': `${IANA}${media}`, '@type': 'dct:MediaType' },
    'dct:format': { '@id': `${FILE_TYPE}${format}`, '@type': 'dct:MediaTypeOrExtent' },
    'dct:license': licence,
    ...(conformsTo === null ? {} : { 'dct:conformsTo': { '@id': conformsTo, '@type': 'dct:Standard' } }),
    'dct:identifier': id,
  });
  const datasets = OPEN_DATASETS.map((id) => {
    const spec = DATASETS[id];
    const urls = openDataUrls(base, id);
    const distributions = [
      distribution(`${id}.csv`, { uk: `${spec.title.uk} (CSV)`, en: `${spec.title.en} (CSV)` }, urls.csv, 'text/csv', 'CSV', urls.csvw),
      distribution(`${id}.json`, { uk: `${spec.title.uk} (JSON)`, en: `${spec.title.en} (JSON)` }, urls.json, 'application/json', 'JSON', urls.jsonSchema),
    ];
    if (id === 'services') {
      distributions.push(distribution('catalogue.jsonld', { uk: 'Каталог послуг (CPSV-AP, JSON-LD)', en: 'Catalogue of services (CPSV-AP, JSON-LD)' }, `${base}/api/v1/catalogue.jsonld`, 'application/ld+json', 'JSON_LD', 'http://data.europa.eu/m8g/cpsv-ap'));
    }
    return {
      '@id': `${base}/open-data/${id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': id,
      'dct:title': text(spec.title),
      'dct:description': text(spec.description),
      'dct:publisher': publisher,
      'dct:modified': { '@value': info.modified, '@type': 'xsd:date' },
      'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/DAILY', '@type': 'dct:Frequency' },
      'dcat:keyword': text({ uk: 'адміністративні послуги', en: 'administrative services' }),
      'dcat:distribution': distributions,
    };
  });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/open-data/catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': text({ uk: 'Відкриті дані порталу Portico', en: 'Open data of the Portico portal' }),
    'dct:description': text({ uk: 'Показники надання адміністративних послуг, пораховані з подій справ, і каталог послуг.', en: 'Performance figures of the administrative services, computed from the case events, and the service catalogue.' }),
    'dct:publisher': publisher,
    'dct:license': licence,
    'dct:modified': { '@value': info.modified, '@type': 'xsd:date' },
    'foaf:homepage': { '@id': `${base}/en/performance`, '@type': 'foaf:Document' },
    'dcat:dataset': datasets,
  };
}
