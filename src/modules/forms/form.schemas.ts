import { type Static, Type } from '@sinclair/typebox';

/**
 * The application form of a service, held in its catalogue record (`form`). Three parts:
 * - `schema`: a JSON Schema (draft 2020-12 subset Ajv compiles) of the answers — the one truth about
 *   what a complete application is; conditional requirements use `allOf` of `if`/`then`;
 * - `pages`: the layout, one topic per page, and the wording of every question in both languages;
 * - the evidence a service needs, referenced from file questions by the catalogue's evidence ids.
 * `checkForm` proves the parts agree when the catalogue is imported.
 */

const Text = Type.Object(
  { uk: Type.String({ minLength: 1, maxLength: 2000 }), en: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 80 });

/** The name of an answer: a property of the form's JSON Schema. */
export const FieldName = Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,59}$' });

export const FIELD_KINDS = [
  'text',
  'textarea',
  'email',
  'tel',
  'date',
  'number',
  'select',
  'radio',
  'checkboxes',
  'yes-no',
  'file',
] as const;

/** Where a field's first value may come from: the signed-in person, their confirmed contacts, or the party they act for. */
export const PREFILL_SOURCES = [
  'person.givenName',
  'person.familyName',
  'person.fullName',
  'person.nationalId',
  'person.birthDate',
  'contact.email',
  'contact.phone',
  'contact.postalAddress',
  'party.name',
  'party.code',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** A registry service of the exchange, by its contract's key (`<register>.<service>`, platform/registries). */
export const RegistryServiceName = Type.String({ pattern: '^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$', maxLength: 80 });

/**
 * Once-only: a question answered from a registry service for the applicant (or the party they act for), at the
 * JSON pointer of its answer (RFC 6901, e.g. `/address/full`); shown with its source, never asked.
 */
export const RegistryPrefill = Type.Object(
  { service: RegistryServiceName, pointer: Type.String({ pattern: '^(/[^/]+)+$', maxLength: 200 }) },
  { additionalProperties: false },
);

/** Show a question (or a page) only when an earlier answer equals one of the values. */
export const Condition = Type.Object(
  {
    field: FieldName,
    in: Type.Array(Type.Union([Type.String(), Type.Boolean(), Type.Number()]), { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const FieldOption = Type.Object({ value: Type.String({ minLength: 1, maxLength: 80 }), label: Text }, { additionalProperties: false });

export const Field = Type.Object(
  {
    name: FieldName,
    kind: Type.Union(FIELD_KINDS.map((k) => Type.Literal(k))),
    label: Text,
    hint: Type.Optional(Text),
    /** For select, radio and checkboxes: the choices, in the order shown; values must match the schema's enum. */
    options: Type.Optional(Type.Array(FieldOption, { minItems: 1, maxItems: 60 })),
    prefill: Type.Optional(Type.Union(PREFILL_SOURCES.map((s) => Type.Literal(s)))),
    /** Once-only prefill from a registry service over the exchange (text, textarea, date and number questions). */
    registry: Type.Optional(RegistryPrefill),
    when: Type.Optional(Condition),
    /** For file questions: the catalogue evidence the upload provides. */
    evidenceId: Type.Optional(Slug),
    /** Browser autocomplete token (WCAG 1.3.5), e.g. "given-name", "email", "tel". */
    autocomplete: Type.Optional(Type.String({ pattern: '^[a-z0-9 -]{2,60}$' })),
    /** Own wording for an error, by JSON Schema keyword (e.g. `required`, `pattern`). */
    errors: Type.Optional(Type.Record(Type.String({ pattern: '^[a-zA-Z]+$' }), Text)),
  },
  { additionalProperties: false },
);

export const FormPage = Type.Object(
  {
    id: Slug,
    title: Text,
    intro: Type.Optional(Text),
    when: Type.Optional(Condition),
    fields: Type.Array(Field, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);

export const ApplicationForm = Type.Object(
  {
    /** JSON Schema of the answers (type object); checked to compile with Ajv and to agree with the pages. */
    schema: Type.Unsafe<{ type: 'object' } & Record<string, unknown>>(Type.Object({ type: Type.Literal('object') }, { additionalProperties: true })),
    pages: Type.Array(FormPage, { minItems: 1, maxItems: 20 }),
    /** Unsubmitted drafts are deleted this many days after their last change. */
    draftRetentionDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /** The largest attachment this service accepts, in megabytes. */
    maxAttachmentMb: Type.Integer({ minimum: 1, maximum: 50 }),
    /** A radio or select question whose answer is the id of the catalogue cost that applies (when several do). */
    feeField: Type.Optional(FieldName),
    /** A yes/no question: "yes" claims the service's fee exemption (`feeExemptions`), so nothing is due now. */
    exemptionField: Type.Optional(FieldName),
    /** The text the applicant confirms before submitting; the portal's standard declaration when absent. */
    declaration: Type.Optional(Text),
  },
  { additionalProperties: false },
);

export type Condition = Static<typeof Condition>;
export type FieldOption = Static<typeof FieldOption>;
export type FormField = Static<typeof Field>;
export type RegistryPrefill = Static<typeof RegistryPrefill>;
export type FormPage = Static<typeof FormPage>;
export type ApplicationForm = Static<typeof ApplicationForm>;
/** The answers of one application: schema property → value (string, number, boolean, string[]; a file is its attachment id). */
export type Answers = Record<string, unknown>;
