import type { Organisation, Service } from '../../modules/catalogue/index.ts';
import { CHANNELS, type Figures, OPEN_DATASETS, type PeriodFigures } from '../../modules/performance/index.ts';
import { SummaryList, TableScroll } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import type { TextKey } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { termText } from '../catalogue/service.view.ts';
import { BarChart } from './charts.tsx';

export type PerformanceView =
  | { readonly kind: 'nation'; readonly figures: Figures; readonly agencies: readonly Organisation[]; readonly centreNames: ReadonlyMap<string, string> }
  | { readonly kind: 'agency'; readonly figures: Figures; readonly organisation: Organisation; readonly services: readonly Service[] }
  | { readonly kind: 'service'; readonly figures: Figures; readonly service: Service; readonly organisation: Organisation | null };

/** Two-digit month and year for the charts' axes (short enough for a phone), the full month for the tables. */
const shortMonth = (month: string) => `${month.slice(5, 7)}.${month.slice(2, 4)}`;

export function PerformancePage({ ctx, view }: { ctx: PageContext; view: PerformanceView }) {
  const { t, lang } = ctx;
  const fullMonth = new Intl.DateTimeFormat(lang === 'uk' ? 'uk-UA' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthName = (month: string) => fullMonth.format(new Date(`${month}T00:00:00Z`));
  const num = (v: number | null) => (v === null ? t('performance.none') : v.toLocaleString(lang === 'uk' ? 'uk-UA' : 'en-GB'));
  const f = view.figures;
  const total = f.total;
  const title = view.kind === 'nation' ? t('performance.title') : view.kind === 'agency' ? t('performance.agencyTitle', { name: view.organisation.name[lang] }) : t('performance.serviceTitle', { name: view.service.name[lang] });
  const crumbs = [{ label: t('performance.title'), href: paths.performance(lang) }];
  const monthTable = (id: string, caption: string, columns: ReadonlyArray<readonly [TextKey, (p: PeriodFigures) => number | null]>) => (
    <TableScroll label={caption}>
      <table class="govuk-table" id={id}>
        <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">{t('performance.month')}</th>
            {columns.map(([key]) => <th key={key} scope="col" class="govuk-table__header govuk-table__header--numeric">{t(key)}</th>)}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {[...f.months, total].map((p, i) => (
            <tr key={`${p.month}-${i}`} class="govuk-table__row">
              <th scope="row" class="govuk-table__header">{i === f.months.length ? t('performance.period') : monthName(p.month)}</th>
              {columns.map(([key, value]) => <td key={key} class="govuk-table__cell govuk-table__cell--numeric">{num(value(p))}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  const channelColumns = CHANNELS.map((c) => [`performance.channel.${c}` as TextKey, (p: PeriodFigures) => p.applications[c] ?? null] as const);
  return (
    <Layout ctx={ctx} title={title} crumbs={view.kind === 'nation' ? [] : crumbs}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body-l">{t('performance.intro')}</p>
      {view.kind === 'service' ? <p class="govuk-body">{t('performance.statutoryTerm', { term: termText(t, view.service.deadline) })}</p> : null}
      <p class="govuk-body">{t('performance.suppressed')}</p>

      <h2 class="govuk-heading-m">{t('performance.summary')}</h2>
      <Summary ctx={ctx} total={total} num={num} />

      <h2 class="govuk-heading-m" id="applications">{t('performance.applications')}</h2>
      <BarChart id="chart-applications" tableId="table-applications" title={t('performance.applicationsChart')} points={f.months.map((p) => ({ label: shortMonth(p.month), value: p.applicationsTotal }))} />
      {monthTable('table-applications', t('performance.applicationsByChannel'), [...channelColumns, ['performance.total', (p) => p.applicationsTotal]])}

      <h2 class="govuk-heading-m" id="online">{t('performance.onlineShare')}</h2>
      <BarChart id="chart-online" tableId="table-online" title={t('performance.onlineChart')} max={100} points={f.months.map((p) => ({ label: shortMonth(p.month), value: p.onlineShare }))} />
      {monthTable('table-online', t('performance.tableOf', { title: t('performance.onlineChart') }), [['performance.onlineShare', (p) => p.onlineShare]])}

      <h2 class="govuk-heading-m" id="decisions">{t('performance.processing')}</h2>
      <BarChart id="chart-on-time" tableId="table-decisions" title={t('performance.onTimeChart')} max={100} points={f.months.map((p) => ({ label: shortMonth(p.month), value: p.onTimeShare }))} />
      {monthTable('table-decisions', t('performance.tableOf', { title: t('performance.onTimeChart') }), [
        ['performance.decided', (p) => p.decided], ['performance.onTimeShare', (p) => p.onTimeShare], ['performance.medianDays', (p) => p.medianDays], ['performance.p90Days', (p) => p.p90Days],
      ])}

      <h2 class="govuk-heading-m" id="outcomes">{t('performance.outcomes')}</h2>
      {monthTable('table-outcomes', t('performance.outcomes'), [['performance.granted', (p) => p.granted], ['performance.refused', (p) => p.refused], ['performance.silentConsents', (p) => p.silentConsents]])}

      <h2 class="govuk-heading-m" id="satisfaction">{t('performance.satisfaction')}</h2>
      {monthTable('table-satisfaction', t('performance.satisfaction'), [['performance.ratings', (p) => p.ratings], ['performance.averageRating', (p) => p.averageRating]])}

      {view.kind === 'service' ? null : (
        <>
          <h2 class="govuk-heading-m" id="appeals">{t('performance.appeals')}</h2>
          {monthTable('table-appeals', t('performance.appeals'), [
            ['performance.appealsFiled', (p) => p.appealsFiled], ['performance.appealsAnswered', (p) => p.appealsAnswered], ['performance.appealsOnTime', (p) => p.appealsAnsweredOnTimeShare], ['performance.appealsExtended', (p) => p.appealsExtended],
          ])}
        </>
      )}

      {view.kind === 'nation' ? <NationSections ctx={ctx} view={view} num={num} /> : null}
      {view.kind === 'agency' ? (
        <>
          <h2 class="govuk-heading-m" id="services">{t('performance.services')}</h2>
          <ul class="govuk-list">
            {view.services.map((s) => <li key={s.id}><a class="govuk-link" href={paths.performanceService(lang, s.id)}>{s.name[lang]}</a></li>)}
          </ul>
        </>
      ) : null}
      {view.kind === 'service' && view.organisation !== null ? (
        <p class="govuk-body"><a class="govuk-link" href={paths.performanceAgency(lang, view.organisation.id)}>{t('performance.agencyTitle', { name: view.organisation.name[lang] })}</a></p>
      ) : null}
    </Layout>
  );
}

/** The nation's page also has the centres' waiting, the agencies' pages and the open data's downloads. */
function NationSections({ ctx, view, num }: { ctx: PageContext; view: Extract<PerformanceView, { kind: 'nation' }>; num: (v: number | null) => string }) {
  const { t, lang } = ctx;
  const f = view.figures;
  return (
    <>
      <h2 class="govuk-heading-m" id="centres">{t('performance.centres')}</h2>
      {f.centres.length === 0 ? <p class="govuk-body">{t('performance.noCentres')}</p> : (
        <TableScroll label={t('performance.centres')}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{t('performance.centres')}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('performance.centre')}</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t('performance.tickets')}</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t('performance.averageWait')}</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t('performance.longestWait')}</th>
            </tr></thead>
            <tbody class="govuk-table__body">
              {f.centres.map((c) => (
                <tr key={c.centreId} class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">{view.centreNames.get(c.centreId) ?? c.centreId}</th>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{num(c.tickets)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{num(c.averageWaitMinutes)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{num(c.longestWaitMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="govuk-heading-m" id="agencies">{t('performance.agencies')}</h2>
      <ul class="govuk-list">
        {view.agencies.map((o) => <li key={o.id}><a class="govuk-link" href={paths.performanceAgency(lang, o.id)}>{o.name[lang]}</a></li>)}
      </ul>
      <h2 class="govuk-heading-m" id="open-data">{t('performance.openData')}</h2>
      <p class="govuk-body">{t('performance.openDataIntro')}</p>
      <p class="govuk-body"><a class="govuk-link" href={paths.openDataFile('catalog.jsonld')}>{t('performance.dcat')}</a></p>
      <ul class="govuk-list">
        {OPEN_DATASETS.map((id) => (
          <li key={id}>
            {id}: <a class="govuk-link" href={paths.openDataFile(`${id}.csv`)} lang="en">CSV</a> (<a class="govuk-link" href={paths.openDataFile(`${id}.csv-metadata.json`)}>{t('performance.schema')}</a>),{' '}
            <a class="govuk-link" href={paths.openDataFile(`${id}.json`)} lang="en">JSON</a> (<a class="govuk-link" href={paths.openDataFile(`${id}.schema.json`)}>{t('performance.schema')}</a>)
          </li>
        ))}
      </ul>
    </>
  );
}

/** The period's figures in short. */
function Summary({ ctx, total, num }: { ctx: PageContext; total: PeriodFigures; num: (v: number | null) => string }) {
  const { t } = ctx;
  return (
    <SummaryList t={t} rows={[
      { key: t('performance.applications'), value: num(total.applicationsTotal) },
      { key: t('performance.onlineShare'), value: num(total.onlineShare) },
      { key: t('performance.decided'), value: num(total.decided) },
      { key: t('performance.onTimeShare'), value: num(total.onTimeShare) },
      { key: t('performance.medianDays'), value: num(total.medianDays) },
      { key: t('performance.p90Days'), value: num(total.p90Days) },
      { key: t('performance.granted'), value: num(total.granted) },
      { key: t('performance.refused'), value: num(total.refused) },
      { key: t('performance.silentConsents'), value: num(total.silentConsents) },
      { key: t('performance.averageRating'), value: num(total.averageRating) },
    ]} />
  );
}
