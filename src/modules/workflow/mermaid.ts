import type { Lang } from '../../kernel/text.ts';
import type { WorkflowDefinition } from './workflow.schemas.ts';

/**
 * A Mermaid `stateDiagram-v2` of a workflow, generated from the data so that it cannot drift.
 * Deterministic: states in declaration order, then the initial arrow, then one arrow per
 * (transition, from-state) in declaration order, then the final arrows. Arrows are labelled with the
 * event name (an identifier, the same in both languages); states with their label in `lang`.
 */
export function toMermaid(def: WorkflowDefinition, lang: Lang): string {
  const lines = ['stateDiagram-v2'];
  for (const state of def.states) {
    lines.push(`  state "${escapeLabel(state.label[lang])}" as ${nodeId(state.id)}`);
  }
  for (const state of def.states.filter((s) => s.kind === 'initial')) {
    lines.push(`  [*] --> ${nodeId(state.id)}`);
  }
  for (const t of def.transitions) {
    for (const from of t.from) {
      lines.push(`  ${nodeId(from)} --> ${nodeId(t.to)}: ${t.event}`);
    }
  }
  for (const state of def.states.filter((s) => s.kind === 'final')) {
    lines.push(`  ${nodeId(state.id)} --> [*]`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * State ids are `[a-z][a-z0-9-]*`; Mermaid ids are safest as `[A-Za-z0-9_]` and must not be keywords
 * (`state`, `note`, `end`…), so `in-review` becomes `s_in_review` (one-to-one, since ids have no `_`).
 */
function nodeId(stateId: string): string {
  return `s_${stateId.replaceAll('-', '_')}`;
}

/** Mermaid reads `#name;` as an entity; a double quote would end the label. */
function escapeLabel(label: string): string {
  return label.replaceAll('#', '#35;').replaceAll('"', '#quot;').replace(/\s+/g, ' ');
}
