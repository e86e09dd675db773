import type { Service } from '../catalogue/index.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { ActingOption, Actor, Person, SignedIn } from '../identity/index.ts';
import { workflowOf } from './case-transitions.service.ts';
import { answerByOf } from './answer-term.ts';
import { type CaseOverview, caseTurn, type OpenRequest } from './case-overview.ts';
import { type CabinetParty, cabinetRepository } from './cabinet.repository.ts';
import type { CasesDeps } from './cases.service.ts';
import { canActOnCase } from './cases.policy.ts';
import { paymentsRepository } from './payments.repository.ts';
import { paymentStanding } from './payment-standing.ts';

/** The cases of one party the person may act for, as the cabinet shows them. */
export interface PartyCases {
  readonly option: ActingOption;
  readonly cases: readonly CaseOverview[];
}

/** How many of a party's newest cases the cabinet lists besides those that wait for something. */
export const CABINET_RECENT_CASES = 5;
/** A decision counts as "ready to download" this many days after it was issued. */
export const CABINET_DOCUMENT_DAYS = 30;

const cabinetParty = (person: Person, option: ActingOption): CabinetParty =>
  option.party.kind === 'self' ? { kind: 'self', personId: person.id, nationalId: person.nationalId } : option.party;

/** Whose cases to read: a person, acting for themselves, with every party they may act for now. */
interface Reader {
  readonly person: Person;
  readonly actor: Extract<Actor, { kind: 'person' }>;
  readonly options: readonly ActingOption[];
}

/**
 * The cabinet's reads over every party the person may act for; who may act for whom is the identity
 * policy's (`canActOnCase`). The person's own cabinet reads `deps.reads` (a replica, with
 * read-your-writes, ADR 0018); the contact centre's reads of a caller run beside its transaction and
 * stay on the primary.
 */
export function cabinetReads(deps: CasesDeps, serviceOf: (id: string) => Promise<Service>) {
  const { db, clock, calendar } = deps;
  const lagging = deps.reads ?? db;

  async function partyCases(q: Queryable, actor: Extract<Actor, { kind: 'person' }>, party: CabinetParty, now: Date): Promise<CaseOverview[]> {
    const since = new Date(now.getTime() - CABINET_DOCUMENT_DAYS * 86_400_000);
    const rows = await cabinetRepository.casesOf(q, party, { recent: CABINET_RECENT_CASES, documentsSince: since });
    const visible: Array<{ c: (typeof rows)[number]; service: Service }> = [];
    for (const c of rows) {
      const service = await serviceOf(c.serviceId);
      if (canActOnCase(actor, c, service, now)) {
        visible.push({ c, service });
      }
    }
    const ids = visible.map((v) => v.c.id);
    const [requests, documents] = await Promise.all([cabinetRepository.openRequests(q, ids), cabinetRepository.documents(q, ids)]);
    const out: CaseOverview[] = [];
    for (const { c, service } of visible) {
      const state = workflowOf(service).states.find((s) => s.id === c.state);
      const asked = requests.get(c.id);
      const open: OpenRequest | null = asked === undefined ? null : { id: asked.id, question: asked.question, askedAt: asked.askedAt, askedOn: asked.askedOn, answerDueOn: answerByOf(asked, calendar) };
      const payment = c.state === 'awaiting-payment' ? paymentStanding(await paymentsRepository.ofCase(q, c.id), now) : null;
      out.push({
        case: c, serviceName: service.name,
        state: { id: c.state, kind: state?.kind ?? 'active', label: state?.label ?? { uk: c.state, en: c.state } },
        turn: caseTurn(c, state?.kind ?? 'active', open, payment),
        documents: (documents.get(c.id) ?? []).filter((d) => d.status === 'valid'),
      });
    }
    return out;
  }

  async function overviewOf(q: Queryable, reader: Reader): Promise<PartyCases[]> {
    const now = clock.now();
    const parties: PartyCases[] = [];
    for (const option of reader.options) {
      parties.push({ option, cases: await partyCases(q, { ...reader.actor, acting: option }, cabinetParty(reader.person, option), now) });
    }
    return parties;
  }

  return {
    /**
     * For the cabinet: for each party the person may act for now (themselves first, then companies,
     * children and mandates), the cases that wait for something and the newest few. A mandate shows
     * only the cases of services its scope covers.
     */
    async overview(signedIn: SignedIn): Promise<PartyCases[]> {
      return signedIn.actor.kind === 'person' ? overviewOf(lagging, signedIn) : [];
    },

    /**
     * The same overview of someone else's cases, for staff who answer them by telephone (the contact
     * centre): the caller must be identified first, and the read recorded in the audit log by the contact-centre service.
     */
    overviewForCaller: (caller: Reader): Promise<PartyCases[]> => overviewOf(db, caller),
  };
}
