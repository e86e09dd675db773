import { type Static, Type } from '@sinclair/typebox';

/**
 * A case workflow as data: the states a case of one service can be in and the transitions between
 * them. A service's catalogue record can carry one (the importer validates it with this schema, then
 * with `checkWorkflow` for what a schema cannot say); services without one use `defaultWorkflow`.
 */

/** A string from a closed list, as a JSON Schema `enum` (clearer messages than a union of constants). */
const literals = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

const Id = Type.String({
  pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  minLength: 2,
  maxLength: 60,
  description: 'Stable identifier: lowercase letters, digits and hyphens, starting with a letter',
});

const Label = Type.Object(
  {
    uk: Type.String({ minLength: 1, maxLength: 120 }),
    en: Type.String({ minLength: 1, maxLength: 120 }),
  },
  { additionalProperties: false, description: 'The state as an applicant or officer reads it, in Ukrainian and English' },
);

/**
 * - `initial`: where a case is created (exactly one); it rests there only inside the transaction
 *   that writes its first event.
 * - `active`: the agency has something to do.
 * - `waiting-applicant`: the applicant has something to do (answer, pay).
 * - `decided`: the outcome is settled (granted, refused, withdrawn); what is left is paperwork.
 * - `final`: nothing more can happen.
 */
export const STATE_KINDS = ['initial', 'active', 'waiting-applicant', 'decided', 'final'] as const;
export type StateKind = (typeof STATE_KINDS)[number];

export const WORKFLOW_ROLES = ['applicant', 'clerk', 'decision-maker', 'supervisor', 'system'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

/**
 * What a transition needs besides the right state and role:
 * - `reason`: a non-blank free-text reason in the command;
 * - `refusal-ground`: a refusal ground id that the service's catalogue record lists;
 * - `fee-paid`: no fee is outstanding (paid, or nothing to pay);
 * - `documents-complete`: every required document is in the case file.
 */
export const REQUIREMENTS = ['reason', 'refusal-ground', 'fee-paid', 'documents-complete'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export const OUTCOMES = ['granted', 'refused', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const WorkflowState = Type.Object(
  {
    id: Id,
    kind: literals(STATE_KINDS),
    label: Label,
  },
  { additionalProperties: false },
);

export const WorkflowTransition = Type.Object(
  {
    event: Id,
    from: Type.Array(Id, { minItems: 1, uniqueItems: true, description: 'The states this event may happen in' }),
    to: Id,
    by: Type.Array(literals(WORKFLOW_ROLES), { minItems: 1, uniqueItems: true, description: 'Who may cause it' }),
    requires: Type.Optional(Type.Array(literals(REQUIREMENTS), { uniqueItems: true })),
    pausesClock: Type.Optional(Type.Boolean({ description: 'Stops the statutory deadline clock' })),
    resumesClock: Type.Optional(Type.Boolean({ description: 'Starts the statutory deadline clock again' })),
    outcome: Type.Optional(literals(OUTCOMES)),
  },
  { additionalProperties: false },
);

export const WorkflowDefinition = Type.Object(
  {
    id: Id,
    states: Type.Array(WorkflowState, { minItems: 1 }),
    transitions: Type.Array(WorkflowTransition, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type WorkflowState = Static<typeof WorkflowState>;
export type WorkflowTransition = Static<typeof WorkflowTransition>;
export type WorkflowDefinition = Static<typeof WorkflowDefinition>;
