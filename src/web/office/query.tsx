import type { BackOfficeService, QueueQuery } from '../../modules/cases/index.ts';
import { defaultWorkflow } from '../../modules/workflow/index.ts';

/** The back office's shapes and request readers (no rendering): queue filters, form bodies, ids. */

export type CaseView = NonNullable<Awaited<ReturnType<BackOfficeService['view']>>>;
export type QueuePage = Awaited<ReturnType<BackOfficeService['queue']>>;
export type Officer = CaseView['officers'][number];

export const ASSIGNED = ['any', 'me', 'nobody'] as const;
export type Assigned = (typeof ASSIGNED)[number];

/** What the queue's filter form asks for; `agency` is always one of the officer's agencies. */
export interface QueueFilters {
  readonly agency: string;
  readonly state: string | null;
  readonly service: string | null;
  readonly assigned: Assigned;
  /** Cases not yet decided only: the default, since an officer's queue is the work still to do; `running=0` shows every case. A chosen state overrides it. */
  readonly running: boolean;
  /** The page: after or before a case's key (from a "next"/"previous" link), or the first. */
  readonly after: string | null;
  readonly before: string | null;
}

type Raw = Readonly<Record<string, unknown>>;

/** A single query value, trimmed; '' when absent (form fields are read with common/form-values.ts). */
export const one = (raw: Raw, key: string): string => {
  const value = raw[key];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first.trim() : '';
};

/** What a page key looks like in a link (the cases module decides whether it is one). */
const PAGE_KEY = /^[A-Za-z0-9_-]{1,400}$/;

const STATES = new Set(defaultWorkflow.states.map((s) => s.id));

/** Reads the filter form leniently: a value that is not one of the choices counts as not chosen. */
export function parseQueueFilters(raw: Raw, agencies: readonly string[]): QueueFilters {
  const agency = one(raw, 'agency');
  const state = one(raw, 'state');
  const service = one(raw, 'service');
  const assigned = one(raw, 'assigned');
  const after = one(raw, 'after');
  const before = one(raw, 'before');
  return {
    agency: agencies.includes(agency) ? agency : (agencies[0] ?? ''),
    state: STATES.has(state) ? state : null,
    service: /^[a-z0-9-]{2,80}$/.test(service) ? service : null,
    assigned: (ASSIGNED as readonly string[]).includes(assigned) ? (assigned as Assigned) : 'any',
    running: one(raw, 'running') !== '0',
    after: PAGE_KEY.test(after) ? after : null,
    before: PAGE_KEY.test(before) && !PAGE_KEY.test(after) ? before : null,
  };
}

/** The filters as query parameters (defaults left out), for links, the form's hidden copy and redirects. */
export function filterParams(f: QueueFilters, agencies: readonly string[], page: { after?: string | null; before?: string | null } = f): Record<string, string | number | undefined> {
  return {
    agency: agencies.length > 1 ? f.agency : undefined,
    state: f.state ?? undefined,
    service: f.service ?? undefined,
    assigned: f.assigned === 'any' ? undefined : f.assigned,
    running: f.running ? undefined : '0',
    after: page.after ?? undefined,
    before: page.before ?? undefined,
  };
}

export const filterQueryString = (f: QueueFilters, agencies: readonly string[]): string => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filterParams(f, agencies))) {
    if (v !== undefined) {
      query.set(k, String(v));
    }
  }
  return query.toString();
};

export const toQueueQuery = (f: QueueFilters): QueueQuery => ({
  agencyId: f.agency, state: f.state, serviceId: f.service, assigned: f.assigned,
  // A chosen state says what the officer wants to see, decided or not.
  running: f.running && f.state === null,
  cursor: f.after !== null ? { after: f.after } : f.before !== null ? { before: f.before } : null,
});

/** The workflow events an officer causes from the case view, in the order they are offered. */
export const OFFICER_EVENTS = ['register', 'start-review', 'request-information', 'grant', 'refuse', 'close'] as const;
export type OfficerEvent = (typeof OFFICER_EVENTS)[number];
export const isOfficerEvent = (event: string): event is OfficerEvent => (OFFICER_EVENTS as readonly string[]).includes(event);
