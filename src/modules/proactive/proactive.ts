/**
 * Proactive services (ADR 0032), pure: which services a registry event triggers, the objection window, which
 * workflow event grants a case the portal opened, and the notice the person gets.
 */
import type { LocalText } from '../../kernel/text.ts';
import type { RegistryEventKind } from '../../kernel/registry-events.ts';
import { addDays } from '../deadlines/index.ts';
import type { WorkflowDefinition } from '../workflow/index.ts';

/** Days to object to an automatic grant when the catalogue does not say. */
export const DEFAULT_OBJECTION_DAYS = 14;

export type ProactiveMode = 'offer' | 'automatic';
/** `applied`: an automatic grant the person had applied for already (a bundle's case holds the claim, ADR 0035). */
export type ProactiveStatus = 'offered' | 'dismissed' | 'started' | 'pending' | 'granted' | 'for-officer' | 'objected' | 'applied';

/** A service's `proactive` block as the catalogue holds it. */
export interface ProactiveRule {
  readonly trigger: RegistryEventKind;
  readonly mode: ProactiveMode;
  readonly objectionDays?: number;
  /** The form fields naming the person an automatic grant is about, for an application made for oneself (ADR 0035). */
  readonly subject?: { readonly name: string; readonly birthDate: string };
}

/** The services an event of this kind triggers, in the catalogue's order. */
export function servicesTriggered<S extends { readonly proactive?: ProactiveRule }>(services: readonly S[], kind: RegistryEventKind): Array<S & { readonly proactive: ProactiveRule }> {
  return services.filter((s): s is S & { readonly proactive: ProactiveRule } => s.proactive?.trigger === kind);
}

/** The last day the person may object to an automatic grant told on `today`. */
export const objectBy = (today: string, rule: ProactiveRule): string => addDays(today, rule.objectionDays ?? DEFAULT_OBJECTION_DAYS);

/**
 * The event that grants a case the portal opened, when the window has passed without an objection: the workflow's
 * transition by the system to a grant from the case's state (not silent consent, which is the deadline's); null when
 * the workflow has none — then the case is for an officer to decide.
 */
export function systemGrantEvent(workflow: WorkflowDefinition, state: string): string | null {
  const t = workflow.transitions.find((x) => x.by.includes('system') && x.outcome === 'granted' && x.from.includes(state) && x.event !== 'grant-by-silent-consent');
  return t?.event ?? null;
}

/** The outbox topic of the notice of an offer or of an automatic grant (the notifications module writes the inbox). */
export const PROACTIVE_NOTICE_TOPIC = 'proactive.notice';

export interface ProactiveNoticeMessage {
  readonly itemId: string;
  readonly personId: string;
  readonly mode: ProactiveMode;
  readonly serviceName: LocalText;
  /** Automatic: the case's number and the last day to object. */
  readonly caseNumber: string | null;
  readonly objectBy: string | null;
}

export function parseProactiveNotice(payload: unknown): ProactiveNoticeMessage | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const m = payload as Record<string, unknown>;
  const name = m['serviceName'] as Record<string, unknown> | undefined;
  const ok = typeof m['itemId'] === 'string' && typeof m['personId'] === 'string' && (m['mode'] === 'offer' || m['mode'] === 'automatic')
    && typeof name?.['uk'] === 'string' && typeof name['en'] === 'string'
    && (m['caseNumber'] === null || typeof m['caseNumber'] === 'string') && (m['objectBy'] === null || typeof m['objectBy'] === 'string');
  return ok ? (m as unknown as ProactiveNoticeMessage) : null;
}

/** One item as the person's page shows it. */
export interface ProactiveItem {
  readonly id: string;
  readonly eventKind: RegistryEventKind;
  readonly eventDay: string;
  readonly serviceId: string;
  readonly mode: ProactiveMode;
  readonly personId: string;
  readonly caseId: string | null;
  readonly caseNumber: string | null;
  readonly status: ProactiveStatus;
  readonly objectBy: string | null;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
}

/** May the person still object (an automatic grant pending, the window open on `today`)? */
export const mayObject = (item: ProactiveItem, today: string): boolean => item.mode === 'automatic' && item.status === 'pending' && item.objectBy !== null && today <= item.objectBy;
/** May the person start (or go on with) the application of an offer? */
export const mayStart = (item: ProactiveItem): boolean => item.mode === 'offer' && (item.status === 'offered' || item.status === 'started');
/** May the person still dismiss (an offer not dismissed)? */
export const mayDismiss = (item: ProactiveItem): boolean => item.mode === 'offer' && item.status === 'offered';
