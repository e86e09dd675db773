import { describe, expect, it } from 'vitest';

import { aCatalogue, aCentre, aService, anOrganisation } from '../../../test/support/factories.ts';
import { checkReferences, emptyIndex } from './catalogue-references.ts';

describe('checkReferences', () => {
  it('accepts a consistent catalogue', () => {
    expect(checkReferences(emptyIndex(), aCatalogue())).toEqual([]);
  });

  it('names the record and field of a reference to a missing record', () => {
    const records = aCatalogue({ services: [aService({ eventIds: ['birth-of-child', 'no-such-event'] })] });
    expect(checkReferences(emptyIndex(), records)).toEqual([
      { kind: 'service', recordId: 'foreign-passport', pointer: '/eventIds/1', message: 'refers to event "no-such-event", which does not exist' },
    ]);
  });

  it('accepts references to records already in the catalogue', () => {
    const existing = { ...emptyIndex(), organisationIds: new Set(['migration-service']), centreIds: new Set(['dniprohrad-cnap']), eventIds: new Set(['birth-of-child']) };
    expect(checkReferences(existing, { organisations: [], centres: [], events: [], services: [aService()] })).toEqual([]);
  });

  it('refuses a register code already held by another service, but not by the same one', () => {
    const existing = { ...emptyIndex(), organisationIds: new Set(['migration-service']), centreIds: new Set(['dniprohrad-cnap']), serviceIdentifiers: new Map([['01/01', 'other-service']]) };
    const mine = { ...existing, serviceIdentifiers: new Map([['01/01', 'foreign-passport']]) };
    const records = { organisations: [], centres: [], events: [], services: [aService({ eventIds: [] })] };
    expect(checkReferences(existing, records).map((i) => i.pointer)).toEqual(['/identifier']);
    expect(checkReferences(mine, records)).toEqual([]);
  });

  it('finds duplicate ids, self-parents, dangling centre owners and unknown evidence', () => {
    const records = aCatalogue({
      organisations: [anOrganisation(), anOrganisation({ id: 'self', registryCode: '10000002', parentId: 'self' })],
      centres: [aCentre(), aCentre({ organisationId: 'ghost' })],
      services: [aService({ requirements: [{ id: 'r', name: { uk: 'в', en: 'r' }, evidenceIds: ['nope'] }] })],
    });
    expect(checkReferences(emptyIndex(), records).map((i) => `${i.kind}:${i.recordId}${i.pointer}`)).toEqual([
      'organisation:self/parentId',
      'centre:dniprohrad-cnap/organisationId',
      'service:foreign-passport/requirements/0/evidenceIds/0',
      'centre:dniprohrad-cnap/id',
    ]);
  });
});
