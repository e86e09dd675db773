/** `npm run workflow:diagram` draws a service's own workflow from its catalogue record, or the default one. */
import { describe, expect, it } from 'vitest';

import { workflowDiagram } from '../../src/cli/workflow-diagram.ts';
import { defaultWorkflow, toMermaid } from '../../src/modules/workflow/index.ts';
import { runCommand, spawnCommand } from '../support/cli.ts';
import { demoRecords } from '../support/demo.ts';

const diagram = (...args: string[]) => runCommand(workflowDiagram, args);

describe('workflow:diagram', () => {
  it('draws the workflow a service declares in the catalogue', async () => {
    const library = (await demoRecords()).services.find((s) => s.id === 'library-card');
    expect(library?.workflow).toBeDefined();
    const { code, stdout } = await diagram('library-card', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(toMermaid(library!.workflow!, 'en').trim());
    expect(stdout).toContain('s_submitted --> s_granted: grant');
    expect(stdout).not.toContain('awaiting');
  });

  it('draws the default workflow for a service without its own', async () => {
    const { code, stdout } = await diagram('international-passport');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(toMermaid(defaultWorkflow, 'uk').trim());
  });

  it('names an unknown service and fails, run as npm runs it (node --import tsx src/cli/workflow-diagram.ts)', async () => {
    const failed = await spawnCommand('workflow-diagram', ['no-such-service']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('no service "no-such-service"');
  }, 180_000);
});
