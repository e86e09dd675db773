import { isDatabaseUnavailable } from '../platform/db/unavailable.ts';
import type { Logger } from '../platform/logging/logger.ts';

import { purgeRefusalCounts } from '../platform/audit/refusals.ts';
import type { Services } from './container.ts';

/** Expired sign-in requests, ended or expired sessions, past rate-limit windows and old refusal counts (by the services' clock). */
export async function purgeStaleSignIns(services: Services) {
  const identity = await services.sessions.purgeExpired();
  const rateLimitCounters = await services.rateLimiter.purgeExpired();
  const refusalCounts = await purgeRefusalCounts(services.db, services.clock.now());
  return { ...identity, rateLimitCounters, refusalCounts };
}

/** The jobs of a tick, in the order they run, as the metrics name them. */
const JOBS = ['deadlines', 'draft-purge', 'appointment-reminders', 'collection-reminders', 'decisions-by-post', 'registry-evidence', 'proactive', 'performance', 'sign-in-purge'];

/**
 * The background jobs of one portal process: silent consent, deadline reminders, the deletion of
 * expired drafts, reminders of results awaiting collection and decisions unread in the inbox sent by
 * post, cases' evidence from the registries, every `intervalSeconds`. Several processes may run them at once: the deadline jobs claim cases,
 * the collection reminders collections and the post job decisions with row locks (SKIP LOCKED);
 * reminders and posted decisions are recorded once. The performance figures' refresh claims each
 * source of events by its watermark's row lock (ADR 0030).
 */
export function startJobs(services: Services, intervalSeconds: number, logger: Logger): { stop: () => Promise<void> } {
  if (intervalSeconds === 0) {
    return { stop: async () => {} };
  }
  // Each job's runs are recorded for the metrics (portico_job_lag_seconds and the rest).
  const track = services.jobRuns.track;
  services.jobRuns.expect(JOBS);
  let running: Promise<void> | null = null;
  // While the database is unavailable the jobs wait 1, 2, 4 … ticks between tries (at most about 10 s
  // more than one tick), and run as usual once it answers again.
  let unavailable = 0;
  let skip = 0;
  const run = () => {
    if (running !== null) {
      return;
    }
    if (skip > 0) {
      skip--;
      return;
    }
    running = (async () => {
      try {
        const done = await track('deadlines', () => services.deadlineJobs.tick());
        const purged = await track('draft-purge', () => services.drafts.purgeExpired());
        const appointmentReminders = await track('appointment-reminders', () => services.appointments.sendDueReminders());
        const collectionReminders = await track('collection-reminders', () => services.collection.sendDueReminders());
        const posted = await track('decisions-by-post', () => services.decisionsByPost.run());
        // Cases' evidence from the registries (ADR 0027): a registry down leaves it waiting for a later tick.
        const evidence = await track('registry-evidence', () => services.registries.fetchDue());
        if (evidence.fetched + evidence.waiting > 0) {
          logger.info({ evidenceFetched: evidence.fetched, evidenceWaiting: evidence.waiting }, 'registry evidence');
        }
        // Proactive services (ADR 0032): the registries' events read, offers and automatic grants made, grants after their objection window.
        const proactive = await track('proactive', () => services.proactive.run());
        if (proactive.events + proactive.granted + proactive.forOfficer > 0) {
          logger.info(proactive, 'proactive services');
        }
        // The public performance figures: new case and appeal events folded into the daily aggregates, the day's open-data snapshot.
        await track('performance', () => services.performance.refresh());
        if (unavailable > 0) {
          logger.info({ failures: unavailable }, 'background jobs resumed: the database is back');
          unavailable = 0;
        }
        if (done.silentConsent + done.reminders + purged + appointmentReminders + collectionReminders + posted.letters + posted.noAddress > 0) {
          logger.info({ ...done, draftsPurged: purged, appointmentReminders, collectionReminders, decisionsPosted: posted.letters, decisionsUnreadNoAddress: posted.noAddress }, 'background jobs');
        }
        const stale = await track('sign-in-purge', () => purgeStaleSignIns(services));
        if (stale.signInRequests + stale.sessions + stale.rateLimitCounters + stale.refusalCounts > 0) {
          logger.info(stale, 'stale sign-in records purged');
        }
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          unavailable++;
          skip = Math.min(2 ** (unavailable - 1) - 1, Math.ceil(10 / intervalSeconds));
          logger.warn({ err: error, failures: unavailable }, 'background jobs paused: the database is unavailable');
        } else {
          logger.error({ err: error }, 'background jobs failed');
        }
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(run, intervalSeconds * 1000);
  timer.unref();
  const first = setTimeout(run, 1000);
  first.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
