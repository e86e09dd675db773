import { describe, expect, it } from 'vitest';

import type { CaseEventRecord, CaseRecord } from '../../../src/modules/cases/index.ts';
import { caseActor, eventByline } from '../../../src/web/common/case-actor.ts';
import { translator } from '../../../src/web/locales/messages.ts';

const self = { applicantPersonId: 'p-olena', applicantName: 'Olena Koval', party: { kind: 'self', id: null, name: 'Olena Koval' } } as Pick<CaseRecord, 'applicantPersonId' | 'applicantName' | 'party'>;
const business = { ...self, party: { kind: 'business', id: '12345678', name: 'Sonyachna LLC' } } as typeof self;
const event = (o: Partial<CaseEventRecord>): CaseEventRecord => ({
  id: 1, event: 'submit', from: 'new', to: 'submitted', actorPersonId: 'p-olena', actorName: 'Olena Koval', actorRole: 'system', actorStaffRoles: [],
  channel: 'web', reason: null, refusalGroundId: null, at: new Date(0), ...o,
});
const en = translator('en');
const uk = translator('uk');

describe('who acted on a case event, in words', () => {
  it('the applicant for themself; the same person for a business is acting for it', () => {
    expect(caseActor(event({}), self)).toEqual({ kind: 'applicant', name: 'Olena Koval' });
    expect(eventByline(en, event({}), self, { names: false })).toBe('Olena Koval, the applicant · through the portal');
    expect(eventByline(en, event({ actorRole: 'applicant', channel: 'sms' }), business, { names: false })).toBe('Olena Koval, acting for Sonyachna LLC · by SMS');
    expect(eventByline(uk, event({ actorRole: 'applicant', channel: 'sms' }), business, { names: false })).toBe('Olena Koval від імені: Sonyachna LLC · через SMS');
  });

  it('officers by their workflow role: named in the back office only', () => {
    const grant = event({ event: 'grant', actorPersonId: 'p-oksana', actorName: 'Oksana Lysenko', actorRole: 'decision-maker', actorStaffRoles: ['decision-maker'] });
    expect(eventByline(en, grant, self, { names: true })).toBe('Oksana Lysenko (decision maker) · through the portal');
    expect(eventByline(en, grant, self, { names: false })).toBe('decision maker · through the portal');
    expect(eventByline(uk, grant, self, { names: false })).toBe('посадова особа, що ухвалює рішення · через портал');
  });

  it('staff filing for the applicant on another channel, from their staff role', () => {
    const byPhone = event({ actorPersonId: 'p-op', actorName: 'Ivan Operator', actorStaffRoles: ['contact-centre'], channel: 'phone' });
    expect(eventByline(en, byPhone, self, { names: true })).toBe('Ivan Operator (contact-centre operator), acting for Olena Koval · by phone');
    expect(eventByline(en, byPhone, business, { names: false })).toBe('contact-centre operator, acting for Sonyachna LLC · by phone');
    const byPost = event({ actorPersonId: 'p-desk', actorName: 'Hanna Desk', actorStaffRoles: ['front-desk'], channel: 'post' });
    expect(eventByline(uk, byPost, self, { names: false })).toBe('працівник приймальні від імені: Olena Koval · поштою');
    expect(caseActor(event({ actorPersonId: 'p-x', actorName: 'X', actorStaffRoles: ['agency-admin'], channel: 'in-person' }), self)).toMatchObject({ kind: 'assisting', role: 'staff' });
  });

  it('the front desk handing a result over or making it ready acts on its own account, not for the applicant', () => {
    const handed = event({ event: 'handed-over', actorPersonId: 'p-desk', actorName: 'Hanna Desk', actorRole: 'front-desk', actorStaffRoles: ['front-desk'], channel: 'in-person' });
    expect(caseActor(handed, self)).toEqual({ kind: 'centre', name: 'Hanna Desk' });
    expect(eventByline(en, handed, self, { names: true })).toBe('Hanna Desk (front-desk clerk) · in person');
    expect(eventByline(uk, { ...handed, event: 'ready-for-collection' }, self, { names: false })).toBe('працівник приймальні · особисто');
  });

  it('another person for the party (a co-director, a representative); the portal itself', () => {
    expect(eventByline(en, event({ actorPersonId: 'p-rep', actorName: 'Taras Melnyk', actorRole: 'applicant' }), business, { names: false })).toBe('Taras Melnyk, acting for Sonyachna LLC · through the portal');
    expect(eventByline(en, event({ actorPersonId: null, actorName: null, channel: 'system' }), self, { names: true })).toBe('Portico · automatically');
  });
});
