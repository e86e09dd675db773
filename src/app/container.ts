import { fileURLToPath } from 'node:url';

import { systemClock, type Clock } from '../kernel/clock.ts';
import { kyivDay } from '../kernel/state-time.ts';
import { type AttachmentStore, createAssistedFilingService, createDraftsService, databaseAttachmentStore, directoryAttachmentStore } from '../modules/applications/index.ts';
import { createCatalogueEditor, createCatalogueService } from '../modules/catalogue/index.ts';
import { createBackOfficeService, createCasePaymentsService, createCasesService, createDeadlineJobs, createReceiptsService } from '../modules/cases/index.ts';
import { holidayCalendar, ukrainianPublicHolidays } from '../modules/deadlines/index.ts';
import { createAppointmentsService } from '../modules/appointments/index.ts';
import { createDocumentIssuer, renderPdf } from '../modules/documents/index.ts';
import { createHttpPaymentProvider, type PaymentProvider } from '../modules/payments/index.ts';
import { createDeadLettersService, createDecisionsByPost, createLettersService, createNoticePreviews, createNoticesService } from '../modules/notifications/index.ts';
import { createContactCentre } from '../modules/contact-centre/index.ts';
import { type OidcClient, createCallers, createContactsService, createVisitors, createPhoneHolders, createStaffService, createMandatesService, createApiPrincipals, createSessionsService, openIdClient } from '../modules/identity/index.ts';
import { createAuditLog } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import type { DatabaseLogger } from '../platform/db/postgres.ts';
import { openDatabase } from '../platform/db/open.ts';
import { openReads } from '../platform/db/reads.ts';
import { createSmsService } from '../modules/sms/index.ts';
import { createQueueService } from '../modules/queue/index.ts';
import { createCollectionService } from '../modules/collection/index.ts';
import { createAccessLogService } from '../modules/access-log/index.ts';
import { createConsentService, DEVELOPMENT_CONSENT_OFFERS } from '../modules/consent/index.ts';
import { createPopulationRegister } from '../modules/population/index.ts';
import { createRegistries } from '../modules/registries/index.ts';
import { createBundlesService } from '../modules/bundles/index.ts';
import { createProactiveService } from '../modules/proactive/index.ts';
import { createExchangeClient, memberKey, parseSubsystem, sealExchangeLog, verifyExchangeLog } from '../platform/exchange/index.ts';
import { createAppealsService } from '../modules/appeals/index.ts';
import { createApiAccess, createWebhooks } from '../modules/api-access/index.ts';
import { createFeedbackService } from '../modules/feedback/index.ts';
import { createPerformanceService } from '../modules/performance/index.ts';
import { createRateLimiter } from '../platform/rate-limit/index.ts';
import { createJobRuns } from '../platform/metrics/index.ts';
import type { Config } from './config.ts';
import { notificationLinks, smsLinks } from './links.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** The composition root: adapters, then repositories and services. The only code that knows everything. */
export async function buildServices(config: Config, options: { clock?: Clock; db?: Database; oidc?: OidcClient; paymentProvider?: PaymentProvider; logger?: DatabaseLogger; attachmentStore?: AttachmentStore; exchangeUrl?: string } = {}) {
  const db = options.db ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize, logger: options.logger ?? null }));
  await migrate(db, MIGRATIONS_DIR);
  // Reads that tolerate lag go to READ_DATABASE_URL when set, with read-your-writes (ADR 0018): the
  // catalogue, the person's own lists (cabinet, My applications, inbox, who saw my data), the work lists.
  const reads = openReads(db, { url: config.readReplica?.url ?? null, waitMs: config.readReplica?.waitMs ?? 0, poolSize: config.dbPoolSize, logger: options.logger ?? null });
  const clock = options.clock ?? systemClock;
  const writers = db.kind === 'pglite' ? 'local' : 'shared';
  const catalogue = createCatalogueService({ db, reads: reads.lagging, clock, publicUrl: config.publicUrl, writers });
  const identity = config.identity;
  // Rate-limit counters in the database, shared by every process on it (reusable by any service).
  const rateLimiter = createRateLimiter({ db, clock });
  const sessions = createSessionsService({
    db,
    clock,
    limiter: rateLimiter,
    oidc: options.oidc ?? openIdClient(),
    providers: identity.providers,
    callbackUrl: (idp) => `${config.publicUrl}/auth/callback/${idp}`,
    policy: { idleMinutes: identity.sessionIdleMinutes, absoluteHours: identity.sessionAbsoluteHours, signInMinutes: 10 },
  });
  const mandates = createMandatesService({ db, clock });
  // The open API (ADR 0026): its authorization server, whom a call stands for, and the partners' webhooks.
  const apiAccess = createApiAccess({ db, clock, limiter: rateLimiter, tokenSecret: config.api.tokenSecret, publicUrl: config.publicUrl, tokenSeconds: config.api.tokenSeconds });
  const apiPrincipals = createApiPrincipals({ db, clock });
  const webhooks = createWebhooks({ db, clock });
  const contacts = createContactsService({ db, clock, policy: identity.contactCodes, secret: identity.codeSecret });
  const staff = createStaffService({ db, clock, directory: {
    organisationExists: async (id) => (await catalogue.organisations()).value.some((o) => o.id === id),
    centreExists: async (id) => (await catalogue.centres()).value.some((c) => c.id === id),
  } });
  const year = Number(kyivDay(clock.now()).slice(0, 4));
  // Statutory terms reach at most ten years ahead (the catalogue's maximum term).
  const calendar = holidayCalendar(Array.from({ length: 13 }, (_, i) => year - 1 + i));
  const issuer = createDocumentIssuer(config.cases.sealSecret);
  const cases = createCasesService({ db, reads: reads.lagging, clock, calendar, catalogue });
  const store = options.attachmentStore ?? (config.cases.attachmentsDir === null ? databaseAttachmentStore : directoryAttachmentStore(config.cases.attachmentsDir));
  const exchange = exchangeClientOf(config, db, clock, options.exchangeUrl);
  // The base registries over the exchange (ADR 0027): once-only prefill, a case's evidence fetched by a job.
  const registries = createRegistries({ db, clock, exchange, services: config.exchange.services, retrySeconds: config.exchange.evidenceRetrySeconds });
  const drafts = createDraftsService({ db, reads: reads.lagging, clock, catalogue, cases, contacts: (personId) => contacts.details(personId), store, quotas: config.cases.quotas, registries });
  const assisted = createAssistedFilingService({ db, clock, catalogue, cases, store });
  const backOffice = createBackOfficeService({ db, reads: reads.lagging, clock, calendar, catalogue, issuer, publicUrl: config.publicUrl, dueSoonWorkingDays: 3 });
  const deadlineJobs = createDeadlineJobs({
    db, clock, calendar, catalogue, issuer, publicUrl: config.publicUrl,
    reminders: { remindOfficerWorkingDaysBefore: [3, 1], escalateSupervisorWorkingDaysBefore: 1 },
  });
  const receipts = createReceiptsService({ db, clock, catalogue, publicUrl: config.publicUrl, render: renderPdf, keyOf: (id) => issuer.keyOf(id) });
  const provider = options.paymentProvider ?? paymentProviderOf(config);
  const payments = provider === null ? null : createCasePaymentsService({ db, clock, calendar, catalogue, provider, callbackUrl: `${config.publicUrl}/api/v1/payments/callback` });
  const notices = createNoticesService({ db, reads: reads.lagging, clock, serviceOf: async (id) => (await catalogue.service(id)).value, links: notificationLinks(config.publicUrl) });
  const deadLetters = createDeadLettersService({ db, clock });
  const letters = createLettersService({ db, clock });
  const publicHolidays = new Set(ukrainianPublicHolidays(Array.from({ length: 3 }, (_, i) => year - 1 + i)));
  const appointments = createAppointmentsService({ db, clock, catalogue, isHoliday: (day) => publicHolidays.has(day) });
  const queue = createQueueService({ db, clock, catalogue });
  const collection = createCollectionService({ db, clock, catalogue, caseById: (q, id) => cases.byId(q, id), caseByNumber: (n) => cases.byNumber(n), filedAtCentre: (id) => assisted.filedAtCentre(id),
    calendar, remindAfterWorkingDays: config.cases.collectionReminderAfterWorkingDays });
  const noticePreviews = createNoticePreviews({ links: notificationLinks(config.publicUrl), afterWorkingDays: config.cases.decisionByPostAfterWorkingDays, now: () => clock.now() });
  const decisionsByPost = createDecisionsByPost({ db, clock, calendar, links: notificationLinks(config.publicUrl), afterWorkingDays: config.cases.decisionByPostAfterWorkingDays });
  // The contact centre is made below; the appeals service asks it for a call's caller only when an operator files.
  const appeals = createAppealsService({ db, clock, calendar, catalogue, cases, callers: { identifiedCaller: (signedIn, callId) => contactCentre.identifiedCaller(signedIn, callId) } });
  const sms = createSmsService({
    db, clock, limiter: rateLimiter, catalogue, cases, appointments, queue, collection, holders: createPhoneHolders({ db, clock }), links: smsLinks(config.publicUrl), webhookSecret: config.channels.smsWebhookSecret,
    appeals,
  });
  const contactCentre = createContactCentre({
    db, clock, calendar, limiter: rateLimiter, callers: createCallers({ db, clock }), cases, policy: config.contactCentre, secret: identity.codeSecret, smsCountries: identity.contactCodes.smsCountries,
  });
  const auditLog = createAuditLog({ db, clock, signingSecret: config.audit.signingSecret });
  const population = createPopulationRegister({ db, clock, exchange, service: config.exchange.services['population.person'] });
  // The exchange's message log: sealed in batches with the audit log's sealer, verified by `npm run exchange:verify`.
  const exchangeLog = { seal: () => sealExchangeLog(db, () => clock.now(), 2 * config.exchange.maxAgeSeconds), verify: () => verifyExchangeLog(db) };
  return { config, db, reads, clock, auditLog, rateLimiter, calendar, catalogue, sessions, mandates, apiAccess, apiPrincipals, webhooks, contacts, staff, issuer, cases, drafts, backOffice, deadlineJobs, payments, receipts, notices, deadLetters, letters, sms, assisted, appointments, queue, collection, decisionsByPost, noticePreviews, contactCentre, appeals, population, registries, exchangeLog,
    // A person's consents to share data beyond the law (ADR 0028); the exchange's provider side asks `consent.inForce`.
    consent: createConsentService({ db, clock, offers: DEVELOPMENT_CONSENT_OFFERS }),
    visitors: createVisitors({ db, clock }),
    // Agencies' editors draft their services; another editor publishes (ADR 0033).
    catalogueEditor: createCatalogueEditor({ db, clock, catalogue }),
    // Page feedback, ratings shown, searches that found nothing: no personal data kept.
    feedback: createFeedbackService({ db, reads: reads.lagging, clock, limiter: rateLimiter, catalogue, gapIntervalMs: config.searchGapIntervalMs, logger: options.logger ?? null }),
    accessLog: createAccessLogService({ db, reads: reads.lagging }),
    // Life-event bundles (ADR 0031): one application opening a case at each member service's agency.
    bundles: createBundlesService({ db, clock, catalogue, cases, registries }),
    // Public performance and open data: daily aggregates folded from the events by the jobs (ADR 0030).
    performance: createPerformanceService({ db, reads: reads.lagging, clock, publicUrl: config.publicUrl, catalogueRecords: () => catalogue.exportRecords() }),
    // Proactive services (ADR 0032): registry events read by the jobs; offers and automatic grants, objections.
    proactive: createProactiveService({ db, clock, catalogue, cases, registries, lookbackDays: config.exchange.proactiveLookbackDays }),
    // The background jobs' runs in this process, for the metrics.
    jobRuns: createJobRuns(() => clock.now()) };
}

/** The configured payment provider; without one, the caller must start the local simulator and pass it in. */
function paymentProviderOf(config: Config): PaymentProvider | null {
  const p = config.cases.payments;
  return p === null ? null : createHttpPaymentProvider({ id: p.id, baseUrl: p.url, apiKey: p.apiKey, callbackSecret: p.callbackSecret });
}

/**
 * The portal's side of the exchange: requests to EXCHANGE_URL (a security server), else to the embedded
 * exchange the development composition starts on EXCHANGE_REGISTRY_PORT (app/exchange.ts).
 */
function exchangeClientOf(config: Config, db: Database, clock: Clock, url: string | undefined) {
  const { exchange } = config;
  const client = parseSubsystem(exchange.client);
  const member = client === null ? exchange.client : `${client.instance}/${client.memberClass}/${client.memberCode}`;
  return createExchangeClient({
    db, clock, client: exchange.client, timeoutMs: exchange.timeoutMs,
    baseUrl: url ?? exchange.url ?? `http://127.0.0.1:${exchange.registryPort}`,
    key: exchange.signingSecret === null ? null : memberKey(member, exchange.signingSecret),
  });
}

export type Services = Awaited<ReturnType<typeof buildServices>>;
