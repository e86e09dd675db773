import type { WorkflowDefinition, WorkflowState } from './workflow.schemas.ts';

/**
 * What the schema cannot say about a workflow. The importer runs this after schema validation and
 * refuses a catalogue file with any problem, naming the field by a JSON Pointer into the workflow.
 */

export const WORKFLOW_PROBLEMS = [
  'duplicate-state',
  'unknown-state',
  'no-initial-state',
  'several-initial-states',
  'unreachable-state',
  'final-state-with-exits',
  'dead-end-state',
  'decided-without-outcome',
  'outcome-outside-decided',
  'duplicate-event',
] as const;
export type WorkflowProblemKind = (typeof WORKFLOW_PROBLEMS)[number];

/** One problem, shaped like a `FieldIssue` (pointer, message) plus its kind. */
export interface WorkflowProblem {
  readonly kind: WorkflowProblemKind;
  readonly pointer: string;
  readonly message: string;
}

const problem = (kind: WorkflowProblemKind, pointer: string, message: string): WorkflowProblem => ({ kind, pointer, message });

/** Every problem of `def`, in a stable order; an empty list means the workflow can be used. */
export function checkWorkflow(def: WorkflowDefinition): WorkflowProblem[] {
  const states = new Map<string, WorkflowState>();
  const problems: WorkflowProblem[] = [];
  def.states.forEach((state, i) => {
    if (states.has(state.id)) {
      problems.push(problem('duplicate-state', `/states/${i}/id`, `state "${state.id}" is declared twice`));
    } else {
      states.set(state.id, state);
    }
  });
  return [
    ...problems,
    ...initialStateProblems(def),
    ...unknownStateProblems(def, states),
    ...reachabilityProblems(def, states),
    ...kindProblems(def, states),
    ...duplicateEventProblems(def),
  ];
}

function initialStateProblems(def: WorkflowDefinition): WorkflowProblem[] {
  const initial = def.states.flatMap((state, i) => (state.kind === 'initial' ? [{ state, i }] : []));
  if (initial.length === 0) {
    return [problem('no-initial-state', '/states', 'no state is of kind "initial": a case would have nowhere to start')];
  }
  return initial
    .slice(1)
    .map(({ state, i }) =>
      problem('several-initial-states', `/states/${i}/kind`, `state "${state.id}" is a second initial state (the first is "${initial[0]?.state.id}")`),
    );
}

function unknownStateProblems(def: WorkflowDefinition, states: ReadonlyMap<string, WorkflowState>): WorkflowProblem[] {
  return def.transitions.flatMap((t, i) => [
    ...t.from.flatMap((from, j) =>
      states.has(from) ? [] : [problem('unknown-state', `/transitions/${i}/from/${j}`, `event "${t.event}" leaves state "${from}", which is not declared`)],
    ),
    ...(states.has(t.to) ? [] : [problem('unknown-state', `/transitions/${i}/to`, `event "${t.event}" leads to state "${t.to}", which is not declared`)]),
  ]);
}

function reachabilityProblems(def: WorkflowDefinition, states: ReadonlyMap<string, WorkflowState>): WorkflowProblem[] {
  const reached = new Set([...states.values()].filter((s) => s.kind === 'initial').map((s) => s.id));
  if (reached.size === 0) {
    return []; // already reported as no-initial-state
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of def.transitions) {
      if (!reached.has(t.to) && t.from.some((from) => reached.has(from))) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  return def.states.flatMap((state, i) =>
    reached.has(state.id) || states.get(state.id) !== state
      ? []
      : [problem('unreachable-state', `/states/${i}/id`, `state "${state.id}" cannot be reached from the initial state`)],
  );
}

function kindProblems(def: WorkflowDefinition, states: ReadonlyMap<string, WorkflowState>): WorkflowProblem[] {
  const kindOf = (id: string) => states.get(id)?.kind;
  const problems: WorkflowProblem[] = [];
  def.transitions.forEach((t, i) => {
    t.from.forEach((from, j) => {
      if (kindOf(from) === 'final') {
        problems.push(problem('final-state-with-exits', `/transitions/${i}/from/${j}`, `state "${from}" is final, but event "${t.event}" leaves it`));
      }
    });
    const target = kindOf(t.to);
    if (target === 'decided' && t.outcome === undefined) {
      const undecided = t.from.filter((from) => kindOf(from) !== undefined && kindOf(from) !== 'decided');
      if (undecided.length > 0) {
        problems.push(
          problem('decided-without-outcome', `/transitions/${i}`, `event "${t.event}" decides the case (from "${undecided.join('", "')}" to "${t.to}") without an outcome`),
        );
      }
    }
    if (t.outcome !== undefined && target !== undefined && target !== 'decided') {
      problems.push(problem('outcome-outside-decided', `/transitions/${i}/outcome`, `event "${t.event}" has outcome "${t.outcome}" but leads to "${t.to}", which is not a decided state`));
    }
  });
  const left = new Set(def.transitions.flatMap((t) => t.from));
  def.states.forEach((state, i) => {
    if (state.kind !== 'final' && !left.has(state.id) && states.get(state.id) === state) {
      problems.push(problem('dead-end-state', `/states/${i}/id`, `state "${state.id}" is not final, but no event leaves it`));
    }
  });
  return problems;
}

function duplicateEventProblems(def: WorkflowDefinition): WorkflowProblem[] {
  const seen = new Map<string, number>();
  const problems: WorkflowProblem[] = [];
  def.transitions.forEach((t, i) => {
    t.from.forEach((from, j) => {
      const key = `${from} ${t.event}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
      } else {
        problems.push(problem('duplicate-event', `/transitions/${i}/from/${j}`, `event "${t.event}" from state "${from}" is already declared by transition ${first}`));
      }
    });
  });
  return problems;
}
