import { STATE_TIME_ZONE } from '../../kernel/state-time.ts';
import type { Lang } from '../../kernel/text.ts';
import { type CaseParty, workflowOf } from '../../modules/cases/index.ts';
import type { Service } from '../../modules/catalogue/index.ts';
import type { DeadlineStatus } from '../../modules/deadlines/index.ts';
import { defaultWorkflow, type WorkflowDefinition } from '../../modules/workflow/index.ts';
import type { Translator } from '../locales/messages.ts';
import type { PageContext } from '../common/layout.tsx';
import { Tag, type TagColour } from '../common/govuk.tsx';

const TIME_ZONE = STATE_TIME_ZONE;
const LOCALE: Record<Lang, string> = { uk: 'uk-UA', en: 'en-GB' };
const TIMES: Record<Lang, Intl.DateTimeFormat> = {
  uk: new Intl.DateTimeFormat(LOCALE.uk, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
};
const DATES: Record<Lang, Intl.DateTimeFormat> = {
  uk: new Intl.DateTimeFormat(LOCALE.uk, { timeZone: TIME_ZONE, dateStyle: 'medium' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: TIME_ZONE, dateStyle: 'medium' }),
};
const DAYS: Record<Lang, Intl.DateTimeFormat> = {
  uk: new Intl.DateTimeFormat(LOCALE.uk, { timeZone: 'UTC', dateStyle: 'medium' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: 'UTC', dateStyle: 'medium' }),
};
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A moment in the state's time zone, as a `<time>` element. */
export function When({ lang, at, dateOnly = false }: { lang: Lang; at: Date; dateOnly?: boolean }) {
  return <time dateTime={at.toISOString()}>{(dateOnly ? DATES : TIMES)[lang].format(at)}</time>;
}

export const formatTime = (lang: Lang, at: Date): string => TIMES[lang].format(at);

/** A calendar day (YYYY-MM-DD) as the page's language writes it; anything else unchanged. */
export const formatDay = (lang: Lang, day: string): string => (ISO_DAY.test(day) ? DAYS[lang].format(new Date(`${day}T00:00:00Z`)) : day);

export function Day({ lang, day }: { lang: Lang; day: string }) {
  return ISO_DAY.test(day) ? <time dateTime={day}>{formatDay(lang, day)}</time> : <>{day}</>;
}

export function formatSize(t: Translator, bytes: number): string {
  const number = new Intl.NumberFormat(LOCALE[t.lang], { maximumFractionDigits: 1 });
  if (bytes < 1024) {
    return t('office.size.bytes', { n: bytes });
  }
  return bytes < 1024 * 1024 ? t('office.size.kb', { n: number.format(bytes / 1024) }) : t('office.size.mb', { n: number.format(bytes / (1024 * 1024)) });
}

/** The workflow of a case's service (the default one when the catalogue no longer has the service). */
export const workflowFor = (service: Service | undefined): WorkflowDefinition => (service === undefined ? defaultWorkflow : workflowOf(service));

export const stateLabel = (workflow: WorkflowDefinition, state: string, lang: Lang): string =>
  workflow.states.find((s) => s.id === state)?.label[lang] ?? state;

export function channelLabel(t: Translator, channel: string): string {
  switch (channel) {
    case 'web':
      return t('office.channel.web');
    case 'api':
      return t('office.channel.api');
    case 'sms':
      return t('office.channel.sms');
    case 'phone':
      return t('office.channel.phone');
    case 'post':
      return t('office.channel.post');
    case 'in-person':
      return t('office.channel.in-person');
    case 'system':
      return t('office.channel.system');
    default:
      return channel;
  }
}

export function documentKindLabel(t: Translator, kind: string): string {
  switch (kind) {
    case 'receipt':
      return t('office.documentKind.receipt');
    case 'decision-granted':
      return t('office.documentKind.decision-granted');
    case 'decision-refused':
      return t('office.documentKind.decision-refused');
    case 'silent-consent':
      return t('office.documentKind.silent-consent');
    default:
      return kind;
  }
}

/** The party applied for, in words: the applicant themselves, a business or another person. */
export function partyText(t: Translator, party: CaseParty): string {
  switch (party.kind) {
    case 'self':
      return t('office.case.partySelf');
    case 'business':
      return t('office.case.partyBusiness', { name: party.name, id: party.id ?? '' });
    case 'person':
      return t('office.case.partyPerson', { name: party.name, id: party.id ?? '' });
  }
}

/** How the deadline tag looks: the words say it all; the colour only repeats them. */
type StandingTone = 'on-time' | 'due-soon' | 'due-today' | 'overdue' | 'paused' | 'none';
const TAG_COLOUR: Record<StandingTone, TagColour> = { 'on-time': 'green', 'due-soon': 'yellow', 'due-today': 'red', overdue: 'red', paused: 'grey', none: 'grey' };

/** The deadline mark: always in words; the tag's colour only repeats them. */
export function standingText(t: Translator, standing: DeadlineStatus | null, paused: boolean): { text: string; tone: StandingTone } {
  if (paused) {
    return { text: t('office.standing.paused'), tone: 'paused' };
  }
  if (standing === null) {
    return { text: t('office.standing.none'), tone: 'none' };
  }
  switch (standing.status) {
    case 'on-time':
      return { text: t.plural('office.standing.on-time', standing.workingDaysLeft), tone: 'on-time' };
    case 'due-soon':
      return { text: t.plural('office.standing.due-soon', standing.workingDaysLeft), tone: 'due-soon' };
    case 'due-today':
      return { text: t('office.standing.due-today'), tone: 'due-today' };
    case 'overdue':
      return { text: t.plural('office.standing.overdue', standing.workingDaysOver), tone: 'overdue' };
  }
}

export function StandingBadge({ ctx, standing, paused }: { ctx: PageContext; standing: DeadlineStatus | null; paused: boolean }) {
  const { text, tone } = standingText(ctx.t, standing, paused);
  return <span class="app-office-standing"><Tag colour={TAG_COLOUR[tone]}>{text}</Tag></span>;
}
