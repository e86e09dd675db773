import type { Clock } from '../../kernel/clock.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import { supervisedAgencies } from '../cases/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { type CaseDeadLetter, deadLettersRepository } from './dead-letters.repository.ts';
import { DeadLetterNotFound } from './notices.errors.ts';

const LIST_LIMIT = 100;

/**
 * Messages about cases that failed every attempt, for the supervisors of the cases' agencies: they see
 * them and requeue one once its cause is fixed (a fresh set of attempts from now), audited.
 */
export function createDeadLettersService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    list: async (signedIn: SignedIn): Promise<CaseDeadLetter[]> => {
      const agencies = supervisedAgencies(signedIn.actor);
      return agencies.length === 0 ? [] : deadLettersRepository.ofAgencies(db, agencies, LIST_LIMIT);
    },

    async requeue(signedIn: SignedIn, outboxId: string): Promise<Result<CaseDeadLetter, DeadLetterNotFound>> {
      const agencies = supervisedAgencies(signedIn.actor);
      const id = /^[1-9][0-9]{0,15}$/.test(outboxId) ? Number(outboxId) : null;
      if (id === null || agencies.length === 0) {
        return err(new DeadLetterNotFound(outboxId));
      }
      return auditedTransaction(db, async (tx) => {
        const dead = await deadLettersRepository.one(tx, agencies, id);
        const now = clock.now();
        if (dead === null || !(await outboxRepository.requeue(tx, { id, now }))) {
          return err(new DeadLetterNotFound(outboxId));
        }
        await appendAudit(tx, {
          at: now, action: 'outbox.requeue', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null,
          subject: `case:${dead.caseNumber}`, detail: { outboxId: id, topic: dead.topic, attempts: dead.attempts, lastError: dead.lastError },
        });
        return ok(dead);
      });
    },
  };
}

export type DeadLettersService = ReturnType<typeof createDeadLettersService>;
