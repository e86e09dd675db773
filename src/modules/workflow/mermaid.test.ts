import { describe, expect, it } from 'vitest';

import { defaultWorkflow } from './default-workflow.ts';
import { toMermaid } from './mermaid.ts';
import type { WorkflowDefinition } from './workflow.schemas.ts';

const tiny: WorkflowDefinition = {
  id: 'tiny',
  states: [
    { id: 'new', kind: 'initial', label: { uk: 'Нова', en: 'New' } },
    { id: 'in-review', kind: 'active', label: { uk: 'На розгляді', en: 'The "big" review #1' } },
    { id: 'done', kind: 'final', label: { uk: 'Готово', en: 'Done' } },
  ],
  transitions: [
    { event: 'start', from: ['new'], to: 'in-review', by: ['clerk'] },
    { event: 'finish', from: ['in-review', 'new'], to: 'done', by: ['clerk'] },
  ],
};

describe('toMermaid', () => {
  it('writes states with labels, the initial arrow, one arrow per from-state and the final arrow, in declaration order', () => {
    expect(toMermaid(tiny, 'en')).toBe(
      [
        'stateDiagram-v2',
        '  state "New" as s_new',
        '  state "The #quot;big#quot; review #35;1" as s_in_review',
        '  state "Done" as s_done',
        '  [*] --> s_new',
        '  s_new --> s_in_review: start',
        '  s_in_review --> s_done: finish',
        '  s_new --> s_done: finish',
        '  s_done --> [*]',
        '',
      ].join('\n'),
    );
  });

  it('labels states in the language asked for', () => {
    const uk = toMermaid(tiny, 'uk');
    expect(uk).toContain('state "На розгляді" as s_in_review');
    expect(uk).not.toContain('big');
    expect(uk).not.toContain('"New"');
  });

  it('draws every transition of the default workflow and ends only at closed', () => {
    const lines = toMermaid(defaultWorkflow, 'en').split('\n');
    const arrows = defaultWorkflow.transitions.reduce((n, t) => n + t.from.length, 0);
    expect(lines.filter((l) => / --> s_/.test(l) && !l.includes('[*]'))).toHaveLength(arrows);
    expect(lines.filter((l) => l.includes('--> [*]'))).toEqual(['  s_closed --> [*]']);
    expect(toMermaid(defaultWorkflow, 'en')).toBe(toMermaid(structuredClone(defaultWorkflow), 'en'));
  });
});
