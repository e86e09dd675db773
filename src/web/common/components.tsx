import type { Lang } from '../../kernel/text.ts';
import type { Address, OpeningHours, Term } from '../../modules/catalogue/index.ts';
import { DAYS, type Service, lowestFee } from '../../modules/catalogue/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from './paths.ts';
import type { PageContext } from './layout.tsx';

const money: Record<Lang, Intl.NumberFormat> = {
  uk: new Intl.NumberFormat('uk-UA', { style: 'currency', currency: 'UAH' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'UAH' }),
};

export const formatMoney = (t: Translator, amount: number) => money[t.lang].format(amount);

export const formatTerm = (t: Translator, term: Term) =>
  t.plural(term.unit === 'working' ? 'service.deadlineWorking' : 'service.deadlineCalendar', term.days);

export function feeSummary(t: Translator, service: Service): string {
  return service.costs.length === 0 ? t('service.free') : t('service.from', { amount: formatMoney(t, lowestFee(service)) });
}

export function ServiceList({ ctx, services, headingLevel = 3 }: { ctx: PageContext; services: readonly Service[]; headingLevel?: 2 | 3 }) {
  const { t, lang } = ctx;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="service-list">
      {services.map((s) => (
        <li key={s.id} class="service-item">
          <H class="service-title">
            <a href={paths.service(lang, s.id)}>{s.name[lang]}</a>
          </H>
          <p>{s.description[lang]}</p>
          <p class="meta">
            <span>{feeSummary(t, s)}</span>
            <span>{formatTerm(t, s.deadline)}</span>
            {s.channels.some((c) => c.type === 'online') ? <span class="tag">{t('service.online')}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function AddressLines({ ctx, address }: { ctx: PageContext; address: Address }) {
  const { lang } = ctx;
  return (
    <p class="address">
      {address.street[lang]}
      <br />
      {address.postCode} {address.city[lang]}
      {address.region ? (
        <>
          <br />
          {address.region[lang]}
        </>
      ) : null}
    </p>
  );
}

/** Opening hours on one line: "Mon–Fri 08:00–17:00; Sat 09:00–14:00". */
export function compactHours(t: Translator, hours: OpeningHours): string {
  return hours
    .map((h) => {
      const idx = h.days.map((d) => DAYS.indexOf(d)).sort((a, b) => a - b);
      const runs: Array<[number, number]> = [];
      for (const i of idx) {
        const last = runs[runs.length - 1];
        if (last && last[1] === i - 1) {
          last[1] = i;
        } else {
          runs.push([i, i]);
        }
      }
      const name = (i: number) => t(`dayShort.${DAYS[i] ?? 'mo'}`);
      const days = runs.map(([a, b]) => (a === b ? name(a) : `${name(a)}–${name(b)}`)).join(', ');
      return `${days} ${h.opens}–${h.closes}`;
    })
    .join('; ');
}

export function HoursTable({ ctx, hours, caption }: { ctx: PageContext; hours: OpeningHours; caption: string }) {
  const { t } = ctx;
  return (
    <table class="hours">
      <caption>{caption}</caption>
      <tbody>
        {DAYS.map((day) => {
          const spans = hours.filter((h) => h.days.includes(day));
          return (
            <tr key={day}>
              <th scope="row">{t(`day.${day}`)}</th>
              <td>{spans.length === 0 ? t('hours.closed') : spans.map((h) => `${h.opens}–${h.closes}`).join(', ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: readonly FieldError[] }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{ctx.t('error.summary')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#filter-${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
