import { describe, expect, it } from 'vitest';

import type { Organisation, Service } from '../../../src/modules/catalogue/index.ts';
import { keyFacts, termText } from '../../../src/web/catalogue/service.view.ts';
import { translator } from '../../../src/web/locales/messages.ts';
import { aService, anOrganisation } from '../../support/factories.ts';

const uk = translator('uk');
const en = translator('en');

describe('termText', () => {
  it.each([
    [1, 'working', '1 робочий день', '1 working day'],
    [2, 'working', '2 робочі дні', '2 working days'],
    [5, 'working', '5 робочих днів', '5 working days'],
    [21, 'calendar', '21 календарний день', '21 calendar days'],
    [11, 'calendar', '11 календарних днів', '11 calendar days'],
  ] as const)('%i %s days', (days, unit, inUk, inEn) => {
    expect(termText(uk, { days, unit })).toBe(inUk);
    expect(termText(en, { days, unit })).toBe(inEn);
  });
});

describe('keyFacts', () => {
  const service = { ...aService({ costs: [], channels: [{ type: 'post' }, { type: 'online', url: 'https://x.example' }, { type: 'post' }] }), version: 1 } as Service;
  const organisation = { ...anOrganisation(), version: 1 } as Organisation;

  it('names everything in the language, channels once each, and counts the required documents', () => {
    expect(keyFacts(uk, service, organisation)).toEqual([
      { key: 'Надає послугу', values: ['Державна міграційна служба'], href: '/uk/agencies/migration-service' },
      { key: 'Для кого', values: ['Громадяни'] },
      { key: 'Вартість', values: ['Безоплатно'] },
      { key: 'Строк надання', values: ['20 робочих днів'] },
      { key: 'Способи звернення', values: ['Поштою', 'Онлайн'] },
      { key: 'Необхідні документи', values: ['1 документ'] },
    ]);
  });

  it('leaves out the provider rather than show its code when the record is missing', () => {
    expect(keyFacts(en, service, null).map((f) => f.key)).not.toContain('Provided by');
    expect(JSON.stringify(keyFacts(en, service, null))).not.toContain('migration-service');
  });
});
