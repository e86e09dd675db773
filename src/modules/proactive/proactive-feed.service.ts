import { createHash } from 'node:crypto';

import type { Clock } from '../../kernel/clock.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import { eventCursor, type RegistryEvent, type RegistryFeedKey } from '../../platform/registries/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { CasesService } from '../cases/index.ts';
import { workflowOf } from '../cases/index.ts';
import type { CatalogueService, Service } from '../catalogue/index.ts';
import { addDays, kyivDay } from '../deadlines/index.ts';
import { assistedApplicants, type RegisteredPerson } from '../identity/index.ts';
import type { RegistriesService } from '../registries/index.ts';
import { proactiveRepository } from './proactive.repository.ts';
import { objectBy, PROACTIVE_NOTICE_TOPIC, type ProactiveNoticeMessage, type ProactiveRule, systemGrantEvent } from './proactive.ts';

export interface ProactiveDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: CatalogueService;
  readonly cases: Pick<CasesService, 'open' | 'claim' | 'applyInTransaction'>;
  readonly registries: Pick<RegistriesService, 'events' | 'readForProactive'>;
  /** How far back a feed read for the first time starts (days before today). */
  readonly lookbackDays: number;
  /** Events read per feed and run. */
  readonly batch?: number;
}

type Triggered = Service & { readonly proactive: ProactiveRule };
/**
 * Whom an event concerns for a service: the person told (whose case it is, the acting party), and the person the
 * case is about when another (the child born: the represented party, as when a parent acts for a child).
 */
type Beneficiary = { readonly person: RegisteredPerson; readonly about?: { readonly nationalId: string; readonly name: string } };

const LEASE_SECONDS = 300;

const today = (deps: ProactiveDeps) => kyivDay(deps.clock.now());

/** The person an event names for a service, read from the registries (each read an access record); null: none. */
export async function beneficiaryOf(deps: ProactiveDeps, event: RegistryEvent, agencyId: string): Promise<Beneficiary | null> {
  const personOf = async (nationalId: string) => {
    const read = await deps.registries.readForProactive('population.person', nationalId, agencyId);
    return read.ok ? read.value.record : null;
  };
  switch (event.kind) {
    case 'birth-registered': {
      const child = await personOf(event.subject);
      const parent = child?.parents[0];
      return child === null || parent === undefined ? null : { person: parent, about: { nationalId: child.nationalId, name: `${child.givenName} ${child.familyName}` } };
    }
    case 'turned-18':
    case 'pension-age-reached': {
      const p = await personOf(event.subject);
      return p === null ? null : { person: { nationalId: p.nationalId, givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate } };
    }
    case 'company-registered': {
      const company = await deps.registries.readForProactive('business.company', event.subject, agencyId);
      const director = company.ok ? company.value.record?.directors[0] : undefined;
      const p = director === undefined ? null : await personOf(director);
      return p === null ? null : { person: { nationalId: p.nationalId, givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate } };
    }
  }
}

/** One event for one service: the item (once), the case when automatic, the notice. Answers whether it was new. */
export async function handleEvent(deps: ProactiveDeps, event: RegistryEvent, service: Triggered): Promise<boolean> {
  const who = await beneficiaryOf(deps, event, service.organisationId);
  if (who === null) {
    return false;
  }
  const rule = service.proactive;
  return auditedTransaction(deps.db, async (tx) => {
    const now = deps.clock.now();
    const person = await assistedApplicants.fromRegister(tx, who.person, now);
    const id = newId();
    const caseId = rule.mode === 'automatic' ? newId() : null;
    const window = rule.mode === 'automatic' ? objectBy(today(deps), rule) : null;
    const fresh = await proactiveRepository.insert(tx, {
      id, eventId: event.id, eventKind: event.kind, eventDay: event.day, serviceId: service.id, organisationId: service.organisationId, mode: rule.mode,
      personId: person.id, subject: event.subject, caseId, status: rule.mode === 'automatic' ? 'pending' : 'offered', objectBy: window, at: now,
    });
    if (!fresh) {
      return false;
    }
    let caseNumber: string | null = null;
    if (caseId !== null) {
      // One case per service and person concerned (ADR 0035): applied for already (the birth bundle), the item names that case.
      const held = await deps.cases.claim(tx, { serviceId: service.id, subjectNationalId: event.subject, caseId, source: 'proactive' });
      if (held !== null) {
        await proactiveRepository.cover(tx, id, held.caseId, now);
        await appendAudit(tx, {
          at: now, action: 'proactive.applied-already', outcome: 'done', channel: 'proactive', actorPersonId: null, actingFor: null,
          subject: `person:${person.id}`, detail: { item: id, event: event.id, service: service.id, agency: service.organisationId, case: held.caseId, source: held.source },
        });
        return true;
      }
      const name = `${person.givenName} ${person.familyName}`;
      const about = who.about;
      const opened = await deps.cases.open(tx, {
        id: caseId, service, answers: { event: event.id, subject: event.subject }, answersSha256: createHash('sha256').update(JSON.stringify({ event: event.id, subject: event.subject })).digest('hex'),
        documentsComplete: true, channel: 'proactive', applicant: { personId: person.id, name },
        party: about === undefined ? { kind: 'self', id: null, name } : { kind: 'person', id: about.nationalId, name: about.name },
        actingFor: about === undefined ? null : `person:${about.nationalId}`,
        lang: 'uk', idempotencyKey: `proactive:${event.id}:${service.id}`, openedBySystem: true,
      });
      if (opened === null) {
        throw new Error(`a proactive case for ${event.id} and ${service.id} exists without its item`);
      }
      caseNumber = opened.number;
    }
    await appendAudit(tx, {
      at: now, action: rule.mode === 'automatic' ? 'proactive.opened' : 'proactive.offered', outcome: 'done', channel: 'proactive', actorPersonId: null, actingFor: null,
      subject: `person:${person.id}`, detail: { item: id, event: event.id, service: service.id, agency: service.organisationId, case: caseNumber, objectBy: window },
    });
    const notice: ProactiveNoticeMessage = { itemId: id, personId: person.id, mode: rule.mode, serviceName: service.name, caseNumber, objectBy: window };
    await outboxRepository.enqueue(tx, { topic: PROACTIVE_NOTICE_TOPIC, payload: notice, idempotencyKey: `proactive-notice:${id}`, availableAt: now });
    return true;
  });
}

/** One feed: claim it, read the events after its cursor, handle them, move the cursor on. */
export async function pullFeed(deps: ProactiveDeps, feed: RegistryFeedKey, services: readonly Triggered[]): Promise<{ events: number; items: number }> {
  const token = newId();
  const claimed = await deps.db.transaction(async (tx) => {
    await proactiveRepository.ensureFeed(tx, feed, eventCursor(addDays(today(deps), -deps.lookbackDays), ''));
    return proactiveRepository.claimFeed(tx, feed, token, deps.clock.now(), LEASE_SECONDS);
  });
  if (claimed === null) {
    return { events: 0, items: 0 };
  }
  const page = await deps.registries.events(feed, claimed.cursor, deps.batch ?? 100);
  if (!page.ok) {
    await proactiveRepository.advance(deps.db, feed, token, claimed.cursor, 0, deps.clock.now());
    return { events: 0, items: 0 };
  }
  let items = 0;
  for (const event of page.value.events) {
    for (const service of services.filter((s) => s.proactive.trigger === event.kind)) {
      items += (await handleEvent(deps, event, service)) ? 1 : 0;
    }
  }
  await proactiveRepository.advance(deps.db, feed, token, page.value.cursor, page.value.events.length, deps.clock.now());
  return { events: page.value.events.length, items };
}

/** Automatic grants whose window passed without an objection: granted per the workflow, or left to an officer. */
export async function grantDue(deps: ProactiveDeps, services: readonly Service[]): Promise<{ granted: number; forOfficer: number }> {
  return auditedTransaction(deps.db, async (tx) => {
    let granted = 0;
    let forOfficer = 0;
    for (const item of await proactiveRepository.claimDue(tx, today(deps), 50)) {
      const service = services.find((s) => s.id === item.serviceId);
      const c = item.caseId;
      const event = service === undefined ? null : systemGrantEvent(workflowOf(service), 'submitted');
      const moved = service === undefined || c === null || event === null ? null : await deps.cases.applyInTransaction(tx, c, service, { personId: null, role: 'system', channel: 'proactive', actingFor: null }, event);
      const status = moved?.ok === true ? 'granted' : 'for-officer';
      await proactiveRepository.setStatus(tx, item.id, status, deps.clock.now());
      granted += status === 'granted' ? 1 : 0;
      forOfficer += status === 'for-officer' ? 1 : 0;
    }
    return { granted, forOfficer };
  });
}
