/**
 * The base registries' contracts (ADR 0027): for each service a registry offers over the exchange, the
 * one declaration both sides use — its identifier in the development exchange, what the request carries
 * (a national id or a business's registry code, in the body) and the answer's JSON Schema (TypeBox).
 * The portal checks every answer against it before using it (`checkAnswer`); the registries' stand-ins
 * (src/dev/registries) type their data with it. Neither side writes the shape a second time.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';

import { REGISTRY_EVENT_KINDS, type RegistryEventKind } from '../../kernel/registry-events.ts';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const NationalId = Type.String({ pattern: '^[0-9]{10}$' });
const RegistryCode = Type.String({ pattern: '^[0-9]{8}$' });
const Money = Type.Number({ minimum: 0, maximum: 1e12 });
const Text = Type.Object({ uk: Name, en: Name }, { additionalProperties: false });

const Relative = Type.Object({ nationalId: NationalId, givenName: Name, familyName: Name, birthDate: Day }, { additionalProperties: false });

/** A registered address: its parts, the day registered, and the whole as the register writes it. */
export const RegisteredAddress = Type.Object({
  region: Name, locality: Name, street: Name, building: Type.String({ minLength: 1, maxLength: 20 }), apartment: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()]),
  postcode: Type.String({ pattern: '^[0-9]{5}$' }), registeredOn: Day, full: Type.String({ minLength: 1, maxLength: 400 }),
}, { additionalProperties: false });

/** population/person: a person's record — names, birth date, registered address, parents and children. */
export const PopulationRecord = Type.Object({
  ...Relative.properties, address: Type.Union([RegisteredAddress, Type.Null()]), parents: Type.Array(Relative, { maxItems: 10 }), children: Type.Array(Relative, { maxItems: 30 }),
}, { additionalProperties: false });

/** business/company: a company's entry — name, legal form, status, the directors by national id. */
export const CompanyRecord = Type.Object({
  registryCode: RegistryCode, name: Text, legalForm: Type.String({ pattern: '^[a-z-]{2,40}$' }), status: Type.Union([Type.Literal('active'), Type.Literal('closed')]),
  registeredOn: Day, directors: Type.Array(NationalId, { maxItems: 20 }),
}, { additionalProperties: false });

/** vehicles/vehicles-of-owner: the vehicles registered to a person. */
export const VehiclesRecord = Type.Object({
  nationalId: NationalId,
  vehicles: Type.Array(Type.Object({
    vin: Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$' }), plate: Type.String({ minLength: 4, maxLength: 12 }), make: Name, model: Name,
    year: Type.Integer({ minimum: 1900, maximum: 2100 }), registeredOn: Day,
  }, { additionalProperties: false }), { maxItems: 50 }),
}, { additionalProperties: false });

/** property/properties-of-owner: the real estate a person owns, with its address and the owner's share. */
export const PropertyRecord = Type.Object({
  nationalId: NationalId,
  properties: Type.Array(Type.Object({
    id: Type.String({ pattern: '^[0-9]{6,16}$' }), kind: Type.Union([Type.Literal('apartment'), Type.Literal('house'), Type.Literal('land')]),
    address: Type.String({ minLength: 1, maxLength: 400 }), areaSqm: Type.Number({ exclusiveMinimum: 0, maximum: 1e7 }), share: Type.String({ pattern: '^[0-9]+/[0-9]+$' }), since: Day,
  }, { additionalProperties: false }), { maxItems: 50 }),
}, { additionalProperties: false });

/** tax/income: a taxpayer's number and the income tax agents reported, per year and agent. */
export const IncomeRecord = Type.Object({
  nationalId: NationalId, taxNumber: NationalId,
  incomes: Type.Array(Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }), agentCode: RegistryCode, agentName: Name, amount: Money }, { additionalProperties: false }), { maxItems: 200 }),
}, { additionalProperties: false });

/** social-insurance/insured-record: insured periods (by employer) and the benefits paid. */
export const InsuranceRecord = Type.Object({
  nationalId: NationalId, insuredMonths: Type.Integer({ minimum: 0, maximum: 1200 }),
  periods: Type.Array(Type.Object({ from: Day, to: Type.Union([Day, Type.Null()]), employerCode: RegistryCode, employerName: Name }, { additionalProperties: false }), { maxItems: 100 }),
  benefits: Type.Array(Type.Object({ kind: Type.String({ pattern: '^[a-z-]{2,40}$' }), from: Day, to: Type.Union([Day, Type.Null()]), monthlyAmount: Money }, { additionalProperties: false }), { maxItems: 100 }),
}, { additionalProperties: false });

export type RegisteredAddress = Static<typeof RegisteredAddress>;
export type PopulationRecord = Static<typeof PopulationRecord>;
export type CompanyRecord = Static<typeof CompanyRecord>;
export type VehiclesRecord = Static<typeof VehiclesRecord>;
export type PropertyRecord = Static<typeof PropertyRecord>;
export type IncomeRecord = Static<typeof IncomeRecord>;
export type InsuranceRecord = Static<typeof InsuranceRecord>;

/** What a query names: a person by national id (`{ nationalId }`) or a legal entity by registry code (`{ registryCode }`). */
export type SubjectKind = 'national-id' | 'business';

export interface RegistryContract<S extends TSchema = TSchema> {
  /** The register, as the portal's words name it (`registers.<register>`). */
  readonly register: 'population' | 'business' | 'vehicles' | 'property' | 'tax' | 'social-insurance';
  /** The service in the development exchange: INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE. */
  readonly service: string;
  readonly subject: SubjectKind;
  /** The answer (200). 404 is "no such subject"; anything else is no answer. */
  readonly answer: S;
}

const dev = (member: string, subsystem: string, service: string) => `PORTICO-DEV/GOV/${member}/${subsystem}/${service}`;

/** Every registry service the portal knows, by key (`<register>.<service>`): catalogue data names these keys. */
export const REGISTRY_CONTRACTS = {
  'population.person': { register: 'population', service: dev('00000002', 'population', 'person'), subject: 'national-id', answer: PopulationRecord },
  'business.company': { register: 'business', service: dev('00000003', 'business', 'company'), subject: 'business', answer: CompanyRecord },
  'vehicles.vehicles-of-owner': { register: 'vehicles', service: dev('00000004', 'vehicles', 'vehicles-of-owner'), subject: 'national-id', answer: VehiclesRecord },
  'property.properties-of-owner': { register: 'property', service: dev('00000005', 'property', 'properties-of-owner'), subject: 'national-id', answer: PropertyRecord },
  'tax.income': { register: 'tax', service: dev('00000006', 'tax', 'income'), subject: 'national-id', answer: IncomeRecord },
  'social-insurance.insured-record': { register: 'social-insurance', service: dev('00000007', 'social-insurance', 'insured-record'), subject: 'national-id', answer: InsuranceRecord },
} as const satisfies Record<string, RegistryContract>;

export type RegistryServiceKey = keyof typeof REGISTRY_CONTRACTS;
export type AnswerOf<K extends RegistryServiceKey> = Static<(typeof REGISTRY_CONTRACTS)[K]['answer']>;
export const REGISTRY_SERVICE_KEYS = Object.keys(REGISTRY_CONTRACTS) as RegistryServiceKey[];
export const isRegistryServiceKey = (text: string): text is RegistryServiceKey => Object.hasOwn(REGISTRY_CONTRACTS, text);

/** The request's body for a subject: `{ nationalId }` or `{ registryCode }`. */
export const requestBody = (key: RegistryServiceKey, subject: string): Record<string, string> =>
  REGISTRY_CONTRACTS[key].subject === 'business' ? { registryCode: subject } : { nationalId: subject };

/** The subject a request's body names for this service, or null when the body does not name one in the right form. */
export function subjectOfRequest(key: RegistryServiceKey, body: unknown): string | null {
  const field = REGISTRY_CONTRACTS[key].subject === 'business' ? 'registryCode' : 'nationalId';
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  const pattern = field === 'registryCode' ? /^[0-9]{8}$/ : /^[0-9]{10}$/;
  return typeof value === 'string' && pattern.test(value) ? value : null;
}

/**
 * A registry's feed of events (ADR 0032): the events after a cursor, oldest first, as of the registry's day.
 * The request's body is `{ after, limit }` (`after` null: from the start); the answer's `cursor` is the last
 * event's, to ask after next time (the one asked with when there are none).
 */
export const RegistryEvent = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]{2,40}:[0-9]{8,10}$' }), kind: Type.Union(REGISTRY_EVENT_KINDS.map((k) => Type.Literal(k))), day: Day,
  subject: Type.Union([NationalId, RegistryCode]), cursor: Type.String({ minLength: 1, maxLength: 80 }),
}, { additionalProperties: false });
export const EventsPage = Type.Object({ events: Type.Array(RegistryEvent, { maxItems: 500 }), cursor: Type.Union([Type.String({ minLength: 1, maxLength: 80 }), Type.Null()]) }, { additionalProperties: false });
export type RegistryEvent = Static<typeof RegistryEvent>;
export type EventsPage = Static<typeof EventsPage>;

/** The feeds the portal follows: each register's events, its service in the development exchange, and whom each kind names. */
export const REGISTRY_FEEDS = {
  'population.events': { register: 'population', service: dev('00000002', 'population', 'events'), kinds: ['birth-registered', 'turned-18', 'pension-age-reached'] },
  'business.events': { register: 'business', service: dev('00000003', 'business', 'events'), kinds: ['company-registered'] },
} as const satisfies Record<string, { register: RegistryContract['register']; service: string; kinds: readonly RegistryEventKind[] }>;
export type RegistryFeedKey = keyof typeof REGISTRY_FEEDS;
export const REGISTRY_FEED_KEYS = Object.keys(REGISTRY_FEEDS) as RegistryFeedKey[];

/** The cursor of an event: its day and id, so cursors sort as the feed orders its events. */
export const eventCursor = (day: string, id: string): string => `${day}|${id}`;

/** The `{ after, limit }` of a feed request, or null when the body is not one. */
export function feedRequestOf(body: unknown): { after: string | null; limit: number } | null {
  if (typeof body !== 'object' || body === null) {
    return null;
  }
  const { after, limit } = body as Record<string, unknown>;
  const afterOk = after === null || after === undefined || (typeof after === 'string' && after.length <= 80);
  const limitOk = typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= 500;
  return afterOk && limitOk ? { after: typeof after === 'string' ? after : null, limit } : null;
}
