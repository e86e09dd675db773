/** The workflow module's public surface: case workflows as data, their checks, the transition function, diagrams. */
export {
  OUTCOMES,
  type Outcome,
  REQUIREMENTS,
  type Requirement,
  STATE_KINDS,
  type StateKind,
  WORKFLOW_ROLES,
  type WorkflowRole,
  WorkflowDefinition as WorkflowDefinitionSchema,
  type WorkflowDefinition,
  type WorkflowState,
  type WorkflowTransition,
} from './workflow.schemas.ts';
export { defaultWorkflow } from './default-workflow.ts';
export { checkWorkflow, WORKFLOW_PROBLEMS, type WorkflowProblem, type WorkflowProblemKind } from './workflow-check.ts';
export {
  availableEvents,
  type CaseEvent,
  type CaseFacts,
  type CaseStanding,
  transition,
  type TransitionCommand,
  type TransitionDone,
} from './transition.ts';
export * from './workflow.errors.ts';
export { toMermaid } from './mermaid.ts';
