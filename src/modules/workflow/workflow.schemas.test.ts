import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

import { defaultWorkflow } from './default-workflow.ts';
import { WorkflowDefinition } from './workflow.schemas.ts';

const validate = new Ajv({ allErrors: true, strict: false }).compile(WorkflowDefinition);
const errorsOf = (value: unknown) => {
  validate(value);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}${e.params['additionalProperty'] ? ` ${String(e.params['additionalProperty'])}` : ''}`);
};
/** A copy to break freely, typed loosely enough to hold what the schema must reject. */
type Loose = Record<string, unknown> & { states: Record<string, unknown>[]; transitions: Record<string, unknown>[] };
const copy = (): Loose => JSON.parse(JSON.stringify(defaultWorkflow)) as Loose;

describe('the WorkflowDefinition schema', () => {
  it('accepts the default workflow', () => {
    expect(errorsOf(defaultWorkflow)).toEqual([]);
  });

  it('rejects unknown fields at every level', () => {
    const def = copy();
    def['owner'] = 'someone';
    def.states[0]!['colour'] = 'red';
    (def.states[0]!['label'] as Record<string, unknown>)['de'] = 'Neu';
    def.transitions[0]!['guard'] = 'feeDue';
    expect(errorsOf(def)).toEqual([
      ' additionalProperties owner',
      '/states/0 additionalProperties colour',
      '/states/0/label additionalProperties de',
      '/transitions/0 additionalProperties guard',
    ]);
  });

  it('rejects a missing label language, an unknown kind, role, requirement or outcome, and a bad id', () => {
    const def = copy();
    def.states[1] = { id: 'submitted', kind: 'pending', label: { uk: 'Подано' } };
    def.transitions[0] = { event: 'Submit!', from: ['new'], to: 'submitted', by: ['robot'], requires: ['luck'], outcome: 'maybe' };
    expect(errorsOf(def)).toEqual([
      '/states/1/kind enum',
      '/states/1/label required',
      '/transitions/0/event pattern',
      '/transitions/0/by/0 enum',
      '/transitions/0/requires/0 enum',
      '/transitions/0/outcome enum',
    ]);
  });

  it('rejects a transition from no state or by nobody', () => {
    const def = copy();
    def.transitions[0] = { event: 'submit', from: [], to: 'submitted', by: [] };
    expect(errorsOf(def)).toEqual(['/transitions/0/from minItems', '/transitions/0/by minItems']);
  });
});
