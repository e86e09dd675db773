import { describe, expect, it } from 'vitest';

import { type CaseStanding, caseStatus, openRequestOn } from '../../../src/web/office/case.view.ts';

const running: CaseStanding = {
  state: 'in-review', stateKind: 'active', outcome: null, feeStatus: 'none', clockPaused: false, openRequestOn: null,
  actions: [], assignedTo: null, assignedName: null, me: 'me',
};

describe('who a case waits for', () => {
  it('waits for the applicant after a request for information, naming the day it was sent', () => {
    const status = caseStatus({ ...running, state: 'information-requested', stateKind: 'waiting-applicant', clockPaused: true, openRequestOn: '2026-12-01' });
    expect(status).toEqual({ waiting: 'applicant', key: 'office.status.applicant', params: { day: '2026-12-01' }, tone: 'yellow' });
  });

  it('waits for payment while the fee is due', () => {
    expect(caseStatus({ ...running, state: 'awaiting-payment', stateKind: 'waiting-applicant', feeStatus: 'due' }).waiting).toBe('payment');
  });

  it('is ready for this officer’s decision when their roles allow a grant or refusal', () => {
    expect(caseStatus({ ...running, actions: ['request-information', 'grant', 'refuse'] }).key).toBe('office.status.decision');
    expect(caseStatus({ ...running, state: 'submitted', actions: ['register'] }).key).toBe('office.status.register');
    expect(caseStatus({ ...running, state: 'registered', actions: ['start-review'] }).key).toBe('office.status.review');
  });

  it('names the colleague it is assigned to when this officer can do nothing', () => {
    expect(caseStatus({ ...running, assignedTo: 'other', assignedName: 'Оксана Лисенко' })).toEqual({ waiting: 'colleague', key: 'office.status.assigned', params: { name: 'Оксана Лисенко' }, tone: 'purple' });
    expect(caseStatus({ ...running, assignedTo: 'me', assignedName: 'Me' }).key).toBe('office.status.colleague');
  });

  it('waits for nobody once decided', () => {
    expect(caseStatus({ ...running, state: 'result-issued', stateKind: 'decided', outcome: 'granted', actions: ['close'] })).toMatchObject({ waiting: 'nobody', key: 'office.status.decided.granted', tone: 'green' });
    expect(caseStatus({ ...running, state: 'closed', stateKind: 'final', outcome: null }).key).toBe('office.status.closed');
  });

  it('the open request is the latest unanswered one', () => {
    expect(openRequestOn([{ askedOn: '2026-11-01', answer: 'yes' }, { askedOn: '2026-11-20', answer: null }])).toBe('2026-11-20');
    expect(openRequestOn([{ askedOn: '2026-11-01', answer: 'yes' }])).toBeNull();
  });
});
