import { EU_BASIC_SERVICES, type ServiceRecord } from '../catalogue/index.ts';
import { REGISTER_SOURCES } from '../forms/index.ts';

/**
 * How far each service can be used online, measured from what the catalogue says of it and what the
 * running portal can do — never from a claim in the catalogue (ADR 0029). Pure.
 */

/** What the running portal can do, found by looking at it (its routes, its configuration): see app/maturity.ts. */
export interface SystemFacts {
  /** The online application routes are served (start, form pages, submit). */
  readonly onlineApplications: boolean;
  /** A payment provider is configured and its callback is served. */
  readonly onlinePayments: boolean;
  /** Decisions are issued as sealed PDFs to the applicant's cabinet, with a public verification page. */
  readonly sealedDecisions: boolean;
  /** A service's form is served as a printable PDF. */
  readonly printableForms: boolean;
  /** The deadline job that grants silent-consent cases when their term passes is running. */
  readonly silentConsentJob: boolean;
  /** Register data (the eID's person, the business register's party) reaches the forms' prefill. */
  readonly registerPrefill: boolean;
  /** The job that reads the registries' events and makes offers and automatic grants is running (ADR 0032). */
  readonly registryEventsJob: boolean;
}

/** Each capability a level rests on; every one is computed, none is read from a claim. */
export const CAPABILITIES = [
  'information',
  'paper-form',
  'printable-form',
  'online-form',
  'online-payment',
  'online-decision',
  'register-data',
  'automatic-grant',
  'proactive',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The facts that decide a capability, as stable codes (the pages word them). */
export const REASONS = [
  'catalogue-card', 'paper-channel', 'no-paper-channel', 'no-form', 'form-pdf', 'no-form-pdf', 'no-online-channel', 'online-form',
  'applications-off', 'free', 'payment-provider', 'no-payment-provider', 'result-not-online', 'no-sealed-decisions', 'sealed-decision',
  'no-online-form', 'no-register-fields', 'register-prefill', 'no-register-source', 'system-grants', 'officer-decides', 'silent-consent',
  'no-silent-consent-job', 'proactive-automatic', 'proactive-offer', 'not-proactive', 'no-registry-events-job',
] as const;
export type Reason = (typeof REASONS)[number];

/** One capability of one service: whether it holds, and the fact that decided it. */
export interface CapabilityCheck {
  readonly capability: Capability;
  readonly met: boolean;
  readonly reason: Reason;
}

/** The EU eGovernment benchmark's sophistication levels. */
export const EU_LEVELS = [1, 2, 3, 4, 5] as const;
export type EuLevel = (typeof EU_LEVELS)[number];
/** The UN E-Government Survey's stages of online services. */
export const UN_STAGES = ['emerging', 'enhanced', 'transactional', 'connected'] as const;
export type UnStage = (typeof UN_STAGES)[number];

export interface ServiceMaturity {
  readonly serviceId: string;
  /** The register code, e.g. 01/04. */
  readonly identifier: string;
  readonly name: { readonly uk: string; readonly en: string };
  readonly organisationId: string;
  readonly euBasicService: string | null;
  readonly level: EuLevel;
  readonly stage: UnStage;
  readonly checks: readonly CapabilityCheck[];
}

const check = (capability: Capability, met: boolean, reason: Reason): CapabilityCheck => ({ capability, met, reason });
const has = (service: ServiceRecord, type: string) => service.channels.some((c) => c.type === type);

/** The fees an online applicant pays: those for any channel and those for the online one. */
const onlineFees = (service: ServiceRecord) => service.costs.filter((c) => (c.channel === undefined || c.channel === 'online') && c.amount > 0);

/** Every capability of a service on this portal, with the fact behind each. */
export function capabilitiesOf(service: ServiceRecord, system: SystemFacts): CapabilityCheck[] {
  const form = service.form;
  const paperAllowed = has(service, 'post') || has(service, 'in-person');
  const onlineChannel = has(service, 'online');
  const onlineForm = form !== undefined && onlineChannel && system.onlineApplications;
  const fees = onlineFees(service);
  const registerFields = form === undefined ? 0 : form.pages.flatMap((p) => p.fields).filter((f) => f.prefill !== undefined && REGISTER_SOURCES.has(f.prefill)).length;
  const automaticByWorkflow = (service.workflow?.transitions ?? []).some((t) => t.by.includes('system') && t.outcome === 'granted');
  return [
    check('information', true, 'catalogue-card'),
    check('paper-form', paperAllowed, paperAllowed ? 'paper-channel' : 'no-paper-channel'),
    check('printable-form', paperAllowed && form !== undefined && system.printableForms,
      form === undefined ? 'no-form' : !paperAllowed ? 'no-paper-channel' : system.printableForms ? 'form-pdf' : 'no-form-pdf'),
    check('online-form', onlineForm, form === undefined ? 'no-form' : !onlineChannel ? 'no-online-channel' : system.onlineApplications ? 'online-form' : 'applications-off'),
    check('online-payment', onlineForm && (fees.length === 0 || system.onlinePayments),
      !onlineForm ? 'no-online-form' : fees.length === 0 ? 'free' : system.onlinePayments ? 'payment-provider' : 'no-payment-provider'),
    check('online-decision', onlineForm && service.resultDelivery.includes('online') && system.sealedDecisions,
      !service.resultDelivery.includes('online') ? 'result-not-online' : !system.sealedDecisions ? 'no-sealed-decisions' : onlineForm ? 'sealed-decision' : 'no-online-form'),
    check('register-data', onlineForm && registerFields > 0 && system.registerPrefill,
      registerFields === 0 ? 'no-register-fields' : system.registerPrefill ? 'register-prefill' : 'no-register-source'),
    check('automatic-grant', automaticByWorkflow || (service.silentConsent && system.silentConsentJob),
      automaticByWorkflow ? 'system-grants' : !service.silentConsent ? 'officer-decides' : system.silentConsentJob ? 'silent-consent' : 'no-silent-consent-job'),
    check('proactive', service.proactive !== undefined && system.registryEventsJob,
      service.proactive === undefined ? 'not-proactive' : !system.registryEventsJob ? 'no-registry-events-job' : service.proactive.mode === 'automatic' ? 'proactive-automatic' : 'proactive-offer'),
  ];
}

const met = (checks: readonly CapabilityCheck[], c: Capability) => checks.some((x) => x.capability === c && x.met);

/**
 * The EU sophistication level: 1 information; 2 one-way interaction (a form to print and send);
 * 3 two-way interaction (an online form); 4 transaction (online form, online payment of any fee, the
 * decision delivered online as a sealed document); 5 proactive or automatic (4, and granted without
 * an officer: silent consent or a system transition).
 */
export function levelOf(checks: readonly CapabilityCheck[]): EuLevel {
  const transaction = met(checks, 'online-form') && met(checks, 'online-payment') && met(checks, 'online-decision');
  // Proactive: granted on a registry event without an application, or offered with the application filled in (ADR 0032).
  const proactive = checks.find((c) => c.capability === 'proactive' && c.met);
  if ((transaction && (met(checks, 'automatic-grant') || proactive !== undefined)) || proactive?.reason === 'proactive-automatic') {
    return 5;
  }
  if (transaction) {
    return 4;
  }
  if (met(checks, 'online-form')) {
    return 3;
  }
  return met(checks, 'printable-form') ? 2 : 1;
}

/**
 * The UN stage: emerging (information only), enhanced (forms to download), transactional (two-way:
 * applying, paying, receiving online), connected (transactional and joined up: register data instead
 * of questions, or granted without being asked).
 */
export function stageOf(level: EuLevel, checks: readonly CapabilityCheck[]): UnStage {
  if (level >= 3) {
    return met(checks, 'register-data') || level === 5 ? 'connected' : 'transactional';
  }
  return level === 2 ? 'enhanced' : 'emerging';
}

export function serviceMaturity(service: ServiceRecord, system: SystemFacts): ServiceMaturity {
  const checks = capabilitiesOf(service, system);
  const level = levelOf(checks);
  return { serviceId: service.id, identifier: service.identifier, name: service.name, organisationId: service.organisationId, euBasicService: service.euBasicService ?? null, level, stage: stageOf(level, checks), checks };
}

/** One of the EU's 20 basic services (12 for citizens, 8 for businesses) and the services mapped to it. */
export interface EuBasicServiceRow {
  readonly code: (typeof EU_BASIC_SERVICES)[number];
  readonly audience: 'citizens' | 'businesses';
  readonly serviceIds: readonly string[];
  /** The highest level among its services; 0 when no service is mapped to it. */
  readonly level: EuLevel | 0;
  readonly fullyOnline: boolean;
}

export interface EuFigure {
  readonly rows: readonly EuBasicServiceRow[];
  readonly fullyOnline: number;
  readonly total: number;
  /** Fully online as a whole percentage of the 20. */
  readonly percent: number;
}

/**
 * Full online availability of the EU's 20 basic services: a basic service is fully online when a
 * service the catalogue maps to it reaches the transaction level (4 or 5). A basic service no service
 * is mapped to counts as not online.
 */
export function euFigure(services: readonly ServiceMaturity[]): EuFigure {
  const rows = EU_BASIC_SERVICES.map((code): EuBasicServiceRow => {
    const mapped = services.filter((s) => s.euBasicService === code);
    const level = mapped.reduce<EuLevel | 0>((best, s) => (s.level > best ? s.level : best), 0);
    return { code, audience: code.startsWith('C') ? 'citizens' : 'businesses', serviceIds: mapped.map((s) => s.serviceId), level, fullyOnline: level >= 4 };
  });
  const fullyOnline = rows.filter((r) => r.fullyOnline).length;
  return { rows, fullyOnline, total: rows.length, percent: Math.round((100 * fullyOnline) / rows.length) };
}

/** The UN Online Service Index's portal features this report looks for. */
export const OSI_FEATURES = [
  'digital-identity',
  'privacy-statement',
  'languages',
  'other-channels',
  'usage-statistics',
  'mobile-access',
  'open-data',
  'e-participation',
] as const;
export type OsiFeature = (typeof OSI_FEATURES)[number];

/** A feature found or not, with what was checked (an address, a count), for the page to say why. */
export interface FeatureCheck {
  readonly feature: OsiFeature;
  readonly present: boolean;
  readonly evidence: string;
}

export interface MaturityReport {
  readonly services: readonly ServiceMaturity[];
  readonly eu: EuFigure;
  readonly features: readonly FeatureCheck[];
  /** How many services are at each level, 1 to 5. */
  readonly levels: Readonly<Record<`${EuLevel}`, number>>;
}

export function maturityReport(services: readonly ServiceRecord[], system: SystemFacts, features: readonly FeatureCheck[]): MaturityReport {
  const measured = [...services].sort((a, b) => a.identifier.localeCompare(b.identifier)).map((s) => serviceMaturity(s, system));
  const levels = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const s of measured) {
    levels[s.level] += 1;
  }
  return { services: measured, eu: euFigure(measured), features, levels };
}
