import { isUuid } from '../../kernel/ids.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import { kyivDay } from '../deadlines/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { ProactiveClosed, ProactiveNotFound } from './proactive.errors.ts';
import { proactiveRepository } from './proactive.repository.ts';
import { mayDismiss, mayObject, mayStart, type ProactiveItem } from './proactive.ts';

import type { ProactiveDeps } from './proactive-feed.service.ts';

/** The person objects to an automatic grant within its window: the case is withdrawn, audited. */
export async function objectTo(deps: ProactiveDeps, signedIn: SignedIn, id: string): Promise<Result<ProactiveItem, ProactiveNotFound | ProactiveClosed>> {
  const peek = isUuid(id) ? await proactiveRepository.byId(deps.db, id) : null;
  const service = peek === null ? null : (await deps.catalogue.service(peek.serviceId)).value;
  if (peek === null || service === null || peek.personId !== signedIn.person.id) {
    return err(new ProactiveNotFound(id));
  }
  return auditedTransaction(deps.db, async (tx): Promise<Result<ProactiveItem, ProactiveNotFound | ProactiveClosed>> => {
    const item = await proactiveRepository.byId(tx, id, { lock: true });
    if (item === null || item.caseId === null || !mayObject(item, kyivDay(deps.clock.now()))) {
      return err(new ProactiveClosed(id, item?.status ?? 'gone'));
    }
    const now = deps.clock.now();
    const moved = await deps.cases.applyInTransaction(tx, item.caseId, service, { personId: signedIn.person.id, role: 'applicant', channel: 'web', actingFor: null }, 'withdraw');
    if (!moved.ok) {
      return err(new ProactiveClosed(id, item.status));
    }
    await proactiveRepository.setStatus(tx, id, 'objected', now);
    await appendAudit(tx, {
      at: now, action: 'proactive.objected', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null,
      subject: `case:${item.caseNumber ?? ''}`, detail: { item: id, service: item.serviceId },
    });
    return ok({ ...item, status: 'objected', decidedAt: now });
  });
}

/** The person dismisses an offer, audited. */
export async function dismissItem(deps: ProactiveDeps, signedIn: SignedIn, id: string): Promise<Result<ProactiveItem, ProactiveNotFound | ProactiveClosed>> {
  return auditedTransaction(deps.db, async (tx): Promise<Result<ProactiveItem, ProactiveNotFound | ProactiveClosed>> => {
    const item = isUuid(id) ? await proactiveRepository.byId(tx, id, { lock: true }) : null;
    if (item === null || item.personId !== signedIn.person.id) {
      return err(new ProactiveNotFound(id));
    }
    if (!mayDismiss(item)) {
      return err(new ProactiveClosed(id, item.status));
    }
    const now = deps.clock.now();
    await proactiveRepository.setStatus(tx, id, 'dismissed', now);
    await appendAudit(tx, {
      at: now, action: 'proactive.dismissed', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null,
      subject: `person:${signedIn.person.id}`, detail: { item: id, service: item.serviceId },
    });
    return ok({ ...item, status: 'dismissed', decidedAt: now });
  });
}

/**
 * The person starts the application from an offer: the item is `started`, audited once (a second press, or an
 * item started already, answers the item as it is). A dismissed offer, or an automatic grant, is closed.
 */
export async function startFrom(deps: ProactiveDeps, signedIn: SignedIn, id: string): Promise<Result<ProactiveItem, ProactiveNotFound | ProactiveClosed>> {
  return auditedTransaction(deps.db, async (tx): Promise<Result<ProactiveItem, ProactiveNotFound | ProactiveClosed>> => {
    const item = isUuid(id) ? await proactiveRepository.byId(tx, id, { lock: true }) : null;
    if (item === null || item.personId !== signedIn.person.id) {
      return err(new ProactiveNotFound(id));
    }
    if (!mayStart(item)) {
      return err(new ProactiveClosed(id, item.status));
    }
    if (item.status === 'started') {
      return ok(item);
    }
    const now = deps.clock.now();
    await proactiveRepository.setStatus(tx, id, 'started', now);
    await appendAudit(tx, {
      at: now, action: 'proactive.started', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null,
      subject: `person:${signedIn.person.id}`, detail: { item: id, service: item.serviceId },
    });
    return ok({ ...item, status: 'started', decidedAt: now });
  });
}
