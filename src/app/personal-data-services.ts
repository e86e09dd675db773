/**
 * What every method of every service of the composition root does with personal data, declared next to
 * the container as the routes' uses are next to the route table (web/common/personal-data.ts). The type
 * makes a new service or method without a declaration a compile error; `buildHttp` checks the services it
 * is given at start (`undeclaredServiceMethods`), and test/access-log/personal-data-reads.test.ts walks
 * the container's services and calls each method declared `recorded` as staff with a fixture subject: an
 * access record (`personal-data.read`) of that subject naming that staff member must appear.
 */
import type { Services } from './container.ts';

export type ServiceUse =
  /** Gives a staff member a person's or a legal entity's data and writes an access record of each subject itself. */
  | { readonly use: 'recorded'; readonly whose: string }
  /** Gives a staff member personal data only within a read that the named `recorded` method records in the same request (its parts). */
  | { readonly use: 'part-of'; readonly read: string }
  /** A list of the staff member's own agency's, centre's or desk's work, not searched by person (ADR 0019). */
  | { readonly use: 'work-list'; readonly why: string }
  /** Changes something; audited by the service (a refusal that shows data again goes through a recorded read). */
  | { readonly use: 'write' }
  /** Serves people their own data or that of the parties they act for, or the holder of a code: no staff read. */
  | { readonly use: 'not-staff'; readonly why: string }
  /** Called by other services, jobs, the outbox's handlers or gateways, never answering a staff member itself. */
  | { readonly use: 'internal'; readonly why: string }
  /** Holds no one's personal data (the catalogue, the calendar, proofs of the audit log's hashes, the staff member's own settings). */
  | { readonly use: 'none'; readonly why: string };

type Method = (...args: never[]) => unknown;
type MethodsOf<T> = { [K in keyof T]-?: T[K] extends Method ? K : never }[keyof T] & string;
/** One use for a whole service (only for services that serve no staff member anyone's data), or one per method. */
type ServiceDeclaration<T> = { readonly whole: ServiceUse } | { readonly [M in MethodsOf<T>]: ServiceUse };

const WRITE: ServiceUse = { use: 'write' };
const recorded = (whose: string): ServiceUse => ({ use: 'recorded', whose });
const partOf = (read: string): ServiceUse => ({ use: 'part-of', read });
const own = (why: string): ServiceUse => ({ use: 'not-staff', why });
const internal = (why: string): ServiceUse => ({ use: 'internal', why });
const none = (why: string): ServiceUse => ({ use: 'none', why });
const workList = (why: string): ServiceUse => ({ use: 'work-list', why });
const SELF = own('the signed-in person\'s own data, or their parties\'');

export const SERVICE_PERSONAL_DATA: { readonly [K in keyof Services]-?: ServiceDeclaration<NonNullable<Services[K]>> } = {
  config: { whole: none('configuration') },
  db: { whole: internal('the database port; services read through it and record') },
  reads: { whole: internal('the read replica\'s port for reads that tolerate lag; services read through it and record') },
  clock: { whole: none('the time') },
  auditLog: { whole: none('sealing, checkpoints and proofs: hashes, never an entry\'s content') },
  rateLimiter: { whole: internal('counting requests') },
  calendar: { whole: none('working days') },
  catalogue: { whole: none('the public catalogue of services') },
  performance: { whole: none('public figures aggregated over cases, cells of fewer than five people suppressed') },
  issuer: { whole: internal('sealing documents for the services that issue them') },
  jobRuns: { whole: internal('the background jobs\' runs, for the metrics') },
  noticePreviews: { whole: none('message templates with sample values') },
  decisionsByPost: { whole: internal('the job that posts unread decisions') },
  deadlineJobs: { whole: internal('the deadline jobs') },
  sms: { whole: internal('the SMS gateway\'s webhooks and the person\'s own conversation by SMS') },
  sessions: { whole: own('sign-in, sessions and acting for a party') },
  contacts: { whole: own('the person\'s own contacts and their one-time codes') },
  mandates: { whole: own('mandates the person grants or holds') },
  apiAccess: { whole: own('the open API: tokens of registered clients, a person\'s consent to a client, the audit of calls; no staff member is served') },
  apiPrincipals: { whole: own('the person an API call stands for: the public client\'s own person, or the person under a mandate to the partner') },
  webhooks: { whole: internal('the outbox handlers of partners\' webhooks') },
  accessLog: { whole: own('the person\'s own access records') },
  bundles: { offer: none('the catalogue\'s bundle of a life event'), start: SELF, submit: WRITE, get: SELF, mine: SELF },
  consent: { whole: own('the person\'s own consents; the exchange\'s provider side asks whether one is in force, a yes or no, never its content') },
  catalogueEditor: {
    services: none('the agency\'s services and their drafts waiting'),
    versions: workList('a service\'s versions and drafts with the staff members who wrote and published them'),
    version: none('a version of a service\'s record'),
    draft: workList('a draft with the staff members who wrote and published it'),
    saveDraft: WRITE, publish: WRITE,
  },
  feedback: {
    recordPageFeedback: none('an answer about a page: no address, person or session kept; what looks personal in the comment is replaced'),
    recordZeroResults: none('a search\'s words, normalised; dropped when they look like a personal number, an e-mail or a phone number'),
    flushGaps: none('writes the counts of those searches'),
    serviceCounts: none('counts of ratings and answers'),
    agencyFeedback: workList('the agency\'s ratings, their comments and page answers: no names, no case numbers'),
    contentGaps: none('searches that found nothing, normalised, without personal numbers'),
  },
  receipts: { whole: own('the applicant\'s receipt; verification by the holder of a document\'s code') },
  staff: {
    list: workList('the staff register of the administrator\'s agencies: staff members\' names and roles'),
    grant: WRITE, revoke: WRITE,
  },
  cases: {
    open: WRITE, planOpening: WRITE, claim: WRITE, answer: WRITE, withdraw: WRITE, rate: WRITE, applyInTransaction: WRITE,
    mine: SELF, forApplicant: SELF, documentForApplicant: SELF, documentFacts: SELF, overview: SELF,
    byNumber: internal('a case by number, for the collection and the appeals services'),
    byId: internal('a case by id, for the collection service'),
    byIdempotencyKey: internal('a submission repeated'),
    overviewForCaller: partOf('contactCentre.view'),
  },
  drafts: {
    start: WRITE, savePage: WRITE, discard: WRITE, upload: WRITE, removeFile: WRITE, answer: WRITE, submit: WRITE,
    get: SELF, mine: SELF, problems: SELF, draftFile: SELF, caseFileForApplicant: SELF, cabinet: SELF, applicable: SELF,
    uploadLimitBytes: none('a limit'), answerLimitMb: none('a limit'), answerLimitBytes: none('a limit'),
    purgeExpired: internal('the job that removes expired drafts'),
    attachmentsOfCase: partOf('backOffice.view'),
    caseFileForOfficer: recorded('the case\'s parties'),
  },
  backOffice: {
    agencies: none('the officer\'s own agencies'),
    queue: workList('the agency\'s queue of cases'),
    assignableOfficers: workList('the agency\'s officers a case may be assigned to'),
    documentPdf: recorded('the case\'s parties, named in the decision'),
    view: recorded('the case\'s applicant and the party it is for'),
    previewDecision: recorded('the case\'s parties, named in the draft decision'),
    previewDecisionPdf: recorded('the case\'s parties, named in the draft decision'),
    act: WRITE, note: WRITE, revokeDocument: WRITE, assign: WRITE,
  },
  payments: {
    start: WRITE, callback: internal('the provider\'s signed callback'), paymentsOf: internal('a case\'s payments, for the case\'s services'),
    feeOf: none('a service\'s fee'), reconcile: workList('the agency\'s payments to reconcile: case numbers and amounts'),
  },
  notices: {
    proactiveNotice: internal('the outbox handler: the notice of an offer or an automatic grant to the person\'s own inbox'),
    appealNotice: internal('the outbox handler of appeals\' notices'), fanOut: internal('the outbox handler of case notices'),
    inbox: SELF, unreadCount: SELF, open: SELF, decisionDownloaded: SELF,
  },
  deadLetters: { list: workList('undelivered messages of the agency\'s cases'), requeue: WRITE },
  letters: {
    queue: workList('the print queue of the agency\'s letters'),
    pdf: recorded('the letter\'s addressee'),
    batch: recorded('every addressee of a day\'s letters'),
    dispatch: WRITE,
  },
  assisted: {
    channels: none('the channels the staff member files on'), services: none('the services one may file for'), allowed: none('whether a service may be filed for'),
    uploadLimitBytes: none('a limit'), file: WRITE,
    filingForOfficer: partOf('backOffice.view'),
    filedAtCentre: internal('the centre a case was filed at, for the collection service'),
    filed: recorded('the applicant and party of a case the staff member filed'),
  },
  appointments: {
    offers: none('the public offers'), offer: none('a public offer'), freeDays: none('free days'), freeSlots: none('free times'), nextFree: none('the next free time'),
    book: WRITE, bookFor: WRITE, bookBySms: WRITE, cancel: WRITE, cancelFor: WRITE, cancelBySms: WRITE, reschedule: WRITE,
    mine: SELF, one: SELF,
    forPerson: recorded('the person\'s visits, for the contact centre or a front desk'),
    sendDueReminders: internal('the reminders job'),
  },
  queue: {
    centre: none('a centre'), services: none('a centre\'s services'), issue: WRITE, checkIn: WRITE, ticket: own('the holder of a ticket'),
    situation: none('a centre\'s queue in numbers'), display: none('the public display: ticket numbers and desks'), centreDays: none('figures per centre and day'),
    console: workList('the centre\'s queue of tickets at the front desk'), callNext: WRITE, finish: WRITE, transfer: WRITE,
  },
  collection: {
    readyOptions: none('the centres a result may be collected at'),
    markReady: WRITE, markReadyAtDesk: WRITE, handOver: WRITE, cancel: WRITE,
    standing: partOf('backOffice.view'),
    awaiting: recorded('the applicant and party of each result listed'),
    atDesk: recorded('the applicant and party of the result to hand over'),
    sendDueReminders: internal('the collection reminders job'),
  },
  contactCentre: {
    start: WRITE, sendCode: WRITE, confirmCode: WRITE, identifyByKnowledge: WRITE, log: WRITE, requestCallback: WRITE, claim: WRITE, complete: WRITE,
    recentCalls: workList('the operator\'s own latest calls'),
    view: recorded('the identified caller and each party they act for'),
    identifiedCaller: partOf('appointments.forPerson'),
    callerOnForm: recorded('the identified caller, named on a form'),
    queue: workList('the queue of callbacks: numbers and topics'),
    callback: workList('one callback: a number and a topic'),
    handlers: internal('the outbox handlers of the one-time codes'),
  },
  appeals: {
    file: WRITE, fileBySms: WRITE, appealRefusal: WRITE, assign: WRITE, answer: WRITE, extend: WRITE,
    refusalAppealOf: SELF, mine: SELF, forPerson: SELF,
    queue: workList('appeals to the officer\'s agencies'), triage: workList('appeals to triage'),
    forOfficer: recorded('the person who filed the appeal'),
    fileFor: recorded('the person of a national id typed at the desk or from a letter, looked up in the register'),
    taken: recorded('the person an appeal was taken for'),
  },
  population: {
    person: recorded('the person of the national id asked of the population registry over the exchange'),
  },
  registries: {
    query: recorded('the person or company of the id asked of a registry over the exchange'),
    prefill: own('the applicant\'s own records (or their party\'s), asked of the registries to prefill a new draft'),
    requestEvidence: internal('the submission, in its transaction: which evidence the job will fetch'),
    fetchDue: internal('the job that fetches cases\' evidence from the registries; each answer is an access record for the case\'s agency'),
    evidenceOf: partOf('backOffice.view'),
    events: internal('the proactive job\'s read of a registry\'s feed of events: subjects\' ids only (ADR 0032)'),
    readForProactive: internal('the proactive job\'s read of an event\'s subject for an agency; each answer is an access record (ADR 0032)'),
  },
  proactive: {
    run: internal('the job that reads the registries\' events and opens offers and automatic grants; each registry read an access record (ADR 0032)'),
    cursorOf: none('a feed\'s cursor'),
    item: SELF, mine: SELF, object: WRITE, dismiss: WRITE, start: WRITE,
  },
  exchangeLog: { whole: none('sealing and verifying the exchange\'s message log: hashes, never a message\'s content') },
  visitors: {
    byId: partOf('appointments.forPerson'),
    find: recorded('the person of the national id typed at the front desk'),
  },
};

/** `service.method` of every method of the given services with no declaration (the portal refuses to start with any). */
export function undeclaredServiceMethods(services: Readonly<Record<string, unknown>>): string[] {
  const declared = SERVICE_PERSONAL_DATA as Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;
  return Object.entries(services).flatMap(([name, service]) => {
    const declaration = declared[name];
    if (declaration === undefined) {
      return [name];
    }
    if ('whole' in declaration || service === null || typeof service !== 'object') {
      return [];
    }
    return Object.entries(service).filter(([m, v]) => typeof v === 'function' && !(m in declaration)).map(([m]) => `${name}.${m}`);
  });
}
