import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import type { CatalogueService, Service } from '../catalogue/index.ts';
import { addDays, kyivDay, type ReminderPolicy, remindersFor, type WorkingCalendar } from '../deadlines/index.ts';
import { applyEvent, type TransitionActor } from './case-transitions.service.ts';
import { casesRepository } from './cases.repository.ts';
import { deadlineJobsRepository } from './deadline-jobs.repository.ts';
import { type DocumentIssuer, issueDecisionDocument } from './decisions.service.ts';
import { CASE_ESCALATION_TOPIC, CASE_REMINDER_TOPIC, type CaseDeadlineMessage } from './case-messages.ts';

export interface DeadlineJobsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly catalogue: CatalogueService;
  readonly issuer: DocumentIssuer;
  readonly publicUrl: string;
  readonly reminders: ReminderPolicy;
}


const SYSTEM: TransitionActor = { personId: null, role: 'system', channel: 'system', actingFor: null };
const BATCH = 50;

/**
 * The jobs that watch statutory deadlines. Each claims cases with `FOR UPDATE SKIP LOCKED`, so
 * several portal processes can run them at once and none does a case twice.
 */
export function createDeadlineJobs(deps: DeadlineJobsDeps) {
  const { db, clock, calendar } = deps;

  /**
   * Reminders to the officer holding a case (or the agency's queue) and escalations to the agency's
   * supervisors, on the working days the policy sets before the due date. Each is sent once per due
   * date: a moved due date (a pause) gets its own reminders. Returns how many were sent.
   */
  async function reminders(): Promise<number> {
    const today = kyivDay(clock.now());
    const farthest = Math.max(deps.reminders.escalateSupervisorWorkingDaysBefore, ...deps.reminders.remindOfficerWorkingDaysBefore);
    const until = addDays(today, farthest * 2 + 14); // n working days span at most about 2n + holidays calendar days
    let sent = 0;
    let after: string | null = null;
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const rows = await deadlineJobsRepository.claimDueBy(tx, { until, limit: BATCH, after });
        for (const r of rows) {
          for (const reminder of remindersFor(r.due_on, calendar, deps.reminders, r.term_started_on === null ? {} : { after: r.term_started_on })) {
            if (reminder.day > today) {
              continue;
            }
            const fresh = await deadlineJobsRepository.markReminder(tx, { caseId: r.id, kind: reminder.kind, dueOn: r.due_on, workingDaysBefore: reminder.workingDaysBefore, sentOn: today });
            if (!fresh) {
              continue;
            }
            sent++;
            const to = reminder.kind === 'officer-reminder' ? (r.assigned_to === null ? [] : [r.assigned_to]) : await deadlineJobsRepository.supervisors(tx, r.organisation_id);
            const payload: CaseDeadlineMessage = { caseId: r.id, caseNumber: r.number, organisationId: r.organisation_id, dueOn: r.due_on, workingDaysBefore: reminder.workingDaysBefore, to };
            await outboxRepository.enqueue(tx, {
              topic: reminder.kind === 'officer-reminder' ? CASE_REMINDER_TOPIC : CASE_ESCALATION_TOPIC,
              payload,
              idempotencyKey: `${reminder.kind}:${r.id}:${r.due_on}:${reminder.workingDaysBefore}`,
              availableAt: clock.now(),
            });
          }
        }
        return rows;
      });
      after = batch[batch.length - 1]?.id ?? null;
      if (batch.length < BATCH) {
        return sent;
      }
    }
  }

  const silentConsent = () => silentConsentJob(deps);

  return {
    silentConsent,
    reminders,
    remindersOf: (caseId: string) => deadlineJobsRepository.remindersOf(db, caseId),
    /** Both jobs, one after the other. */
    async tick(): Promise<{ silentConsent: number; reminders: number }> {
      return { silentConsent: await silentConsent(), reminders: await reminders() };
    },
  };
}

/**
 * Silent consent (Law of Ukraine "On the Permit System in Economic Activity", Art. 1): a case of a service that grants it, with complete documents,
 * undecided after its due date, is granted by the portal; the document says so. Returns how many.
 */
async function silentConsentJob(deps: DeadlineJobsDeps): Promise<number> {
  const { db, clock, calendar, catalogue } = deps;
  const today = kyivDay(clock.now());
  const states = ['submitted', 'registered', 'in-review'];
  // The catalogue is read before any transaction opens (no transaction waits for a second connection).
  const services = new Map<string, Service>();
  for (const id of await deadlineJobsRepository.silentConsentServices(db, { today, states })) {
    const service = (await catalogue.service(id)).value;
    if (service !== null) {
      services.set(id, service);
    }
  }
  const organisations = (await catalogue.organisations()).value;
  const skip: string[] = [];
  let granted = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const ids = await deadlineJobsRepository.claimSilentConsent(tx, { today, states, limit: BATCH, skip });
      for (const id of ids) {
        const c = await casesRepository.byId(tx, id, { lock: true });
        const service = c === null ? undefined : services.get(c.serviceId);
        const moved = c === null || service === undefined ? null : await applyEvent(tx, { clock, calendar }, c, service, SYSTEM, { event: 'grant-by-silent-consent' });
        if (c === null || service === undefined || moved === null || !moved.ok) {
          skip.push(id); // its workflow does not allow it from this state, or its service is new: left to the officers
          continue;
        }
        const name = organisations.find((o) => o.id === c.organisationId)?.name ?? { uk: c.organisationId, en: c.organisationId };
        await issueDecisionDocument(tx, { issuer: deps.issuer, publicUrl: deps.publicUrl, organisationName: name }, moved.value, service, {
          kind: 'silent-consent', reasons: null, refusalGroundId: null, at: clock.now(),
        });
        await applyEvent(tx, { clock, calendar }, moved.value, service, SYSTEM, { event: 'issue-result' });
        granted++;
      }
      return ids.length;
    });
    if (claimed < BATCH) {
      return granted;
    }
  }
}
