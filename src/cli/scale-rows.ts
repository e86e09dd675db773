/**
 * Pure: the rows of a database at national scale, for `npm run seed:scale` and the read benchmark.
 * Deterministic (a seeded generator): persons, businesses with their directors, officers of every
 * agency with services, and cases spread across services, agencies, channels, states and
 * applicants (people for themselves, directors for their business, people for someone they
 * represent), each with the history its state implies, an open information request where one is
 * asked, and the decision document of a decided case.
 */
import { createHash } from 'node:crypto';

export interface ScaleSizes {
  readonly persons: number;
  readonly organisations: number;
  readonly cases: number;
}

/** A term in days, as the catalogue states a service's. */
export interface ScaleTerm {
  readonly days: number;
  readonly unit: 'calendar' | 'working';
}

/** A catalogue service cases are opened under, and its statutory term when the catalogue states one. */
export interface ScaleService {
  readonly id: string;
  readonly version: number;
  readonly organisationId: string;
  readonly term?: ScaleTerm | null;
}

export type Cell = string | number | boolean | null | Date | Buffer;
export type RowOf = readonly Cell[];

/** A table's columns, in the order of every row written to it. */
export const SCALE_COLUMNS = {
  persons: ['id', 'national_id', 'given_name', 'family_name', 'birth_date', 'created_at', 'updated_at'],
  business_registry: ['registry_code', 'name_uk', 'name_en', 'legal_form'],
  business_directors: ['registry_code', 'national_id'],
  staff_roles: ['id', 'national_id', 'role', 'agency_id', 'granted_at'],
  cases: ['id', 'number', 'service_id', 'service_version', 'organisation_id', 'state', 'clock_paused', 'outcome', 'channel', 'applicant_person_id',
    'applicant_name', 'party_kind', 'party_id', 'party_name', 'lang', 'answers', 'answers_sha256', 'fee_cost_id', 'fee_amount', 'fee_status',
    'documents_complete', 'term_days', 'term_unit', 'silent_consent', 'submitted_at', 'term_started_on', 'due_on', 'assigned_to', 'decided_at',
    'idempotency_key', 'updated_at', 'version', 'rating', 'rated_at'],
  case_events: ['case_id', 'event', 'from_state', 'to_state', 'actor_person_id', 'actor_role', 'channel', 'reason', 'refusal_ground_id', 'at'],
  information_requests: ['id', 'case_id', 'question', 'asked_by', 'asked_at', 'asked_on', 'answer_by'],
  documents: ['id', 'case_id', 'kind', 'number', 'organisation_id', 'lang', 'sha256', 'seal_key_id', 'seal_public_key', 'seal', 'issued_at', 'pdf'],
} as const;

export type ScaleTable = keyof typeof SCALE_COLUMNS;

/** The rows of one batch of cases, by table. */
export type CaseBatch = Readonly<Record<'cases' | 'case_events' | 'information_requests' | 'documents', RowOf[]>>;

/** How many officers each agency with services gets (a clerk, a decision-maker, then clerks). */
export const OFFICERS_PER_AGENCY = 6;

const GIVEN = ['Олена', 'Іван', 'Марія', 'Андрій', 'Оксана', 'Петро', 'Наталія', 'Микола', 'Ірина', 'Тарас', 'Юлія', 'Богдан', 'Софія', 'Дмитро', 'Галина', 'Василь'];
const FAMILY = ['Коваль', 'Шевченко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Мельник', 'Лисенко', 'Руденко', 'Савченко', 'Петренко', 'Гончар'];
const FORMS = ['ТОВ', 'ФОП', 'ПП', 'АТ'];
const DAY = 86_400_000;

/** A uuid of a kind (persons 1, cases 2, requests 3, documents 4, staff roles 5) and a number: unique, and apart from random ones. */
export const scaleId = (kind: number, n: number): string => `5ca1e00${kind}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const scaleNationalId = (i: number): string => `7${String(i).padStart(9, '0')}`;
export const scaleRegistryCode = (i: number): string => `3${String(i).padStart(7, '0')}`;

/** mulberry32: a small seeded generator, so that two runs write the same rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const dayOf = (d: Date): string => d.toISOString().slice(0, 10);
const nameOf = (i: number): { given: string; family: string } => ({ given: GIVEN[i % GIVEN.length] ?? 'Олена', family: FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length] ?? 'Коваль' });

export function* personRows(sizes: ScaleSizes, now: Date): Generator<RowOf> {
  for (let i = 0; i < sizes.persons; i += 1) {
    const { given, family } = nameOf(i);
    const born = new Date(Date.UTC(1950 + (i % 55), i % 12, 1 + (i % 28)));
    yield [scaleId(1, i), scaleNationalId(i), given, family, dayOf(born), now, now];
  }
}

/** A business's registry row and its director (a person of the seed). */
export function* businessRows(sizes: ScaleSizes): Generator<{ registry: RowOf; director: RowOf }> {
  for (let i = 0; i < sizes.organisations; i += 1) {
    const form = FORMS[i % FORMS.length] ?? 'ТОВ';
    const { family } = nameOf(i * 7);
    yield {
      registry: [scaleRegistryCode(i), `${form} «${family} ${i}»`, `${family} ${i} LLC`, form],
      director: [scaleRegistryCode(i), scaleNationalId(directorOf(i, sizes))],
    };
  }
}

const directorOf = (organisation: number, sizes: ScaleSizes): number => (organisation * 7919 + 13) % sizes.persons;

/** The officers of each agency: persons numbered from 0, `OFFICERS_PER_AGENCY` per agency in the order given. */
export function officersOf(agencies: readonly string[]): Map<string, number[]> {
  return new Map(agencies.map((a, k) => [a, Array.from({ length: OFFICERS_PER_AGENCY }, (_, j) => k * OFFICERS_PER_AGENCY + j)]));
}

export function* staffRows(agencies: readonly string[], now: Date): Generator<RowOf> {
  let n = 0;
  for (const [agency, people] of officersOf(agencies)) {
    for (const [j, person] of people.entries()) {
      yield [scaleId(5, n), scaleNationalId(person), j === 1 ? 'decision-maker' : j === 2 ? 'supervisor' : 'clerk', agency, now];
      n += 1;
    }
  }
}

/** Where a case ended up, with the events that took it there (from the submission on). */
type Path = { readonly state: string; readonly outcome: 'granted' | 'refused' | 'withdrawn' | null; readonly events: ReadonlyArray<readonly [string, string, string]> };

const SUBMIT = ['submit', 'new', 'submitted'] as const;
const REGISTER = ['register', 'submitted', 'registered'] as const;
const REVIEW = ['start-review', 'registered', 'in-review'] as const;
const PATHS: Record<string, Path> = {
  submitted: { state: 'submitted', outcome: null, events: [SUBMIT] },
  'awaiting-payment': { state: 'awaiting-payment', outcome: null, events: [SUBMIT, ['request-payment', 'submitted', 'awaiting-payment']] },
  registered: { state: 'registered', outcome: null, events: [SUBMIT, REGISTER] },
  'in-review': { state: 'in-review', outcome: null, events: [SUBMIT, REGISTER, REVIEW] },
  'information-requested': { state: 'information-requested', outcome: null, events: [SUBMIT, REGISTER, REVIEW, ['request-information', 'in-review', 'information-requested']] },
  granted: { state: 'result-issued', outcome: 'granted', events: [SUBMIT, REGISTER, REVIEW, ['grant', 'in-review', 'granted'], ['issue-result', 'granted', 'result-issued']] },
  refused: { state: 'result-issued', outcome: 'refused', events: [SUBMIT, REGISTER, REVIEW, ['refuse', 'in-review', 'refused'], ['issue-result', 'refused', 'result-issued']] },
  withdrawn: { state: 'withdrawn', outcome: 'withdrawn', events: [SUBMIT, ['withdraw', 'submitted', 'withdrawn']] },
  'closed-granted': { state: 'closed', outcome: 'granted', events: [SUBMIT, REGISTER, REVIEW, ['grant', 'in-review', 'granted'], ['issue-result', 'granted', 'result-issued'], ['close', 'result-issued', 'closed']] },
  'closed-refused': { state: 'closed', outcome: 'refused', events: [SUBMIT, REGISTER, REVIEW, ['refuse', 'in-review', 'refused'], ['issue-result', 'refused', 'result-issued'], ['close', 'result-issued', 'closed']] },
};
const RUNNING = ['submitted', 'submitted', 'awaiting-payment', 'registered', 'in-review', 'in-review', 'information-requested'];
const DECIDED = ['closed-granted', 'closed-granted', 'closed-granted', 'closed-granted', 'closed-refused', 'granted', 'granted', 'refused', 'withdrawn'];
const DECISIONS = new Set(['grant', 'refuse', 'withdraw']);
const RATINGS = [5, 5, 5, 5, 4, 4, 4, 3, 2, 1];
const CHANNELS = [['web', 70], ['in-person', 12], ['api', 5], ['phone', 5], ['post', 5], ['sms', 3]] as const;
const EVENT_ROLE: Record<string, string> = { submit: 'applicant', 'request-payment': 'system', withdraw: 'applicant', grant: 'decision-maker', refuse: 'decision-maker', 'issue-result': 'system', close: 'system' };
/** Cases go back up to three years, and not before the first year the working calendar holds (2025). */
const spanDays = (now: Date): number => Math.max(1, Math.min(3 * 365, (now.getTime() - Date.UTC(2025, 0, 2)) / DAY - TERM_DAYS));
const TERM_DAYS = 30;
/** About as many calendar days as a term runs (a working week is five days of seven, with room for holidays). */
const calendarDaysOf = (term: ScaleTerm): number => (term.unit === 'working' ? Math.ceil((term.days * 7) / 5) + 5 : term.days);

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

function channelOf(r: () => number): string {
  let x = r() * 100;
  for (const [channel, weight] of CHANNELS) {
    x -= weight;
    if (x < 0) {
      return channel;
    }
  }
  return 'web';
}

/**
 * When a case was submitted and under which term: a history's under its service's own term (`own`), far enough
 * back for its decision to be past; at scale, every case under 30 calendar days, up to three years back.
 */
function submission(own: ScaleTerm | null, history: boolean, now: Date, r: () => number): { term: ScaleTerm; ageDays: number; submittedAt: Date } {
  const term: ScaleTerm = own ?? { days: TERM_DAYS, unit: 'calendar' };
  const longest = history ? Math.min(HISTORY_DAYS - 30, Math.ceil(2 + 1.2 * calendarDaysOf(term))) : 0;
  const ageDays = history ? longest + 7 + r() * (HISTORY_DAYS - longest - 7) : r() * spanDays(now);
  return { term, ageDays, submittedAt: new Date(now.getTime() - ageDays * DAY - Math.floor(r() * DAY)) };
}

/** When a decided case was decided: a history's (`dueOn` given) about one in six after its due day; at scale within its 30 days. */
function decidedAtOf(submittedAt: Date, dueOn: string | null, now: Date, r: () => number): Date {
  const days = dueOn === null ? 1 + r() * (TERM_DAYS - 2)
    : Math.max(0.1, r() * 1.2 * Math.max(0.5, (Date.parse(`${dueOn}T21:00:00Z`) - submittedAt.getTime()) / DAY));
  return new Date(Math.min(now.getTime() - 60_000, submittedAt.getTime() + days * DAY));
}

/** A history's people rate about a third of the services decided for or against them, mostly well. */
const ratingOf = (r: () => number): number | null => (r() < 0.35 ? pick(r, RATINGS) : null);

/**
 * How cases are spread: `national` as a portal at scale (a few popular services take most cases, the
 * recent ones mostly running, up to three years back); `history` as a past year a demo starts from
 * (every service alike, every case decided at least a week ago, some after their term).
 */
export type CaseMix = 'national' | 'history';

const HISTORY_DAYS = 365;

/**
 * The cases numbered `from` to `from + count - 1`, with their events, requests and documents.
 * `firstNumber` is the first free value of the case-number sequence.
 */
export function caseBatch(o: {
  sizes: ScaleSizes; services: readonly ScaleService[]; officers: ReadonlyMap<string, readonly number[]>; now: Date; from: number; count: number; firstNumber: number; mix?: CaseMix;
  /** A history's due date of a term started on a day (YYYY-MM-DD), by the portal's rule; without it every case has 30 calendar days. */
  dueOn?: (start: string, term: ScaleTerm) => string;
}): CaseBatch {
  const out = { cases: [] as RowOf[], case_events: [] as RowOf[], information_requests: [] as RowOf[], documents: [] as RowOf[] };
  const { sizes, services, now } = o;
  const history = o.mix === 'history';
  const dueRule = history ? o.dueOn : undefined; // given the portal's due-date rule, each case under its service's term
  for (let i = o.from; i < o.from + o.count; i += 1) {
    const r = random(i * 2_654_435_761 + 1);
    // a few popular services take most cases (a history: each service its share)
    const service = history ? services[i % services.length] : (services[Math.floor(services.length * r() ** 2)] ?? services[0]);
    if (service === undefined) {
      throw new Error('no service to open cases under');
    }
    const { term, ageDays, submittedAt } = submission(dueRule === undefined ? null : service.term ?? null, history, now, r);
    const recent = ageDays < 60;
    const route = PATHS[history ? pick(r, DECIDED) : recent ? (r() < 0.75 ? pick(r, RUNNING) : pick(r, DECIDED)) : (r() < 0.02 ? pick(r, RUNNING) : pick(r, DECIDED))] ?? PATHS['submitted'];
    if (route === undefined) {
      throw new Error('unknown path');
    }
    const applicant = Math.floor(r() * sizes.persons);
    const who = r();
    const party = who < 0.7 || sizes.organisations === 0
      ? { kind: 'self', id: null, name: `${nameOf(applicant).given} ${nameOf(applicant).family}`, applicant }
      : who < 0.9
        ? (() => {
          const business = Math.floor(r() * sizes.organisations);
          return { kind: 'business', id: scaleRegistryCode(business), name: `Business ${business}`, applicant: directorOf(business, sizes) };
        })()
        : (() => {
          const represented = Math.floor(r() * sizes.persons);
          return { kind: 'person', id: scaleNationalId(represented), name: `${nameOf(represented).given} ${nameOf(represented).family}`, applicant };
        })();
    const officers = o.officers.get(service.organisationId) ?? [];
    const officer = officers.length === 0 ? null : (officers[Math.floor(r() * officers.length)] ?? null);
    const decider = officers.length > 1 ? (officers[1] ?? null) : officer;
    const unassigned = route.state === 'submitted' || route.state === 'awaiting-payment' ? r() < 0.6 : r() < 0.03;
    const assigned = unassigned ? null : officer;
    const feeDue = route.state === 'awaiting-payment';
    const paid = !feeDue && r() < 0.15;
    const termStarted = feeDue ? null : dayOf(submittedAt);
    const dueOn = feeDue ? null : dueRule !== undefined ? dueRule(dayOf(submittedAt), term) : dayOf(new Date(submittedAt.getTime() + TERM_DAYS * DAY));
    const decidedAt = route.outcome === null ? null : decidedAtOf(submittedAt, history ? dueOn : null, now, r);
    const id = scaleId(2, i);
    const number = `${submittedAt.getUTCFullYear()}-${String(o.firstNumber + i).padStart(6, '0')}`;
    const lang = r() < 0.9 ? 'uk' : 'en';
    const answers = { purpose: pick(r, ['для роботи', 'для навчання', 'для виїзду', 'для банку']), copies: 1 + Math.floor(r() * 3) };
    const sha = createHash('sha256').update(JSON.stringify(answers)).digest('hex');
    const channel = channelOf(r);
    const stepMs = ((decidedAt ?? now).getTime() - submittedAt.getTime()) / (route.events.length + 1);
    // A history's decision is taken at `decidedAt`, what follows it minutes later; at scale the events are spread evenly.
    const decision = route.events.findIndex(([event]) => DECISIONS.has(event));
    const eventAt = (k: number): Date => !history || decidedAt === null || decision < 0
      ? new Date(submittedAt.getTime() + stepMs * k)
      : k < decision ? new Date(submittedAt.getTime() + ((decidedAt.getTime() - submittedAt.getTime()) * k) / (2 * decision)) : new Date(decidedAt.getTime() + (k - decision) * 60_000);
    const lastAt = eventAt(route.events.length - 1);
    const rating = history && route.outcome !== 'withdrawn' ? ratingOf(r) : null;
    out.cases.push([id, number, service.id, service.version, service.organisationId, route.state, route.state === 'information-requested', route.outcome, channel,
      scaleId(1, party.applicant), `${nameOf(party.applicant).given} ${nameOf(party.applicant).family}`, party.kind, party.id, party.name, lang,
      JSON.stringify(answers), sha, feeDue || paid ? 'standard' : null, feeDue || paid ? 8500 : 0, feeDue ? 'due' : paid ? 'paid' : 'none',
      true, term.days, term.unit, false, submittedAt, termStarted, dueOn, assigned === null ? null : scaleId(1, assigned), decidedAt,
      `seed-${i}`, decidedAt ?? lastAt, route.events.length, rating, rating === null ? null : new Date(lastAt.getTime() + 3_600_000)]);
    route.events.forEach(([event, from, to], k) => {
      const role = EVENT_ROLE[event] ?? 'clerk';
      const actor = role === 'applicant' ? party.applicant : role === 'system' ? null : role === 'decision-maker' ? decider : (assigned ?? officer);
      out.case_events.push([id, event, from, to, actor === null ? null : scaleId(1, actor), actor === null && role !== 'system' ? 'system' : role,
        role === 'applicant' ? channel : role === 'system' ? 'system' : 'web', event === 'refuse' ? 'Подано не всі документи' : null, null,
        eventAt(k)]);
    });
    if (route.state === 'information-requested' && officer !== null) {
      const askedAt = lastAt;
      out.information_requests.push([scaleId(3, i), id, 'Додайте, будь ласка, копію документа, що посвідчує особу.', scaleId(1, assigned ?? officer), askedAt, dayOf(askedAt), dayOf(new Date(askedAt.getTime() + 14 * DAY))]);
    }
    if ((route.outcome === 'granted' || route.outcome === 'refused') && decidedAt !== null) {
      const pdf = Buffer.from(`%PDF-1.7 seeded decision ${number}\n`, 'utf8');
      out.documents.push([scaleId(4, i), id, route.outcome === 'granted' ? 'decision-granted' : 'decision-refused', `D-${number}`, service.organisationId, lang,
        createHash('sha256').update(pdf).digest('hex'), 'seed', 'seed', 'seed', decidedAt, pdf]);
    }
  }
  return out;
}
