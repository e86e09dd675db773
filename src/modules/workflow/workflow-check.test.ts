import { describe, expect, it } from 'vitest';

import { defaultWorkflow } from './default-workflow.ts';
import { checkWorkflow, type WorkflowProblemKind } from './workflow-check.ts';
import type { WorkflowDefinition, WorkflowState, WorkflowTransition } from './workflow.schemas.ts';

const state = (id: string, kind: WorkflowState['kind']): WorkflowState => ({ id, kind, label: { uk: id, en: id } });
const go = (event: string, from: string[], to: string, extra: Partial<WorkflowTransition> = {}): WorkflowTransition => ({
  event,
  from,
  to,
  by: ['clerk'],
  ...extra,
});

/** A small valid workflow that each case below breaks in one way. */
const small = (): WorkflowDefinition => ({
  id: 'small',
  states: [state('open', 'initial'), state('review', 'active'), state('done', 'decided'), state('shut', 'final')],
  transitions: [
    go('start', ['open'], 'review'),
    go('decide', ['review'], 'done', { outcome: 'granted' }),
    go('close', ['done'], 'shut'),
  ],
});
const change = (edit: (def: WorkflowDefinition) => void): WorkflowDefinition => {
  const def = small();
  edit(def);
  return def;
};
const summary = (def: WorkflowDefinition) => checkWorkflow(def).map((p) => `${p.kind} ${p.pointer}`);

describe('checkWorkflow', () => {
  it('finds no problem in the default workflow, nor in the small one', () => {
    expect(checkWorkflow(defaultWorkflow)).toEqual([]);
    expect(checkWorkflow(small())).toEqual([]);
  });

  const broken: [WorkflowProblemKind, WorkflowDefinition, string[]][] = [
    ['duplicate-state', change((d) => d.states.push(state('review', 'active'))), ['duplicate-state /states/4/id']],
    ['unknown-state', change((d) => d.transitions.push(go('reopen', ['shutt'], 'reveiw'))), ['unknown-state /transitions/3/from/0', 'unknown-state /transitions/3/to']],
    ['no-initial-state', change((d) => (d.states[0] = state('open', 'active'))), ['no-initial-state /states']],
    ['several-initial-states', change((d) => (d.states[1] = state('review', 'initial'))), ['several-initial-states /states/1/kind']],
    ['unreachable-state', change((d) => d.states.push(state('limbo', 'final'))), ['unreachable-state /states/4/id']],
    [
      'final-state-with-exits',
      change((d) => d.transitions.push(go('reopen', ['shut'], 'review'))),
      ['final-state-with-exits /transitions/3/from/0'],
    ],
    [
      'dead-end-state',
      change((d) => {
        d.states.push(state('parked', 'active'));
        d.transitions.push(go('park', ['review'], 'parked'));
      }),
      ['dead-end-state /states/4/id'],
    ],
    ['decided-without-outcome', change((d) => delete d.transitions[1]!.outcome), ['decided-without-outcome /transitions/1']],
    [
      'outcome-outside-decided',
      change((d) => (d.transitions[0] = go('start', ['open'], 'review', { outcome: 'withdrawn' }))),
      ['outcome-outside-decided /transitions/0/outcome'],
    ],
    ['duplicate-event', change((d) => d.transitions.push(go('start', ['review', 'open'], 'shut'))), ['duplicate-event /transitions/3/from/1']],
  ];

  it.each(broken)('finds %s', (_, def, expected) => {
    expect(summary(def)).toEqual(expected);
  });

  it('allows a decided state entered without an outcome from another decided state', () => {
    const def = change((d) => {
      d.states.splice(3, 0, state('issued', 'decided'));
      d.transitions[2] = go('issue', ['done'], 'issued');
      d.transitions.push(go('close', ['issued'], 'shut'));
    });
    expect(checkWorkflow(def)).toEqual([]);
  });

  it('explains each problem in words that name the states and events', () => {
    const def = change((d) => {
      d.transitions.push(go('reopen', ['shut'], 'review'));
      delete d.transitions[1]!.outcome;
    });
    expect(checkWorkflow(def).map((p) => p.message)).toEqual([
      'event "decide" decides the case (from "review" to "done") without an outcome',
      'state "shut" is final, but event "reopen" leaves it',
    ]);
  });

  it('reports several problems of a badly broken workflow at once', () => {
    const def: WorkflowDefinition = {
      id: 'bad',
      states: [state('a', 'active'), state('b', 'final')],
      transitions: [go('x', ['b'], 'c')],
    };
    expect(summary(def).sort()).toEqual(['dead-end-state /states/0/id', 'final-state-with-exits /transitions/0/from/0', 'no-initial-state /states', 'unknown-state /transitions/0/to']);
  });
});
