/** The catalogue's `proactive` block (ADR 0032): the schema refuses a bad one, the reference check what the schema cannot. */
import { describe, expect, it } from 'vitest';

import { parseCatalogueFiles } from '../../src/modules/catalogue/index.ts';
import { aService } from '../support/factories.ts';

const parse = (proactive: unknown) => parseCatalogueFiles([{ name: 'services.json', content: { services: [{ ...aService(), proactive }] } }]);

describe('a service\'s proactive block', () => {
  it('takes a trigger among the registry events, a mode and an objection window', () => {
    expect(parse({ trigger: 'birth-registered', mode: 'automatic', objectionDays: 14 }).ok).toBe(true);
    expect(parse({ trigger: 'turned-18', mode: 'offer' }).ok).toBe(true);
  });

  it('refuses an unknown trigger, an unknown mode, a window out of range and an unknown field, naming the field', () => {
    for (const bad of [{ trigger: 'wedding', mode: 'offer' }, { trigger: 'turned-18', mode: 'maybe' }, { trigger: 'turned-18', mode: 'automatic', objectionDays: 0 }, { trigger: 'turned-18', mode: 'offer', why: 'x' }]) {
      const parsed = parse(bad);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? [] : parsed.error.map((i) => i.pointer).join(' ')).toContain('/proactive');
    }
  });
});
