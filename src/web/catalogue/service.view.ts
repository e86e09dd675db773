import type { Organisation, Service } from '../../modules/catalogue/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';

const money: Record<'uk' | 'en', Intl.NumberFormat> = {
  uk: new Intl.NumberFormat('uk-UA', { style: 'currency', currency: 'UAH' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'UAH' }),
};

/** An amount in hryvnias, written the way the language writes money. */
export const moneyText = (t: Translator, amount: number): string => money[t.lang].format(amount);

/** A statutory term in words with the language's plural form: "1 working day", "5 робочих днів". */
export const termText = (t: Translator, term: Service['deadline']): string =>
  t.plural(term.unit === 'working' ? 'service.deadlineWorking' : 'service.deadlineCalendar', term.days);

export interface KeyFact {
  readonly key: string;
  /** One line, or several (one per item). */
  readonly values: readonly string[];
  readonly href?: string;
}

/**
 * The facts at the top of a service page, every one in words of the language: who provides it and
 * for whom, what it costs, how long it takes, how to apply (channel names, not codes), and how
 * many documents are needed.
 */
export function keyFacts(t: Translator, service: Service, organisation: Organisation | null): KeyFact[] {
  const lang = t.lang;
  const fees = service.costs.length === 0 ? [t('service.free')] : [...new Set(service.costs.map((c) => c.amount))].sort((a, b) => a - b).map((a) => moneyText(t, a));
  const channels = [...new Set(service.channels.map((c) => c.type))].map((type) => t(`channel.${type}`));
  const required = service.evidence.filter((e) => !e.optional).length;
  const facts: KeyFact[] = [];
  if (organisation) {
    facts.push({ key: t('service.provider'), values: [organisation.name[lang]], href: paths.agency(lang, organisation.id) });
  }
  facts.push(
    { key: t('service.audience'), values: service.audience.map((a) => t(`audience.${a}`)) },
    { key: t('service.fees'), values: fees },
    { key: t('service.deadline'), values: [termText(t, service.deadline)] },
    { key: t('service.channels'), values: channels },
    { key: t('service.documents'), values: [t.plural('service.documentsCount', required)] },
  );
  return facts;
}
