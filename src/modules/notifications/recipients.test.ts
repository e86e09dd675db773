import { describe, expect, it } from 'vitest';

import type { Mandate } from '../identity/index.ts';
import { type NoticeFacts, type NoticePerson, noticeRecipients } from './recipients.ts';

const AT = new Date('2026-12-03T10:00:00Z'); // 12:00 in Kyiv, 3 December
const SERVICE = { id: 'tax-clearance-certificate', thematicArea: 'tax' };
const COMPANY = { kind: 'business', id: '40000001', name: 'ТОВ «Зоряна пекарня»' } as const;

const person = (n: number, o: Partial<NoticePerson> = {}): NoticePerson => ({
  personId: `00000000-0000-4000-8000-00000000000${n}`, nationalId: `900000000${n}`, name: `Person ${n}`, language: 'uk',
  noticeChannels: ['portal'], email: null, phone: null, postalAddress: null, ...o,
});

const mandate = (to: NoticePerson, o: Partial<Mandate> = {}): Mandate => ({
  id: `m-${to.nationalId ?? ''}`, grantor: { kind: 'business', id: COMPANY.id }, representativeNationalId: to.nationalId ?? '', scope: { kind: 'all' },
  validFrom: '2026-12-01', validUntil: '2026-12-31', grantedBy: 'director', grantedAt: AT, revokedAt: null, ...o,
});

const facts = (o: Partial<NoticeFacts>): NoticeFacts => ({
  submitter: person(1), party: { kind: 'self', id: null, name: 'Person 1' }, service: SERVICE, at: AT, represented: null, directors: [], mandates: [], ...o,
});

const summary = (f: NoticeFacts) => noticeRecipients(f).map((r) => ({ who: r.name, role: r.role, party: r.party.kind, lang: r.language, channels: r.deliveries.map((d) => d.channel) }));

describe('who is told about a case, and how', () => {
  it('one\'s own case: the submitter alone, on the portal inbox even without any preference', () => {
    expect(summary(facts({}))).toEqual([{ who: 'Person 1', role: 'submitter', party: 'self', lang: 'uk', channels: ['portal'] }]);
  });

  it('e-mail and SMS only when asked for and confirmed (an unconfirmed address is null here); post only with a postal address', () => {
    const asked = person(1, { noticeChannels: ['portal', 'email', 'sms', 'post'], email: 'a@example.test', phone: null, language: 'en' });
    expect(noticeRecipients(facts({ submitter: asked }))[0]?.deliveries).toEqual([{ channel: 'portal' }, { channel: 'email', address: 'a@example.test' }]);
    const confirmedButNotAsked = person(1, { noticeChannels: ['portal'], email: 'a@example.test', phone: '+380501112233' });
    expect(noticeRecipients(facts({ submitter: confirmedButNotAsked }))[0]?.deliveries).toEqual([{ channel: 'portal' }]);
    const sms = person(1, { noticeChannels: ['sms'], phone: '+380501112233' });
    expect(noticeRecipients(facts({ submitter: sms }))[0]?.deliveries).toEqual([{ channel: 'portal' }, { channel: 'sms', address: '+380501112233' }]);
  });

  it('post: a letter when post is asked for and a postal address is given; not without either', () => {
    const address = 'Оксана Мельник\nвул. Садова, 12, кв. 5\nм. Львів\n79000';
    const post = person(1, { noticeChannels: ['portal', 'post'], postalAddress: ` ${address} ` });
    expect(noticeRecipients(facts({ submitter: post }))[0]?.deliveries).toEqual([{ channel: 'portal' }, { channel: 'post', address }]);
    const noAddress = person(1, { noticeChannels: ['portal', 'post'], postalAddress: null });
    expect(noticeRecipients(facts({ submitter: noAddress }))[0]?.deliveries).toEqual([{ channel: 'portal' }]);
    const blankAddress = person(1, { noticeChannels: ['portal', 'post'], postalAddress: '  \n ' });
    expect(noticeRecipients(facts({ submitter: blankAddress }))[0]?.deliveries).toEqual([{ channel: 'portal' }]);
    const addressButNotAsked = person(1, { noticeChannels: ['portal', 'email'], email: 'a@example.test', postalAddress: address });
    expect(noticeRecipients(facts({ submitter: addressButNotAsked }))[0]?.deliveries).toEqual([{ channel: 'portal' }, { channel: 'email', address: 'a@example.test' }]);
  });

  it('a company: the submitting director, the other directors, and the holders of mandates in force covering the service, each once, in their language', () => {
    const director = person(1);
    const coDirector = person(2, { language: 'en', noticeChannels: ['email'], email: 'co@example.test' });
    const accountant = person(3);
    const thematicOther = person(4);
    const revoked = person(5);
    const expired = person(6);
    const future = person(7);
    const otherGrantor = person(8);
    const f = facts({
      submitter: director, party: COMPANY, directors: [director, coDirector],
      mandates: [
        { mandate: mandate(accountant, { scope: { kind: 'services', serviceIds: [SERVICE.id] } }), holder: accountant },
        { mandate: mandate(accountant, { id: 'second' }), holder: accountant },
        { mandate: mandate(coDirector), holder: coDirector },
        { mandate: mandate(thematicOther, { scope: { kind: 'thematic', thematicArea: 'family' } }), holder: thematicOther },
        { mandate: mandate(revoked, { revokedAt: AT }), holder: revoked },
        { mandate: mandate(expired, { validUntil: '2026-12-02' }), holder: expired },
        { mandate: mandate(future, { validFrom: '2026-12-04' }), holder: future },
        { mandate: mandate(otherGrantor, { grantor: { kind: 'business', id: '40000002' } }), holder: otherGrantor },
        { mandate: mandate(person(9)), holder: null },
      ],
    });
    expect(summary(f)).toEqual([
      { who: 'Person 1', role: 'submitter', party: 'business', lang: 'uk', channels: ['portal'] },
      { who: 'Person 2', role: 'director', party: 'business', lang: 'en', channels: ['portal', 'email'] },
      { who: 'Person 3', role: 'representative', party: 'business', lang: 'uk', channels: ['portal'] },
    ]);
    expect(noticeRecipients(f)[2]?.party).toEqual(COMPANY);
  });

  it('a represented person: the representative who applied, the person themself (their own party), and their other representatives', () => {
    const parent = person(1);
    const adult = person(2, { language: 'en' });
    const other = person(3);
    const party = { kind: 'person', id: adult.nationalId, name: adult.name } as const;
    const f = facts({
      submitter: parent, party, represented: adult,
      mandates: [{ mandate: mandate(other, { grantor: { kind: 'person', id: adult.nationalId ?? '' } }), holder: other }],
    });
    expect(summary(f)).toEqual([
      { who: 'Person 1', role: 'submitter', party: 'person', lang: 'uk', channels: ['portal'] },
      { who: 'Person 2', role: 'represented', party: 'self', lang: 'en', channels: ['portal'] },
      { who: 'Person 3', role: 'representative', party: 'person', lang: 'uk', channels: ['portal'] },
    ]);
  });

  it('a child unknown to the portal: the parent who applied alone; mandates matter only for a represented party', () => {
    const child = { kind: 'person', id: '9100000001', name: 'Child' } as const;
    expect(summary(facts({ party: child })).map((r) => r.role)).toEqual(['submitter']);
    const holder = person(2);
    const own = facts({ mandates: [{ mandate: mandate(holder, { grantor: { kind: 'person', id: '9000000001' } }), holder }] });
    expect(summary(own).map((r) => r.role)).toEqual(['submitter']);
  });
});
