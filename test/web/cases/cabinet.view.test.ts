import { describe, expect, it } from 'vitest';

import type { CabinetParty } from '../../../src/modules/applications/index.ts';
import type { CaseOverview, CaseRecord, CaseTurn } from '../../../src/modules/cases/index.ts';
import { cabinetView, stateTone, tagTone } from '../../../src/web/cases/cabinet.view.ts';

const NOW = new Date('2026-12-10T10:00:00Z');
const text = (s: string) => ({ uk: s, en: s });

let n = 0;
function overview(turn: CaseTurn, o: { submitted?: string; documents?: Array<{ issued: string; status?: 'valid' | 'revoked' }> } = {}): CaseOverview {
  n += 1;
  const c = { id: `case-${n}`, number: `2026-00000${n}`, submittedAt: new Date(o.submitted ?? '2026-12-01T09:00:00Z') } as unknown as CaseRecord;
  return {
    case: c, serviceName: text(`service ${n}`), state: { id: 'x', kind: 'active', label: text('State') }, turn,
    documents: (o.documents ?? []).map((d, i) => ({ id: `doc-${n}-${i}`, kind: 'decision-granted', number: `D-${n}-${i}`, issuedAt: new Date(d.issued), status: d.status ?? 'valid', sha256: '0' })),
  };
}
const answer = (due: string): CaseTurn => ({ kind: 'answer', request: { id: 'r', question: 'q', askedAt: NOW, askedOn: '2026-12-01', answerDueOn: due } });

function party(kind: 'self' | 'business', cases: CaseOverview[], drafts: Array<{ id: string; expires: string }> = []): CabinetParty {
  return {
    option: kind === 'self' ? { party: { kind: 'self' }, name: 'Олена Коваль', basis: { kind: 'self' } } : { party: { kind: 'business', id: '40000001' }, name: 'Zoriana Bakery LLC', basis: { kind: 'director' } },
    cases,
    drafts: drafts.map((d) => ({ draft: { id: d.id, serviceId: 'svc', expiresAt: new Date(d.expires) } as never, service: null, firstPage: 'p1' })),
  };
}

describe('the cabinet view', () => {
  it('orders things to do: answers by due date, then fees, then drafts by expiry, then decisions newest first', () => {
    const later = overview(answer('2026-12-20'));
    const sooner = overview(answer('2026-12-15'));
    const fee = overview({ kind: 'pay', amount: 73200 });
    const decided = overview({ kind: 'decided', outcome: 'granted' }, { documents: [{ issued: '2026-12-05T10:00:00Z' }, { issued: '2026-12-08T10:00:00Z' }] });
    const view = cabinetView([party('self', [later, fee, decided, sooner], [{ id: 'd2', expires: '2027-03-01T00:00:00Z' }, { id: 'd1', expires: '2027-01-01T00:00:00Z' }])], 'self', NOW);
    const todos = view.todo[0]?.todos ?? [];
    expect(todos.map((x) => x.kind)).toEqual(['answer', 'answer', 'pay', 'draft', 'draft', 'decision', 'decision']);
    expect(todos.slice(0, 2).map((x) => (x.kind === 'answer' ? x.caseId : ''))).toEqual([sooner.case.id, later.case.id]);
    expect(todos.slice(3, 5).map((x) => (x.kind === 'draft' ? x.draftId : ''))).toEqual(['d1', 'd2']);
    expect(todos.slice(5).map((x) => (x.kind === 'decision' ? x.documentNumber : ''))).toEqual([`D-${decided.case.id.slice(5)}-1`, `D-${decided.case.id.slice(5)}-0`]);
    expect(view.todoCount).toBe(7);
  });

  it('offers only recent, valid decisions as things to do', () => {
    const old = overview({ kind: 'decided', outcome: 'granted' }, { documents: [{ issued: '2026-10-01T10:00:00Z' }] });
    const revoked = overview({ kind: 'decided', outcome: 'refused' }, { documents: [{ issued: '2026-12-09T10:00:00Z', status: 'revoked' }] });
    const view = cabinetView([party('self', [old, revoked])], 'self', NOW);
    expect(view.todo).toEqual([]);
    expect(view.todoCount).toBe(0);
  });

  it('groups by party, the person first; a party with nothing to do is left out of things to do, and marks the party acted for now', () => {
    const company = party('business', [overview(answer('2026-12-15'))]);
    const self = party('self', [overview({ kind: 'agency', dueOn: '2026-12-30' })]);
    const view = cabinetView([company, self], 'business:40000001', NOW);
    expect(view.todo.map((g) => [g.key, g.current])).toEqual([['business:40000001', true]]);
    expect(view.recent.map((g) => [g.key, g.current])).toEqual([['self', false], ['business:40000001', true]]);
  });

  it('lists the newest five cases per party, and the person even with none', () => {
    const cases = [1, 2, 3, 4, 5, 6, 7].map((d) => overview({ kind: 'agency', dueOn: null }, { submitted: `2026-11-0${d}T09:00:00Z` }));
    const view = cabinetView([party('self', []), party('business', cases)], 'self', NOW);
    expect(view.recent[0]?.recent).toEqual([]);
    expect(view.recent[1]?.recent.map((c) => c.submittedAt.getUTCDate())).toEqual([7, 6, 5, 4, 3]);
  });

  it('colours a tag by whose turn it is and by the outcome', () => {
    expect(tagTone(answer('2026-12-15'))).toBe('your-turn');
    expect(tagTone({ kind: 'pay', amount: 1 })).toBe('your-turn');
    expect(tagTone({ kind: 'agency', dueOn: null })).toBe('agency');
    expect(tagTone({ kind: 'decided', outcome: 'refused' })).toBe('refused');
    expect(tagTone({ kind: 'decided', outcome: 'withdrawn' })).toBe('ended');
    expect(stateTone('waiting-applicant', null)).toBe('your-turn');
    expect(stateTone('active', null)).toBe('agency');
    expect(stateTone('decided', 'granted')).toBe('granted');
  });
});
