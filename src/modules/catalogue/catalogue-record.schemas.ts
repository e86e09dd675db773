import { type Static, Type } from '@sinclair/typebox';

import { ApplicationFormSchema, RegistryServiceName } from '../forms/index.ts';
import { WorkflowDefinitionSchema } from '../workflow/index.ts';
import { REGISTRY_EVENT_KINDS } from '../../kernel/registry-events.ts';

/**
 * The catalogue file format: what an agency maintains as JSON and what the importer validates.
 * Modelled after CPSV-AP 3.2.0 plus the fields of the Ukrainian information card that CPSV-AP lacks
 * (statutory deadline in calendar or working days, refusal grounds, result delivery, silent consent).
 */

const Slug = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  minLength: 2,
  maxLength: 80,
  description: 'Stable identifier: lowercase letters, digits and hyphens',
});

export const Text = Type.Object(
  {
    uk: Type.String({ minLength: 1, maxLength: 4000 }),
    en: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false, description: 'Text in Ukrainian and English' },
);

const Keywords = Type.Object(
  {
    uk: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 40 }),
    en: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 40 }),
  },
  { additionalProperties: false },
);

/** A string from a closed list, as a JSON Schema `enum` (clearer messages than a union of constants). */
export const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour' });

export const OpeningHours = Type.Array(
  Type.Object(
    {
      days: Type.Array(literals(DAYS), { minItems: 1, uniqueItems: true }),
      opens: Time,
      closes: Time,
    },
    { additionalProperties: false },
  ),
  { description: 'Weekly opening hours' },
);

export const Address = Type.Object(
  {
    street: Text,
    city: Text,
    postCode: Type.String({ pattern: '^[0-9]{5}$' }),
    region: Type.Optional(Text),
  },
  { additionalProperties: false },
);

const Phone = Type.String({ pattern: '^\\+?[0-9 ()-]{3,20}$' });
const Email = Type.String({ format: 'email', maxLength: 200 });
const Url = Type.String({ format: 'uri', maxLength: 500 });

export const AUDIENCES = ['individual', 'business'] as const;
export const CHANNEL_TYPES = ['online', 'phone', 'post', 'in-person', 'sms'] as const;
export const DELIVERY_METHODS = ['online', 'email', 'post', 'in-person'] as const;
export const OUTPUT_TYPES = [
  'permit',
  'certificate',
  'declaration',
  'physical-object',
  'recognition',
  'financial-benefit',
  'financial-obligation',
  'code',
] as const;
export const EVIDENCE_TYPES = [
  'identity-document',
  'photograph',
  'application-form',
  'civil-status-certificate',
  'proof-of-address',
  'proof-of-income',
  'proof-of-payment',
  'medical-certificate',
  'company-document',
  'technical-document',
  'vehicle-document',
  'education-document',
  'other',
] as const;
export const THEMATIC_AREAS = [
  'identity-and-citizenship',
  'family',
  'residence-and-housing',
  'work-and-employment',
  'social-security',
  'health',
  'education',
  'transport',
  'taxes',
  'business',
  'construction-and-land',
  'environment',
  'public-order',
  'culture',
] as const;
export const EU_BASIC_SERVICES = [
  'C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12',
  'B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08',
] as const;


export const Term = Type.Object(
  {
    days: Type.Integer({ minimum: 0, maximum: 3650 }),
    unit: literals(['calendar', 'working'] as const),
  },
  { additionalProperties: false, description: 'A term in calendar or working days' },
);

export const Organisation = Type.Object(
  {
    id: Slug,
    registryCode: Type.String({ pattern: '^[0-9]{8}$', description: 'Code in the state register of legal entities' }),
    name: Text,
    shortName: Type.Optional(Text),
    description: Text,
    parentId: Type.Optional(Slug),
    kind: literals(['ministry', 'agency', 'service', 'inspectorate', 'fund', 'local-authority'] as const),
    spatial: Text,
    address: Address,
    phone: Type.Optional(Phone),
    email: Type.Optional(Email),
    website: Type.Optional(Url),
    openingHours: Type.Optional(OpeningHours),
  },
  { additionalProperties: false },
);

/** A service bookable online at a centre: how long one visit takes and how many people are seen at once. */
const CentreAppointments = Type.Object(
  {
    serviceId: Slug,
    minutes: Type.Integer({ minimum: 5, maximum: 240, description: 'The length of one appointment, in minutes' }),
    capacity: Type.Integer({ minimum: 1, maximum: 50, description: 'People seen at the same time (desks for the service)' }),
  },
  { additionalProperties: false },
);

export const Centre = Type.Object(
  {
    id: Slug,
    organisationId: Slug,
    name: Text,
    address: Address,
    phone: Type.Optional(Phone),
    email: Type.Optional(Email),
    openingHours: OpeningHours,
    accessibility: Type.Optional(Text),
    notes: Type.Optional(Text),
    appointments: Type.Optional(Type.Array(CentreAppointments, { maxItems: 200, description: 'Services bookable online here: slots are cut from the opening hours' })),
  },
  { additionalProperties: false, description: 'An in-person service centre (CNAP, agency office)' },
);

/**
 * A life-event bundle (ADR 0031): one application whose answers open one case at each member service, each at its
 * own agency with its own term, workflow and decision, tracked together. The form is the union of what the members
 * need, catalogue data like a service's form.
 */
export const Bundle = Type.Object(
  {
    services: Type.Array(Slug, { minItems: 2, maxItems: 12, uniqueItems: true }),
    audience: Type.Array(literals(AUDIENCES), { minItems: 1, uniqueItems: true }),
    form: { ...ApplicationFormSchema, description: 'The one application form of the bundle' },
    /** The person the event is about when not the applicant (the child): the questions holding their national id and name. */
    subject: Type.Optional(Type.Object(
      { nationalId: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]*$', maxLength: 60 }), name: Type.Array(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]*$', maxLength: 60 }), { minItems: 1, maxItems: 3 }) },
      { additionalProperties: false },
    )),
  },
  { additionalProperties: false },
);

export const Event = Type.Object(
  {
    id: Slug,
    kind: literals(['life', 'business'] as const),
    name: Text,
    description: Text,
    bundle: Type.Optional(Bundle),
  },
  { additionalProperties: false },
);

export const Channel = Type.Object(
  {
    type: literals(CHANNEL_TYPES),
    description: Type.Optional(Text),
    processingTime: Type.Optional(Term),
    url: Type.Optional(Url),
    phone: Type.Optional(Phone),
    smsNumber: Type.Optional(Type.String({ pattern: '^[0-9]{3,6}$' })),
    postalAddress: Type.Optional(Address),
    centreIds: Type.Optional(Type.Array(Slug, { uniqueItems: true })),
    openingHours: Type.Optional(OpeningHours),
  },
  { additionalProperties: false },
);

export const Cost = Type.Object(
  {
    id: Slug,
    amount: Type.Number({ minimum: 0, maximum: 10_000_000, multipleOf: 0.01 }),
    currency: Type.Literal('UAH'),
    channel: Type.Optional(literals(CHANNEL_TYPES)),
    description: Text,
    definedById: Type.Optional(Slug),
  },
  { additionalProperties: false },
);

export const Requirement = Type.Object(
  { id: Slug, name: Text, description: Type.Optional(Text), evidenceIds: Type.Optional(Type.Array(Slug)) },
  { additionalProperties: false },
);

export const Evidence = Type.Object(
  {
    id: Slug,
    name: Text,
    description: Type.Optional(Text),
    type: literals(EVIDENCE_TYPES),
    optional: Type.Optional(Type.Boolean()),
    /**
     * Evidence a base registry holds: the portal fetches it for the officer after submission from this registry
     * service over the exchange (ADR 0027); the applicant is never asked to upload it.
     */
    registry: Type.Optional(Type.Object({ service: RegistryServiceName }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const Output = Type.Object(
  { id: Slug, name: Text, description: Type.Optional(Text), type: literals(OUTPUT_TYPES) },
  { additionalProperties: false },
);

export const LegalResource = Type.Object(
  { id: Slug, title: Text, citation: Type.String({ minLength: 1, maxLength: 200 }), url: Type.Optional(Url) },
  { additionalProperties: false },
);

export const RefusalGround = Type.Object({ id: Slug, text: Text }, { additionalProperties: false });

/**
 * A service that may run without an application (ADR 0032): a registry event (`trigger`) makes the portal offer
 * it with a prefilled application (`offer`) or open the case itself (`automatic`), telling the person, who may
 * object within `objectionDays` (14 when absent) before it is granted.
 */
export const Proactive = Type.Object(
  {
    trigger: Type.Union(REGISTRY_EVENT_KINDS.map((k) => Type.Literal(k))),
    mode: Type.Union([Type.Literal('offer'), Type.Literal('automatic')]),
    objectionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'Days the person has to object to an automatic grant (14 when absent)' })),
    subject: Type.Optional(Type.Object(
      { name: Type.String({ minLength: 1 }), birthDate: Type.String({ minLength: 1 }) },
      { additionalProperties: false, description: 'The form fields naming the person an automatic grant is about (a child), by name and date of birth, for an application made for oneself (ADR 0035)' },
    )),
  },
  { additionalProperties: false },
);

export const Service = Type.Object(
  {
    id: Slug,
    identifier: Type.String({
      pattern: '^[0-9]{2}/[0-9]{2,4}$',
      description: 'Code in the register of administrative services, e.g. 01/04',
    }),
    name: Text,
    description: Text,
    keywords: Keywords,
    audience: Type.Array(literals(AUDIENCES), { minItems: 1, uniqueItems: true }),
    organisationId: Slug,
    thematicArea: literals(THEMATIC_AREAS),
    euBasicService: Type.Optional(literals(EU_BASIC_SERVICES)),
    eventIds: Type.Array(Slug, { uniqueItems: true }),
    requirements: Type.Array(Requirement),
    evidence: Type.Array(Evidence),
    costs: Type.Array(Cost, { description: 'No costs means the service is free' }),
    feeExemptions: Type.Optional(Text),
    outputs: Type.Array(Output, { minItems: 1 }),
    legalResources: Type.Array(LegalResource, { minItems: 1 }),
    refusalGrounds: Type.Array(RefusalGround),
    deadline: Term,
    answerTerm: Type.Optional({ ...Term, description: 'How long the applicant is given to answer an information request; 10 working days when absent' }),
    appealTerm: Type.Optional({ ...Term, description: 'How long an appeal against a refusal of this service is considered by the supervising body; 30 calendar days when absent' }),
    silentConsent: Type.Boolean(),
    resultDelivery: Type.Array(literals(DELIVERY_METHODS), { minItems: 1, uniqueItems: true }),
    channels: Type.Array(Channel, { minItems: 1 }),
    popularity: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Higher shows earlier on the home page' })),
    form: Type.Optional({ ...ApplicationFormSchema, description: 'The online application form: JSON Schema of the answers, pages and wording' }),
    workflow: Type.Optional({ ...WorkflowDefinitionSchema, description: 'The case workflow; the default workflow when absent' }),
    proactive: Type.Optional(Proactive),
  },
  { additionalProperties: false },
);

export const CatalogueFile = Type.Object(
  {
    organisations: Type.Optional(Type.Array(Organisation)),
    centres: Type.Optional(Type.Array(Centre)),
    events: Type.Optional(Type.Array(Event)),
    services: Type.Optional(Type.Array(Service)),
  },
  { additionalProperties: false, $id: 'https://portico.example/schemas/catalogue-file.json' },
);

export type Text = Static<typeof Text>;
export type Address = Static<typeof Address>;
export type OpeningHours = Static<typeof OpeningHours>;
export type Term = Static<typeof Term>;
export type OrganisationRecord = Static<typeof Organisation>;
export type CentreRecord = Static<typeof Centre>;
export type EventRecord = Static<typeof Event>;
export type BundleRecord = Static<typeof Bundle>;
export type ServiceRecord = Static<typeof Service>;
export type ChannelRecord = Static<typeof Channel>;
export type CostRecord = Static<typeof Cost>;
export type CatalogueFile = Static<typeof CatalogueFile>;
export type Audience = (typeof AUDIENCES)[number];
export type ChannelType = (typeof CHANNEL_TYPES)[number];
