/**
 * Pure: one case on the applicant's side — its status tag, whose turn it is and by when, what the
 * applicant must do now (the banner), and its history as a timeline, newest first.
 */
import type { LocalText } from '../../kernel/text.ts';
import type { Service } from '../../modules/catalogue/index.ts';
import { type CaseDocument, type CaseEventRecord, type CaseRecord, type CaseTurn, caseTurn, type InformationRequest, type PaymentStanding, workflowOf } from '../../modules/cases/index.ts';
import { type CaseActor, caseActor } from '../common/case-actor.ts';
import { tagTone, type TagTone } from './cabinet.view.ts';

/** The events whose names the locale holds; any other (a service's own workflow) is named by the state it led to. */
export const NAMED_EVENTS = [
  'submit', 'request-payment', 'pay', 'register', 'start-review', 'request-information', 'answer-information', 'grant', 'grant-by-silent-consent', 'refuse', 'withdraw', 'issue-result', 'close',
  'decision-sent-by-post', 'decision-unread-no-address', 'ready-for-collection', 'handed-over', 'collection-cancelled',
] as const;
export type NamedEvent = (typeof NAMED_EVENTS)[number];
export const isNamed = (event: string): event is NamedEvent => (NAMED_EVENTS as readonly string[]).includes(event);

export interface TimelineItem {
  readonly id: number;
  readonly at: Date;
  readonly title: { readonly event: NamedEvent } | { readonly state: LocalText };
  readonly reason: string | null;
  readonly refusalGround: LocalText | null;
  /** Staff who acted for the applicant (filed by post, at the front desk, on the phone): their role, name and the channel. */
  readonly byStaff: { readonly role: StaffFiler; readonly name: string; readonly channel: string } | null;
  /** Who acted and through which channel. */
  readonly actor: CaseActor;
  readonly channel: string;
}

const STAFF_FILERS = ['clerk', 'front-desk', 'contact-centre'] as const;
type StaffFiler = (typeof STAFF_FILERS)[number];
const isStaffFiler = (role: string): role is StaffFiler => (STAFF_FILERS as readonly string[]).includes(role);

export interface CaseFacts {
  readonly case: CaseRecord;
  readonly service: Service;
  readonly events: readonly CaseEventRecord[];
  readonly requests: readonly InformationRequest[];
  readonly documents: readonly CaseDocument[];
  readonly payment: PaymentStanding;
  /** The day an answer to the open request is asked for, as stored when it was asked (null: no request open). */
  readonly answerDueOn: string | null;
}

export interface CaseStatusView {
  readonly turn: CaseTurn;
  readonly tone: TagTone;
  /** The state's name from the workflow; null while a payment is being confirmed (the page says so instead). */
  readonly stateLabel: LocalText | null;
  /** What the applicant must do now, or that a decision is ready. */
  readonly banner: 'answer' | 'pay' | 'decision' | null;
  readonly timeline: readonly TimelineItem[];
}

export function caseStatusView(f: CaseFacts): CaseStatusView {
  const c = f.case;
  const states = workflowOf(f.service).states;
  const state = states.find((s) => s.id === c.state);
  const asked = f.requests.find((r) => r.answeredAt === null);
  const open = asked === undefined || f.answerDueOn === null ? null : { id: asked.id, question: asked.question, askedAt: asked.askedAt, askedOn: asked.askedOn, answerDueOn: f.answerDueOn };
  const turn = caseTurn(c, state?.kind ?? 'active', open, c.state === 'awaiting-payment' ? f.payment : null);
  const valid = f.documents.some((d) => d.status === 'valid');
  const banner = turn.kind === 'answer' ? 'answer' : turn.kind === 'pay' ? 'pay' : turn.kind === 'decided' && turn.outcome !== 'withdrawn' && valid ? 'decision' : null;
  const timeline = [...f.events].reverse().map((e): TimelineItem => ({
    id: e.id, at: e.at,
    title: isNamed(e.event) ? { event: e.event } : { state: states.find((s) => s.id === e.to)?.label ?? { uk: e.to, en: e.to } },
    reason: e.reason,
    refusalGround: e.refusalGroundId === null ? null : (f.service.refusalGrounds.find((g) => g.id === e.refusalGroundId)?.text ?? null),
    byStaff: e.event === 'submit' && isStaffFiler(e.actorRole) ? { role: e.actorRole, name: e.actorName ?? '', channel: e.channel } : null,
    actor: caseActor(e, c), channel: e.channel,
  }));
  return { turn, tone: tagTone(turn), stateLabel: turn.kind === 'confirming-payment' ? null : (state?.label ?? { uk: c.state, en: c.state }), banner, timeline };
}
