import { describe, expect, it } from 'vitest';

import type { Service } from '../../../src/modules/catalogue/index.ts';
import type { CaseEventRecord, CaseRecord, InformationRequest } from '../../../src/modules/cases/index.ts';
import { caseStatusView, type CaseFacts } from '../../../src/web/cases/case.view.ts';

const service = { id: 's', workflow: undefined, refusalGrounds: [{ id: 'g1', text: { uk: 'Підстава', en: 'Ground' } }] } as unknown as Service;
const base = { id: 'c', state: 'in-review', outcome: null, feeStatus: 'none', feeAmount: 0, clockPaused: false, dueOn: '2026-12-30' } as unknown as CaseRecord;
const event = (id: number, name: string, to: string, extra: Partial<CaseEventRecord> = {}): CaseEventRecord =>
  ({ id, event: name, from: 'x', to, actorPersonId: null, actorName: null, actorRole: 'clerk', actorStaffRoles: [], channel: 'web', reason: null, refusalGroundId: null, at: new Date(Date.UTC(2026, 11, id)), ...extra });
const request: InformationRequest = { id: 'r', question: 'q', askedAt: new Date('2026-12-01T09:00:00Z'), askedOn: '2026-12-01', answerBy: '2026-12-15', answer: null, answeredAt: null, answeredOn: null };

const facts = (o: Partial<CaseFacts>): CaseFacts => ({ case: base, service, events: [], requests: [], documents: [], payment: { kind: 'open' }, answerDueOn: null, ...o });

describe('the case page view', () => {
  it('an open request: the applicant answers by the day asked, in an action banner', () => {
    const v = caseStatusView(facts({ case: { ...base, state: 'information-requested', clockPaused: true }, requests: [request], answerDueOn: '2026-12-15' }));
    expect(v.turn).toMatchObject({ kind: 'answer', request: { answerDueOn: '2026-12-15' } });
    expect([v.banner, v.tone, v.stateLabel?.en]).toEqual(['answer', 'your-turn', 'Information requested']);
  });

  it('a fee due: pay; a payment being confirmed: no banner and no state label of its own', () => {
    const unpaid = { ...base, state: 'awaiting-payment', feeStatus: 'due', feeAmount: 73200 } as CaseRecord;
    expect(caseStatusView(facts({ case: unpaid }))).toMatchObject({ banner: 'pay', turn: { kind: 'pay', amount: 73200 } });
    const payment = { kind: 'confirming', payment: {} } as CaseFacts['payment'];
    expect(caseStatusView(facts({ case: unpaid, payment }))).toMatchObject({ banner: null, stateLabel: null, turn: { kind: 'confirming-payment' } });
  });

  it('the agency’s turn carries the decision date, none while the clock is stopped', () => {
    expect(caseStatusView(facts({})).turn).toEqual({ kind: 'agency', dueOn: '2026-12-30' });
    expect(caseStatusView(facts({ case: { ...base, clockPaused: true } })).turn).toEqual({ kind: 'agency', dueOn: null });
  });

  it('a decision: the banner only with a valid document; a withdrawal has none', () => {
    const decided = { ...base, state: 'result-issued', outcome: 'granted' } as CaseRecord;
    const doc = { id: 'd', kind: 'decision-granted', number: 'N', issuedAt: new Date(), status: 'valid' as const, sha256: '' };
    expect(caseStatusView(facts({ case: decided, documents: [doc] }))).toMatchObject({ banner: 'decision', tone: 'granted' });
    expect(caseStatusView(facts({ case: decided, documents: [{ ...doc, status: 'revoked' }] })).banner).toBeNull();
    expect(caseStatusView(facts({ case: { ...base, state: 'withdrawn', outcome: 'withdrawn' } })).banner).toBeNull();
  });

  it('the timeline runs newest first, names known events and a service’s own by the state it led to', () => {
    const v = caseStatusView(facts({ events: [event(1, 'submit', 'submitted'), event(2, 'refuse', 'refused', { refusalGroundId: 'g1', reason: 'Because' }), event(3, 'archive-it', 'closed')] }));
    expect(v.timeline.map((e) => e.title)).toEqual([{ state: { uk: 'Закрито', en: 'Closed' } }, { event: 'refuse' }, { event: 'submit' }]);
    expect(v.timeline[1]).toMatchObject({ reason: 'Because', refusalGround: { en: 'Ground' } });
  });
});
