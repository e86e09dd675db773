import type { Clock } from '../../kernel/clock.ts';
import { isUuid } from '../../kernel/ids.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import type { Lang } from '../../kernel/text.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import { appendPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import { canActOnCase, type CaseRecord, roleIn } from '../cases/index.ts';
import type { CatalogueService, Service } from '../catalogue/index.ts';
import { kyivDay, type WorkingCalendar } from '../deadlines/index.ts';
import type { Actor, SignedIn } from '../identity/index.ts';
import {
  type AppealChannel, type AppealInput, type AppealKind, type AppealRecord, appealTermOf, canExtend, extendedDueOn, MAX_APPEAL_TEXT, QUICK_TERM, routeOf,
  termEnd,
} from './appeal.ts';
import { APPEAL_NOTICE_TOPIC, type AppealNoticeMessage } from './appeal-messages.ts';
import {
  AppealAgencyUnknown, AppealAnswered, AppealCaseUnknown, AppealNotAllowed, AppealNotExtendable, AppealNotFound, AppealReplyRequired,
  AppealTextRequired, type AnswerFailure, type AssignFailure, CaseNotRefused, type ExtendFailure, type FileFailure, type RefusalAppealFailure, RefusalAppealedAlready,
} from './appeals.errors.ts';
import { answerableAgencies, mayAnswer, mayAssign, mayTriage } from './appeals.policy.ts';
import { appealsRepository } from './appeals.repository.ts';
import { checkAppeal, inFormOrder } from './appeal-checks.ts';
import { intakeActions, type IntakeDeps } from './appeal-intake.service.ts';

export interface AppealsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly catalogue: CatalogueService;
  readonly cases: {
    byNumber(number: string): Promise<CaseRecord | null>;
    byId(q: Queryable, id: string): Promise<CaseRecord | null>;
  };
  /** The contact centre: the identified caller of an operator's call still going. */
  readonly callers: IntakeDeps['callers'];
}

/** An appeal that came by SMS, filed in the transaction that stores the message. */
export interface SmsAppeal {
  readonly kind: Exclude<AppealKind, 'refusal-appeal'>;
  readonly text: string;
  /** The person who confirmed the number (exactly one did), or null: an anonymous appeal. */
  readonly person: { readonly id: string; readonly name: string } | null;
  readonly number: string;
  readonly lang: Lang;
  readonly smsMessageId: string;
}

/** What the officer's appeal page shows, with what this officer may do. */
export interface OfficerAppeal {
  readonly appeal: AppealRecord;
  readonly events: Awaited<ReturnType<typeof appealsRepository.events>>;
  /** The day a quick answer (no extra study, 15 days) is due. */
  readonly quickDueOn: string;
  readonly mayAnswer: boolean;
  readonly mayAssign: boolean;
  readonly mayExtend: boolean;
}

const LIST_LIMIT = 200;

type Actorish = { personId: string | null; role: string; channel: AppealChannel | 'system'; actingFor?: string | null };

/**
 * Citizens' appeals: filing from every channel (the web, SMS; phone, post and counter through the
 * officer who takes them), triage, the written answer and the extension with notice. Every change is
 * one transaction: the appeal row, its event (who, in which role, through which channel), the audit
 * record and — when the person is to be told — the outbox message.
 */
export function createAppealsService(deps: AppealsDeps) {
  const h = helpers(deps);
  const intake = intakeActions({
    db: deps.db, clock: deps.clock, agencies: async () => (await h.organisations()).map((o) => o.id), caseByNumber: (n) => deps.cases.byNumber(n), callers: deps.callers, insert: h.insert,
  });
  return { ...filing(deps, h), ...reading(deps), ...officerActions(deps, h), ...intake };
}

type Helpers = ReturnType<typeof helpers>;

function helpers(deps: AppealsDeps) {
  const { db, clock, calendar, catalogue } = deps;
  const organisations = async () => (await catalogue.organisations()).value;

  async function record(tx: Queryable, a: AppealRecord, event: 'file' | 'assign' | 'extend' | 'answer', actor: Actorish, detail: string | null): Promise<void> {
    const at = clock.now();
    await appealsRepository.addEvent(tx, { appealId: a.id, event, actorPersonId: actor.personId, actorRole: actor.role, channel: actor.channel, detail, at });
    await appendAudit(tx, {
      at, action: `appeal.${event}`, outcome: 'done', channel: actor.channel === 'system' ? 'system' : actor.channel, actorPersonId: actor.personId,
      actingFor: actor.actingFor ?? null,
      subject: `appeal:${a.number}`, detail: { kind: a.kind, organisation: a.organisationId, ...(actor.role === 'citizen' || actor.role === 'anonymous' || actor.role === 'officer' ? {} : { role: actor.role }) },
    });
  }

  async function insert(tx: Queryable, input: Omit<Parameters<typeof appealsRepository.insert>[1], 'id' | 'year' | 'filedAt' | 'filedOn' | 'termDays' | 'dueOn'>, term: { days: number; unit: 'calendar' | 'working' }, actor: Actorish, detail: string | null = null, receivedOn: string | null = null): Promise<AppealRecord> {
    const now = clock.now();
    const filedOn = receivedOn ?? kyivDay(now);
    const id = newId();
    await appealsRepository.insert(tx, { ...input, id, year: Number(filedOn.slice(0, 4)), filedAt: now, filedOn, termDays: term.days, dueOn: termEnd(filedOn, term, calendar) });
    const a = await appealsRepository.byId(tx, id);
    if (a === null) {
      throw new Error('an appeal just inserted is missing');
    }
    await record(tx, a, 'file', actor, detail);
    return a;
  }

  async function notify(tx: Queryable, a: AppealRecord, notice: AppealNoticeMessage['notice'], text: string): Promise<void> {
    const payload: AppealNoticeMessage = {
      appealId: a.id, number: a.number, notice, personId: a.personId, replyNumber: a.replyNumber, channel: a.channel, personName: a.personName, postalAddress: a.postalAddress,
      organisationId: a.organisationId, lang: a.lang, text, dueOn: a.dueOn,
    };
    await outboxRepository.enqueue(tx, { topic: APPEAL_NOTICE_TOPIC, payload, idempotencyKey: `appeal-${notice}:${a.id}`, availableAt: clock.now() });
  }

  /** Runs `work` on an appeal locked in a new audited transaction, if `allowed` says this officer may. */
  async function withOfficerAppeal<E>(signedIn: SignedIn, appealId: string, allowed: (actor: Actor, a: AppealRecord) => boolean, work: (tx: Queryable, a: AppealRecord) => Promise<Result<AppealRecord, E | AppealNotFound>>): Promise<Result<AppealRecord, E | AppealNotFound>> {
    if (!isUuid(appealId)) {
      return err(new AppealNotFound(appealId));
    }
    return auditedTransaction(db, async (tx) => {
      const a = await appealsRepository.byId(tx, appealId, { lock: true });
      if (a === null || !(mayAnswer(signedIn.actor, a) || mayAssign(signedIn.actor, a)) || !allowed(signedIn.actor, a)) {
        return err(new AppealNotFound(appealId));
      }
      return work(tx, a);
    });
  }

  async function save(tx: Queryable, next: AppealRecord): Promise<AppealRecord> {
    if (!(await appealsRepository.update(tx, next))) {
      throw new Error(`appeal ${next.number} changed under its lock`);
    }
    return { ...next, version: next.version + 1 };
  }

  const officerActor = (signedIn: SignedIn): Actorish => ({ personId: signedIn.person.id, role: 'officer', channel: 'web' });
  return { organisations, record, insert, notify, withOfficerAppeal, save, officerActor };
}

function filing(deps: AppealsDeps, h: Helpers) {
  const { db, clock, catalogue } = deps;
  const { organisations, insert } = h;
  return {
    /**
     * A signed-in person files an appeal (the web, the API). The agency is optional (none: triage); a
     * case it names must be one the person may see, and then the appeal goes to the case's agency
     * unless the person named another.
     */
    async file(signedIn: SignedIn, input: AppealInput, channel: AppealChannel = 'web'): Promise<Result<AppealRecord, FileFailure[]>> {
      const { problems, kind, text, agency, officer } = checkAppeal(input, (await organisations()).map((o) => o.id));
      let named: CaseRecord | null = null;
      if (input.caseNumber.trim() !== '') {
        named = await deps.cases.byNumber(input.caseNumber.trim());
        const service = named === null ? null : (await catalogue.service(named.serviceId)).value;
        if (named === null || service === null || !canActOnCase(signedIn.actor, named, service, clock.now())) {
          problems.push(new AppealCaseUnknown());
        }
      }
      if (problems.length > 0 || kind === null) {
        return err(inFormOrder(problems));
      }
      const organisationId = routeOf({ kind, namedAgency: agency === '' ? null : agency, caseAgency: named?.organisationId ?? null, parentOfCaseAgency: null });
      const person = signedIn.person;
      return ok(await auditedTransaction(db, (tx) => insert(tx, {
        kind, channel, personId: person.id, personName: `${person.givenName} ${person.familyName}`, replyNumber: null, lang: 'uk', organisationId, text,
        namedCaseId: named?.id ?? null, namedOfficer: officer === '' ? null : officer, smsMessageId: null,
      }, appealTermOf(kind, undefined), { personId: person.id, role: 'citizen', channel })));
    },

    /** An appeal by SMS, in the caller's transaction (the one storing the message): always to triage (a text names no agency). */
    async fileBySms(tx: Queryable, m: SmsAppeal): Promise<AppealRecord> {
      return insert(tx, {
        kind: m.kind, channel: 'sms', personId: m.person?.id ?? null, personName: m.person?.name ?? null, replyNumber: m.number, lang: m.lang,
        organisationId: null, text: m.text.slice(0, MAX_APPEAL_TEXT), namedCaseId: null, namedOfficer: null, smsMessageId: m.smsMessageId,
      }, appealTermOf(m.kind, undefined), { personId: m.person?.id ?? null, role: m.person === null ? 'anonymous' : 'citizen', channel: 'sms' });
    },

    /**
     * An appeal against the refusal of a case the person may see: to the supervising body (the
     * refusing agency's parent in the catalogue, else triage), with the service's appeal term. One
     * per refusal: a second attempt answers with the first.
     */
    async appealRefusal(signedIn: SignedIn, caseId: string, text: string): Promise<Result<AppealRecord, RefusalAppealFailure>> {
      const c = isUuid(caseId) ? await deps.cases.byId(db, caseId) : null;
      const service: Service | null = c === null ? null : (await catalogue.service(c.serviceId)).value;
      if (c === null || service === null || !canActOnCase(signedIn.actor, c, service, clock.now())) {
        return err(new AppealCaseUnknown());
      }
      if (c.outcome !== 'refused') {
        return err(new CaseNotRefused(c.id));
      }
      const body = text.trim();
      if (body === '' || body.length > MAX_APPEAL_TEXT) {
        return err(new AppealTextRequired(body.length > MAX_APPEAL_TEXT));
      }
      const parent = (await organisations()).find((o) => o.id === c.organisationId)?.parentId ?? null;
      const person = signedIn.person;
      return auditedTransaction(db, async (tx): Promise<Result<AppealRecord, RefusalAppealFailure>> => {
        const before = await appealsRepository.refusalAppealOf(tx, c.id);
        if (before !== null) {
          return err(new RefusalAppealedAlready(before.id));
        }
        return ok(await insert(tx, {
          kind: 'refusal-appeal', channel: 'web', personId: person.id, personName: `${person.givenName} ${person.familyName}`, replyNumber: null, lang: c.lang,
          organisationId: routeOf({ kind: 'refusal-appeal', namedAgency: null, caseAgency: c.organisationId, parentOfCaseAgency: parent }), text: body,
          namedCaseId: c.id, namedOfficer: null, smsMessageId: null,
        }, appealTermOf('refusal-appeal', service.appealTerm), { personId: person.id, role: 'citizen', channel: 'web' }));
      });
    },

  };
}

/** The role under which an appeal in triage is read (those who triage: a supervisor, a national administrator, the contact centre). */
const triageRole = (signedIn: SignedIn): string =>
  (['supervisor', 'national-admin', 'contact-centre'] as const).find((r) => signedIn.staff.some((s) => s.role === r)) ?? 'staff';

function reading(deps: AppealsDeps) {
  const { db, clock, calendar } = deps;
  return {
    /** The appeal made against a case's refusal, for whoever may see the case. */
    async refusalAppealOf(signedIn: SignedIn, caseId: string): Promise<AppealRecord | null> {
      const a = isUuid(caseId) ? await appealsRepository.refusalAppealOf(db, caseId) : null;
      return a !== null && a.personId === signedIn.person.id ? a : null;
    },

    /** The person's own appeals, newest first. */
    mine: (signedIn: SignedIn): Promise<AppealRecord[]> => appealsRepository.ofPerson(db, signedIn.person.id, LIST_LIMIT),

    /** One of the person's own appeals, with its history. */
    async forPerson(signedIn: SignedIn, appealId: string) {
      const a = isUuid(appealId) ? await appealsRepository.byId(db, appealId) : null;
      if (a === null || a.personId !== signedIn.person.id) {
        return null;
      }
      return { appeal: a, events: await appealsRepository.events(db, a.id) };
    },

    /** The appeals of the agencies the officer answers for (open first, soonest due first). */
    queue: (signedIn: SignedIn): Promise<AppealRecord[]> => {
      const agencies = answerableAgencies(signedIn.actor);
      return agencies.length === 0 ? Promise.resolve([]) : appealsRepository.list(db, { organisations: agencies, state: null, limit: LIST_LIMIT });
    },

    /** The appeals that name no agency yet, for those who triage. */
    triage: (signedIn: SignedIn): Promise<AppealRecord[]> =>
      mayTriage(signedIn.actor) ? appealsRepository.list(db, { organisations: null, state: 'open', limit: LIST_LIMIT }) : Promise.resolve([]),

    /** One appeal as an officer sees it, if their roles cover its agency (or triage); a read recorded with its purpose. */
    async forOfficer(signedIn: SignedIn, appealId: string): Promise<OfficerAppeal | null> {
      const a = isUuid(appealId) ? await appealsRepository.byId(db, appealId) : null;
      if (a === null) {
        return null;
      }
      const answer = mayAnswer(signedIn.actor, a);
      const assign = mayAssign(signedIn.actor, a);
      if (!answer && !assign) {
        return null;
      }
      // The appeal names its author and says what they wrote: an access record of the author (when the portal knows them), the appeal as purpose.
      await auditedTransaction(db, async (tx) => {
        await appendAudit(tx, {
          at: clock.now(), action: 'appeal.read', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null, subject: `appeal:${a.number}`,
          detail: { purpose: 'appeal-consideration' },
        });
        await appendPersonalDataReads(tx, a.personId === null ? [] : [`person:${a.personId}`], {
          at: clock.now(), channel: 'web', what: 'appeal', purpose: { basis: 'appeal-consideration', appeal: a.number }, caseNumber: null,
          reader: { personId: signedIn.person.id, agencyId: a.organisationId, role: a.organisationId === null ? triageRole(signedIn) : roleIn(signedIn, a.organisationId) },
        });
      });
      return {
        appeal: a, events: await appealsRepository.events(db, a.id), quickDueOn: termEnd(a.filedOn, QUICK_TERM, calendar),
        mayAnswer: answer && a.state === 'open', mayAssign: assign && a.state === 'open', mayExtend: answer && canExtend(a),
      };
    },

  };
}

function officerActions(deps: AppealsDeps, h: Helpers) {
  const { clock, calendar } = deps;
  const { organisations, record, notify, withOfficerAppeal, save, officerActor } = h;
  return {
    /** Sends an appeal to an agency (from triage, or on from a wrong one). */
    async assign(signedIn: SignedIn, appealId: string, agencyId: string): Promise<Result<AppealRecord, AssignFailure>> {
      const agency = agencyId.trim();
      if (!(await organisations()).some((o) => o.id === agency)) {
        return err(new AppealAgencyUnknown(agency));
      }
      return withOfficerAppeal<AssignFailure>(signedIn, appealId, () => true, async (tx, a) => {
        if (!mayAssign(signedIn.actor, a)) {
          return err(new AppealNotAllowed());
        }
        if (a.state !== 'open') {
          return err(new AppealAnswered(a.id));
        }
        const next = await save(tx, { ...a, organisationId: agency });
        await record(tx, next, 'assign', officerActor(signedIn), agency);
        return ok(next);
      });
    },

    /** The written answer: the appeal is closed, and the person is told through their channels. */
    async answer(signedIn: SignedIn, appealId: string, text: string): Promise<Result<AppealRecord, AnswerFailure>> {
      const body = text.trim();
      if (body === '' || body.length > MAX_APPEAL_TEXT) {
        return err(new AppealReplyRequired('answer'));
      }
      return withOfficerAppeal<AnswerFailure>(signedIn, appealId, mayAnswer, async (tx, a) => {
        if (a.state !== 'open') {
          return err(new AppealAnswered(a.id));
        }
        const next = await save(tx, { ...a, state: 'answered', answer: body, answeredAt: clock.now(), answeredBy: signedIn.person.id });
        await record(tx, next, 'answer', officerActor(signedIn), null);
        await notify(tx, next, 'answered', body);
        return ok(next);
      });
    },

    /** Extends the term to 45 days from filing, once, with the reason told to the person. */
    async extend(signedIn: SignedIn, appealId: string, reason: string): Promise<Result<AppealRecord, ExtendFailure>> {
      const why = reason.trim();
      if (why === '' || why.length > MAX_APPEAL_TEXT) {
        return err(new AppealReplyRequired('reason'));
      }
      return withOfficerAppeal<ExtendFailure>(signedIn, appealId, mayAnswer, async (tx, a) => {
        if (!canExtend(a)) {
          return err(new AppealNotExtendable(a.id));
        }
        const next = await save(tx, { ...a, dueOn: extendedDueOn(a, calendar), extendedOn: kyivDay(clock.now()), extensionReason: why });
        await record(tx, next, 'extend', officerActor(signedIn), why);
        await notify(tx, next, 'extended', why);
        return ok(next);
      });
    },
  };
}

export type AppealsService = ReturnType<typeof createAppealsService>;
