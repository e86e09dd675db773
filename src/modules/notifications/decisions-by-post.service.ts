import type { Clock } from '../../kernel/clock.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { newId } from '../../platform/security/tokens.ts';
import { recordCaseEvent } from '../cases/index.ts';
import { kyivDay, type WorkingCalendar } from '../deadlines/index.ts';
import { decisionByPostLetter } from './case-templates.ts';
import { decisionsByPostRepository } from './decisions-by-post.repository.ts';
import { lettersRepository } from './letters.repository.ts';
import type { NotificationLinks } from './links.ts';
import { noticesRepository } from './notices.repository.ts';

export interface DecisionsByPostDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly links: NotificationLinks;
  /** How many working days after it was put in the inbox an unopened, undownloaded decision goes by post. */
  readonly afterWorkingDays: number;
}

/** The case events the job writes (their channel is the post, their actor the portal). */
const DECISION_POSTED_EVENT = 'decision-sent-by-post';
const DECISION_UNREAD_EVENT = 'decision-unread-no-address';

const BATCH = 50;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Decisions delivered with proof: a decision put in the portal inbox that no person told has opened or
 * downloaded by the end of the configured working days (the working calendar of the deadlines module,
 * counted from the Kyiv day it was told) goes to the applicant by post — a letter through the print queue
 * with the sealed decision enclosed, written in the applicant's language — once per decision, recorded on
 * the case's history (`decision-sent-by-post`, channel post) and in the audit log. An applicant without a
 * postal address: recorded once as such (`decision-unread-no-address`), for the officers to act on.
 * Each decision is claimed with `FOR UPDATE SKIP LOCKED` and recorded under its primary key, so several
 * processes, or a run repeated, never post it twice.
 */
export function createDecisionsByPost(deps: DecisionsByPostDeps) {
  const { db, clock, calendar, links, afterWorkingDays } = deps;
  /** The first day on which a decision told on `toldOn` counts as unread. */
  const dueOn = (toldOn: string) => calendar.addWorkingDays(toldOn, afterWorkingDays);

  /** Posts one claimed decision; false when another process holds it or has done it. */
  async function post(documentId: string, toldOn: string): Promise<'letter' | 'no-address' | null> {
    return auditedTransaction(db, async (tx) => {
      const d = await decisionsByPostRepository.claim(tx, documentId);
      const c = d === null ? null : await noticesRepository.noticeCase(tx, d.caseId);
      const applicant = d === null ? null : await noticesRepository.person(tx, d.applicantPersonId);
      if (d === null || c === null || applicant === null) {
        return null;
      }
      const now = clock.now();
      const lang = applicant.language;
      const letterId = applicant.postalAddress === null ? null : newId();
      if (letterId !== null && applicant.postalAddress !== null) {
        const text = decisionByPostLetter(lang, c.number, d.outcome ?? '', toldOn, afterWorkingDays, links.applicantCase(lang, c.id));
        await lettersRepository.insert(tx, {
          id: letterId, personId: applicant.personId, caseId: c.id, caseNumber: c.number, organisationId: c.organisationId, lang, kind: 'decision',
          subject: text.subject, body: text.text, address: applicant.postalAddress, sourceKey: `decision-by-post:${documentId}`, createdAt: now, documentId,
        });
      }
      if (!(await decisionsByPostRepository.record(tx, { documentId, caseId: c.id, personId: applicant.personId, letterId, dueOn: dueOn(toldOn), at: now }))) {
        return null;
      }
      await recordCaseEvent(tx, {
        caseId: c.id, event: letterId === null ? DECISION_UNREAD_EVENT : DECISION_POSTED_EVENT, actorPersonId: null, actorRole: 'system',
        channel: letterId === null ? 'system' : 'post', reason: null, at: now,
      });
      await appendAudit(tx, {
        at: now, action: letterId === null ? 'decision.unread' : 'decision.posted', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null,
        subject: `case:${c.number}`, detail: { documentId, letterId, toldOn, afterWorkingDays },
      });
      return letterId === null ? 'no-address' : 'letter';
    });
  }

  return {
    afterWorkingDays,
    /** One run: every decision that is due goes by post. Answers how many letters and how many without an address. */
    async run(): Promise<{ letters: number; noAddress: number }> {
      const now = clock.now();
      const today = kyivDay(now);
      // n working days are at least n calendar days: nothing told since then can be due.
      const toldBefore = new Date(now.getTime() - afterWorkingDays * DAY_MS);
      const skip: string[] = [];
      const done = { letters: 0, noAddress: 0 };
      for (;;) {
        const batch = await decisionsByPostRepository.unread(db, { toldBefore, limit: BATCH, skip });
        for (const u of batch) {
          const toldOn = kyivDay(u.toldAt);
          if (dueOn(toldOn) >= today) {
            return done; // oldest first: none after this one is due either
          }
          skip.push(u.documentId);
          const outcome = await post(u.documentId, toldOn);
          if (outcome === 'letter') {
            done.letters++;
          } else if (outcome === 'no-address') {
            done.noAddress++;
          }
        }
        if (batch.length < BATCH) {
          return done;
        }
      }
    },
  };
}
