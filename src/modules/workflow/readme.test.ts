import { describe, expect, it } from 'vitest';

import readme from './README.md?raw';
import { defaultWorkflow } from './default-workflow.ts';
import { toMermaid } from './mermaid.ts';
import type { WorkflowTransition } from './workflow.schemas.ts';

/** The README is documentation that must not drift from the data: these tests fail when it does. */

const fenced = (language: string): string[] =>
  [...readme.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1] ?? '');

const row = (t: WorkflowTransition): string => {
  const clock = t.pausesClock === true ? 'pauses' : t.resumesClock === true ? 'resumes' : '—';
  const requires = t.requires !== undefined && t.requires.length > 0 ? t.requires.join(', ') : '—';
  return `| \`${t.event}\` | ${t.from.join(', ')} | ${t.to} | ${t.by.join(', ')} | ${requires} | ${clock} | ${t.outcome ?? '—'} |`;
};

describe('the module README', () => {
  it('shows the default workflow exactly as toMermaid draws it', () => {
    expect(fenced('mermaid')).toEqual([toMermaid(defaultWorkflow, 'en')]);
  });

  it('lists every transition of the default workflow in its event table, and nothing else', () => {
    const lines = readme.split('\n');
    const header = lines.indexOf('| event | from | to | by | requires | clock | outcome |');
    expect(header).toBeGreaterThan(0);
    const end = lines.indexOf('', header);
    const table = lines.slice(header + 2, end);
    expect(table).toEqual(defaultWorkflow.transitions.map(row));
  });
});
