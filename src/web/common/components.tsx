import type { Address, OpeningHours, Term } from '../../modules/catalogue/index.ts';
import { DAYS, type Service, lowestFee } from '../../modules/catalogue/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from './paths.ts';
import type { PageContext } from './layout.tsx';
import { fieldId } from './inputs.tsx';

export * from './inputs.tsx';
export * from './govuk.tsx';
export * from './moj.tsx';

const money: Record<'uk' | 'en', Intl.NumberFormat> = {
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
    <ul class="govuk-list app-service-list">
      {services.map((s) => (
        <li key={s.id} class="app-service-list__item">
          <H class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={paths.service(lang, s.id)}>{s.name[lang]}</a>
          </H>
          <p class="govuk-body govuk-!-margin-bottom-1">{s.description[lang]}</p>
          <p class="govuk-body-s app-meta">
            <span>{feeSummary(t, s)}</span>
            <span>{formatTerm(t, s.deadline)}</span>
            {s.channels.some((c) => c.type === 'online') ? <strong class="govuk-tag govuk-tag--green">{t('service.online')}</strong> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function AddressLines({ ctx, address }: { ctx: PageContext; address: Address }) {
  const { lang } = ctx;
  return (
    <p class="govuk-body">
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
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <tbody class="govuk-table__body">
        {DAYS.map((day) => {
          const spans = hours.filter((h) => h.days.includes(day));
          return (
            <tr class="govuk-table__row" key={day}>
              <th class="govuk-table__header" scope="row">{t(`day.${day}`)}</th>
              <td class="govuk-table__cell">{spans.length === 0 ? t('hours.closed') : spans.map((h) => `${h.opens}–${h.closes}`).join(', ')}</td>
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
  /** Where the summary's link goes, when not the field's control `#filter-<field>`. */
  readonly href?: string;
}

/** The error summary at the top of the page: every problem, each linking to its field. */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: readonly FieldError[] }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <div class="govuk-error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 class="govuk-error-summary__title" id="error-summary-title">{ctx.t('error.summary')}</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          {errors.map((e) => (
            <li key={e.field}>
              <a href={e.href ?? `#${fieldId(e.field)}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
