import { describe, expect, it } from 'vitest';

import { AppError } from '../../kernel/errors.ts';
import { defaultWorkflow } from './default-workflow.ts';
import { availableEvents, type CaseFacts, type CaseStanding, transition, type TransitionCommand } from './transition.ts';
import { WORKFLOW_ROLES, type Outcome, type WorkflowRole } from './workflow.schemas.ts';

const at = new Date('2026-03-02T09:30:00Z');
const facts: CaseFacts = { documentsComplete: true, feePaid: true, refusalGroundIds: ['incomplete-documents', 'not-eligible'] };
const standing = (state: string, clockPaused = false): CaseStanding => ({ state, clockPaused });
const command = (event: string, role: WorkflowRole, extra: Partial<TransitionCommand> = {}): TransitionCommand => ({
  event,
  actor: { role },
  at,
  reason: 'the applicant asked',
  refusalGroundId: 'not-eligible',
  facts,
  ...extra,
});
const codeOf = (result: ReturnType<typeof transition>) => (result.ok ? 'ok' : result.error.code);

/** Written by hand from the brief, not from the data: [event, from, roles that may, to, outcome]. */
const EXPECTED: readonly (readonly [string, string, readonly WorkflowRole[], string, Outcome | null])[] = [
  ['submit', 'new', ['system'], 'submitted', null],
  ['request-payment', 'submitted', ['system'], 'awaiting-payment', null],
  ['pay', 'awaiting-payment', ['system'], 'submitted', null],
  ['register', 'submitted', ['clerk'], 'registered', null],
  ['start-review', 'registered', ['clerk'], 'in-review', null],
  ['request-information', 'in-review', ['clerk'], 'information-requested', null],
  ['answer-information', 'information-requested', ['applicant'], 'in-review', null],
  ['grant', 'in-review', ['decision-maker'], 'granted', 'granted'],
  ['refuse', 'in-review', ['decision-maker'], 'refused', 'refused'],
  ['grant-by-silent-consent', 'submitted', ['system'], 'granted', 'granted'],
  ['grant-by-silent-consent', 'registered', ['system'], 'granted', 'granted'],
  ['grant-by-silent-consent', 'in-review', ['system'], 'granted', 'granted'],
  ['issue-result', 'granted', ['clerk', 'system'], 'result-issued', null],
  ['issue-result', 'refused', ['clerk', 'system'], 'result-issued', null],
  ['withdraw', 'submitted', ['applicant'], 'withdrawn', 'withdrawn'],
  ['withdraw', 'awaiting-payment', ['applicant'], 'withdrawn', 'withdrawn'],
  ['withdraw', 'registered', ['applicant'], 'withdrawn', 'withdrawn'],
  ['withdraw', 'in-review', ['applicant'], 'withdrawn', 'withdrawn'],
  ['withdraw', 'information-requested', ['applicant'], 'withdrawn', 'withdrawn'],
  ['close', 'result-issued', ['clerk', 'system'], 'closed', null],
  ['close', 'withdrawn', ['clerk', 'system'], 'closed', null],
];

const rightRole = EXPECTED.flatMap(([event, from, roles, to, outcome]) => roles.map((role) => ({ event, from, role, to, outcome })));
const wrongRole = EXPECTED.flatMap(([event, from, roles]) =>
  WORKFLOW_ROLES.filter((role) => !roles.includes(role)).map((role) => ({ event, from, role })),
);
const wrongState = [...new Set(EXPECTED.map(([event]) => event))].flatMap((event) => {
  const allowed = EXPECTED.filter(([e]) => e === event);
  const role = allowed[0]![2][0]!;
  return defaultWorkflow.states
    .map((s) => s.id)
    .filter((state) => !allowed.some(([, from]) => from === state))
    .map((state) => ({ event, state, role }));
});

describe('transition over the default workflow', () => {
  it('is tested for every (event, from-state) pair the workflow declares, and no other', () => {
    const declared = defaultWorkflow.transitions.flatMap((t) => t.from.map((from) => `${t.event} ${from}`)).sort();
    expect(EXPECTED.map(([event, from]) => `${event} ${from}`).sort()).toEqual(declared);
  });

  it.each(rightRole)('$event from $from by $role → $to', ({ event, from, role, to, outcome }) => {
    const result = transition(defaultWorkflow, standing(from), command(event, role));
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.value.to).toBe(to);
    expect(result.value.outcome ?? null).toBe(outcome);
    expect(result.value.event).toMatchObject({ event, from, to, actorRole: role, at });
  });

  it.each(wrongRole)('refuses $event from $from by $role', ({ event, from, role }) => {
    const result = transition(defaultWorkflow, standing(from), command(event, role));
    expect(result).toMatchObject({ ok: false, error: { code: 'workflow.role_not_allowed', event, role } });
  });

  it.each(wrongState)('refuses $event in state $state', ({ event, state, role }) => {
    const result = transition(defaultWorkflow, standing(state), command(event, role));
    expect(result).toMatchObject({ ok: false, error: { code: 'workflow.not_allowed_from_state', event, state } });
  });
});

describe('transition guards', () => {
  it('refuses an event the workflow does not have', () => {
    const result = transition(defaultWorkflow, standing('in-review'), command('approve', 'decision-maker'));
    expect(result).toMatchObject({ ok: false, error: { code: 'workflow.unknown_event', event: 'approve' } });
  });

  it('refuses any event in a state the workflow does not have', () => {
    expect(codeOf(transition(defaultWorkflow, standing('archived'), command('close', 'clerk')))).toBe('workflow.not_allowed_from_state');
  });

  it.each([
    ['missing', undefined],
    ['blank', '  \n '],
  ])('requires a reason to request information (%s)', (_, reason) => {
    const { reason: _r, ...bare } = command('request-information', 'clerk');
    const result = transition(defaultWorkflow, standing('in-review'), reason === undefined ? bare : { ...bare, reason });
    expect(codeOf(result)).toBe('workflow.reason_required');
  });

  it('requires a reason, then a refusal ground, then a known one to refuse', () => {
    const { reason: _r, refusalGroundId: _g, ...bare } = command('refuse', 'decision-maker');
    const refuse = (extra: Partial<TransitionCommand>) => transition(defaultWorkflow, standing('in-review'), { ...bare, ...extra });
    expect(codeOf(refuse({}))).toBe('workflow.reason_required');
    expect(codeOf(refuse({ reason: 'photo does not match' }))).toBe('workflow.refusal_ground_required');
    expect(codeOf(refuse({ reason: 'photo does not match', refusalGroundId: '' }))).toBe('workflow.refusal_ground_required');
    expect(refuse({ reason: 'photo does not match', refusalGroundId: 'bad-weather' })).toMatchObject({
      ok: false,
      error: { code: 'workflow.refusal_ground_unknown', refusalGroundId: 'bad-weather', meta: { refusalGroundId: 'bad-weather' } },
    });
    const done = refuse({ reason: ' photo does not match ', refusalGroundId: 'incomplete-documents' });
    expect(done).toMatchObject({ ok: true, value: { to: 'refused', outcome: 'refused', event: { reason: 'photo does not match', refusalGroundId: 'incomplete-documents' } } });
  });

  it.each([
    ['grant', 'decision-maker', 'in-review'],
    ['grant-by-silent-consent', 'system', 'submitted'],
    ['grant-by-silent-consent', 'system', 'registered'],
    ['grant-by-silent-consent', 'system', 'in-review'],
  ] as const)('refuses %s with incomplete documents', (event, role, state) => {
    const result = transition(defaultWorkflow, standing(state), command(event, role, { facts: { ...facts, documentsComplete: false } }));
    expect(codeOf(result)).toBe('workflow.documents_incomplete');
  });

  it('refuses to register a case whose fee is unpaid, and registers it once paid', () => {
    const unpaid = { ...facts, feePaid: false };
    expect(codeOf(transition(defaultWorkflow, standing('submitted'), command('register', 'clerk', { facts: unpaid })))).toBe('workflow.fee_unpaid');
    expect(codeOf(transition(defaultWorkflow, standing('awaiting-payment'), command('pay', 'system', { facts: unpaid })))).toBe('ok');
  });

  it('checks the role before the requirements', () => {
    const result = transition(defaultWorkflow, standing('in-review'), command('refuse', 'clerk', { reason: '' }));
    expect(codeOf(result)).toBe('workflow.role_not_allowed');
  });

  it('pauses the clock on an information request, resumes it on the answer, and leaves it alone otherwise', () => {
    const asked = transition(defaultWorkflow, standing('in-review', false), command('request-information', 'clerk'));
    expect(asked).toMatchObject({ ok: true, value: { to: 'information-requested', clockPaused: true } });
    const answered = transition(defaultWorkflow, standing('information-requested', true), command('answer-information', 'applicant'));
    expect(answered).toMatchObject({ ok: true, value: { to: 'in-review', clockPaused: false } });
    const withdrawn = transition(defaultWorkflow, standing('information-requested', true), command('withdraw', 'applicant'));
    expect(withdrawn).toMatchObject({ ok: true, value: { clockPaused: true } });
    expect(transition(defaultWorkflow, standing('registered', false), command('start-review', 'clerk'))).toMatchObject({ ok: true, value: { clockPaused: false } });
  });

  it.each(['granted', 'refused', 'result-issued', 'withdrawn', 'closed'])('refuses withdrawal after a decision (%s)', (state) => {
    expect(codeOf(transition(defaultWorkflow, standing(state), command('withdraw', 'applicant')))).toBe('workflow.not_allowed_from_state');
  });

  it('records the event; a refusal ground only where one is required, a reason only if given', () => {
    const { reason: _r, ...noReason } = command('grant', 'decision-maker');
    const result = transition(defaultWorkflow, standing('in-review'), noReason);
    expect(result).toEqual({
      ok: true,
      value: {
        to: 'granted',
        clockPaused: false,
        outcome: 'granted',
        event: { event: 'grant', from: 'in-review', to: 'granted', actorRole: 'decision-maker', at, reason: null, refusalGroundId: null },
      },
    });
  });

  it('returns errors that are AppErrors with a message', () => {
    const result = transition(defaultWorkflow, standing('submitted'), command('register', 'applicant'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(AppError);
      expect(result.error.message).toBe('event "register" cannot be caused by role "applicant"');
      expect(result.error.meta).toEqual({ event: 'register', role: 'applicant', allowed: ['clerk'] });
    }
  });

  it('carries a paid service from submission to closure', () => {
    const steps: [string, WorkflowRole, Partial<CaseFacts>][] = [
      ['submit', 'system', { feePaid: false }],
      ['request-payment', 'system', { feePaid: false }],
      ['pay', 'system', {}],
      ['register', 'clerk', {}],
      ['start-review', 'clerk', {}],
      ['request-information', 'clerk', {}],
      ['answer-information', 'applicant', {}],
      ['grant', 'decision-maker', {}],
      ['issue-result', 'system', {}],
      ['close', 'clerk', {}],
    ];
    let current = standing('new');
    const trail: string[] = [];
    for (const [event, role, overrides] of steps) {
      const result = transition(defaultWorkflow, current, command(event, role, { facts: { ...facts, ...overrides } }));
      if (!result.ok) {
        throw new Error(`${event}: ${result.error.code}`);
      }
      trail.push(`${result.value.event.from}→${result.value.to}`);
      current = { state: result.value.to, clockPaused: result.value.clockPaused };
    }
    expect(trail).toEqual([
      'new→submitted',
      'submitted→awaiting-payment',
      'awaiting-payment→submitted',
      'submitted→registered',
      'registered→in-review',
      'in-review→information-requested',
      'information-requested→in-review',
      'in-review→granted',
      'granted→result-issued',
      'result-issued→closed',
    ]);
  });
});

describe('availableEvents', () => {
  it('lists what a role may try in a state', () => {
    expect(availableEvents(defaultWorkflow, 'in-review', 'decision-maker')).toEqual(['grant', 'refuse']);
    expect(availableEvents(defaultWorkflow, 'in-review', 'applicant')).toEqual(['withdraw']);
    expect(availableEvents(defaultWorkflow, 'closed', 'clerk')).toEqual([]);
  });
});
