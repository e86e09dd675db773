/**
 * Pure: the cabinet as a dashboard. From the parties a person may act for (each with its cases and
 * the person's drafts), what is waiting for them first — questions to answer, fees to pay, drafts to
 * finish, decisions to download — then the newest cases with their status, grouped by party.
 */
import type { LocalText } from '../../kernel/text.ts';
import type { CabinetParty } from '../../modules/applications/index.ts';
import { CABINET_DOCUMENT_DAYS, CABINET_RECENT_CASES, type CaseOverview, type CaseTurn } from '../../modules/cases/index.ts';
import { type ActingOption, partyKey } from '../../modules/identity/index.ts';
import type { StateKind } from '../../modules/workflow/index.ts';

export type TodoItem =
  | { readonly kind: 'answer'; readonly caseId: string; readonly caseNumber: string; readonly serviceName: LocalText; readonly due: string }
  | { readonly kind: 'pay'; readonly caseId: string; readonly caseNumber: string; readonly serviceName: LocalText; readonly amount: number }
  | { readonly kind: 'draft'; readonly draftId: string; readonly firstPage: string | null; readonly serviceName: LocalText | null; readonly serviceId: string; readonly expiresAt: Date }
  | { readonly kind: 'decision'; readonly caseId: string; readonly caseNumber: string; readonly documentId: string; readonly documentNumber: string; readonly documentKind: string; readonly issuedAt: Date };

/** How a status tag looks: the applicant's turn stands out, a decision shows its outcome. */
export type TagTone = 'your-turn' | 'agency' | 'granted' | 'refused' | 'ended';

export interface RecentCase {
  readonly caseId: string;
  readonly number: string;
  readonly serviceName: LocalText;
  readonly stateLabel: LocalText;
  readonly tone: TagTone;
  readonly turn: CaseTurn;
  readonly submittedAt: Date;
}

export interface PartyGroup {
  readonly key: string;
  readonly option: ActingOption;
  /** The party the session acts for now: its cases open from here; another party's need acting for it first. */
  readonly current: boolean;
  readonly todos: readonly TodoItem[];
  readonly recent: readonly RecentCase[];
}

export interface CabinetView {
  /** Parties with something to do, in the order of the parties. */
  readonly todo: readonly PartyGroup[];
  /** Parties with cases (the person themselves always). */
  readonly recent: readonly PartyGroup[];
  readonly todoCount: number;
}

export function tagTone(turn: CaseTurn): TagTone {
  switch (turn.kind) {
    case 'answer':
    case 'pay':
      return 'your-turn';
    case 'confirming-payment':
    case 'agency':
      return 'agency';
    case 'decided':
      return turn.outcome === 'granted' ? 'granted' : turn.outcome === 'refused' ? 'refused' : 'ended';
    case 'closed':
      return 'ended';
  }
}

/** A tag's tone from a workflow state alone (lists that do not load each case's requests and payments). */
export function stateTone(kind: StateKind, outcome: 'granted' | 'refused' | 'withdrawn' | null): TagTone {
  if (outcome !== null) {
    return outcome === 'granted' ? 'granted' : outcome === 'refused' ? 'refused' : 'ended';
  }
  return kind === 'waiting-applicant' ? 'your-turn' : kind === 'decided' || kind === 'final' ? 'ended' : 'agency';
}

const RANK: Record<TodoItem['kind'], number> = { answer: 0, pay: 1, draft: 2, decision: 3 };

/** Within a kind: the earliest due answer, the oldest unpaid case, the draft deleted soonest, the newest decision. */
function sortKey(item: TodoItem): number {
  switch (item.kind) {
    case 'answer':
      return Date.parse(`${item.due}T00:00:00Z`);
    case 'pay':
      return 0;
    case 'draft':
      return item.expiresAt.getTime();
    case 'decision':
      return -item.issuedAt.getTime();
  }
}

function caseTodos(o: CaseOverview, since: number): TodoItem[] {
  const base = { caseId: o.case.id, caseNumber: o.case.number, serviceName: o.serviceName };
  const items: TodoItem[] = [];
  if (o.turn.kind === 'answer') {
    items.push({ kind: 'answer', ...base, due: o.turn.request.answerDueOn });
  } else if (o.turn.kind === 'pay') {
    items.push({ kind: 'pay', ...base, amount: o.turn.amount });
  }
  for (const d of o.documents) {
    if (d.status === 'valid' && d.issuedAt.getTime() >= since) {
      items.push({ kind: 'decision', caseId: o.case.id, caseNumber: o.case.number, documentId: d.id, documentNumber: d.number, documentKind: d.kind, issuedAt: d.issuedAt });
    }
  }
  return items;
}

function group(party: CabinetParty, currentKey: string, now: Date): PartyGroup {
  const since = now.getTime() - CABINET_DOCUMENT_DAYS * 86_400_000;
  const todos: TodoItem[] = [
    ...party.cases.flatMap((o) => caseTodos(o, since)),
    ...party.drafts.map((d): TodoItem => ({ kind: 'draft', draftId: d.draft.id, firstPage: d.firstPage, serviceName: d.service?.name ?? null, serviceId: d.draft.serviceId, expiresAt: d.draft.expiresAt })),
  ].sort((a, b) => RANK[a.kind] - RANK[b.kind] || sortKey(a) - sortKey(b));
  const recent = [...party.cases]
    .sort((a, b) => b.case.submittedAt.getTime() - a.case.submittedAt.getTime())
    .slice(0, CABINET_RECENT_CASES)
    .map((o): RecentCase => ({ caseId: o.case.id, number: o.case.number, serviceName: o.serviceName, stateLabel: o.state.label, tone: tagTone(o.turn), turn: o.turn, submittedAt: o.case.submittedAt }));
  const key = partyKey(party.option.party);
  return { key, option: party.option, current: key === currentKey, todos, recent };
}

/** The dashboard: the person themselves first, then the parties in the order identity gives them (companies, children, mandates). */
export function cabinetView(parties: readonly CabinetParty[], currentKey: string, now: Date): CabinetView {
  const groups = [...parties]
    .sort((a, b) => Number(b.option.party.kind === 'self') - Number(a.option.party.kind === 'self'))
    .map((p) => group(p, currentKey, now));
  return {
    todo: groups.filter((g) => g.todos.length > 0),
    recent: groups.filter((g) => g.recent.length > 0 || g.option.party.kind === 'self'),
    todoCount: groups.reduce((n, g) => n + g.todos.length, 0),
  };
}
