/** `npm run workflow:diagram` draws a service's own workflow from its catalogue record, or the default one. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { defaultWorkflow, toMermaid } from '../../src/modules/workflow/index.ts';
import { demoRecords } from '../support/demo.ts';

const run = promisify(execFile);
const diagram = (...args: string[]) => run('node', ['--import', 'tsx', 'src/cli/workflow-diagram.ts', ...args]);

describe('workflow:diagram', () => {
  it('draws the workflow a service declares in the catalogue', async () => {
    const library = (await demoRecords()).services.find((s) => s.id === 'library-card');
    expect(library?.workflow).toBeDefined();
    const { stdout } = await diagram('library-card', '--lang', 'en');
    expect(stdout.trim()).toBe(toMermaid(library!.workflow!, 'en').trim());
    expect(stdout).toContain('s_submitted --> s_granted: grant');
    expect(stdout).not.toContain('awaiting');
  });

  it('draws the default workflow for a service without its own', async () => {
    const { stdout } = await diagram('international-passport');
    expect(stdout.trim()).toBe(toMermaid(defaultWorkflow, 'uk').trim());
  });

  it('names an unknown service and fails', async () => {
    const failed = await diagram('no-such-service').then(() => null, (e: unknown) => e as { code: number; stderr: string });
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('no service "no-such-service"');
  });
});
