/** Pure: the words a receipt PDF prints for a channel and a term, in the case's language. */
import type { Lang, LocalText } from '../../kernel/text.ts';
import type { CaseChannel, CaseRecord } from './case.ts';

/** The name of each channel a case may come through (the same as the web pages' `channel.case.*`). */
export const CHANNEL_NAMES: Readonly<Record<CaseChannel, LocalText>> = {
  web: { uk: 'Вебпортал', en: 'Web portal' },
  api: { uk: 'Мобільний застосунок (API)', en: 'Mobile app (API)' },
  sms: { uk: 'SMS', en: 'SMS' },
  phone: { uk: 'Телефоном, через контакт-центр', en: 'By phone, through the contact centre' },
  post: { uk: 'Поштою', en: 'By post' },
  'in-person': { uk: 'Особисто в центрі надання послуг', en: 'In person at a service centre' },
  proactive: { uk: 'Без заяви: портал за подією в реєстрі', en: 'Without an application: the portal, on an event in a register' },
};

type Forms = Readonly<Record<'one' | 'few' | 'many' | 'other', string>>;
const DAYS: Readonly<Record<Lang, Readonly<Record<CaseRecord['term']['unit'], Forms>>>> = {
  uk: {
    working: { one: 'робочий день', few: 'робочі дні', many: 'робочих днів', other: 'робочого дня' },
    calendar: { one: 'календарний день', few: 'календарні дні', many: 'календарних днів', other: 'календарного дня' },
  },
  en: {
    working: { one: 'working day', few: 'working days', many: 'working days', other: 'working days' },
    calendar: { one: 'calendar day', few: 'calendar days', many: 'calendar days', other: 'calendar days' },
  },
};
const RULES: Readonly<Record<Lang, Intl.PluralRules>> = { uk: new Intl.PluralRules('uk'), en: new Intl.PluralRules('en') };

/** "1 робочий день", "5 робочих днів", "1 working day", "30 calendar days". */
export function termText(term: CaseRecord['term'], lang: Lang): string {
  const rule = RULES[lang].select(term.days) as keyof Forms;
  return `${term.days} ${DAYS[lang][term.unit][rule] ?? DAYS[lang][term.unit].other}`;
}
