import type { CapabilityCheck, MaturityReport, ServiceMaturity } from '../../modules/maturity/index.ts';
import { TableScroll } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths, PATHS } from '../common/paths.ts';

/** The capabilities and the fact behind each, in words: "Online form: yes (applied for on the portal)". */
export function Why({ ctx, checks }: { ctx: PageContext; checks: readonly CapabilityCheck[] }) {
  const { t } = ctx;
  return (
    <ul class="govuk-list govuk-body-s govuk-!-margin-bottom-0">
      {checks.filter((c) => c.capability !== 'information').map((c) => (
        <li key={c.capability}>
          {t(`maturity.capability.${c.capability}`)}: <strong>{c.met ? t('maturity.met') : t('maturity.notMet')}</strong> ({t(`maturity.reason.${c.reason}`)})
        </li>
      ))}
    </ul>
  );
}

function ServiceRow({ ctx, s }: { ctx: PageContext; s: ServiceMaturity }) {
  const { t, lang } = ctx;
  return (
    <tr class="govuk-table__row">
      <td class="govuk-table__cell"><a class="govuk-link" href={paths.service(lang, s.serviceId)}>{s.name[lang]}</a><br /><span class="govuk-body-s app-secondary-text">{s.identifier}{s.euBasicService === null ? '' : ` · ${s.euBasicService}`}</span></td>
      <td class="govuk-table__cell">{t(`maturity.level.${s.level}`)}</td>
      <td class="govuk-table__cell">{t(`maturity.stage.${s.stage}`)}</td>
      <td class="govuk-table__cell"><Why ctx={ctx} checks={s.checks} /></td>
    </tr>
  );
}

/** The maturity report: levels counted, the EU 20 figure, the portal's features, a row per service and why. */
export function MaturityPage({ ctx, report }: { ctx: PageContext; report: MaturityReport }) {
  const { t, lang } = ctx;
  const names = new Map(report.services.map((s) => [s.serviceId, s.name[lang]]));
  return (
    <Layout ctx={ctx} title={t('maturity.title')} wide>
      <h1 class="govuk-heading-l">{t('maturity.title')}</h1>
      <p class="govuk-body-l">{t('maturity.intro')}</p>
      <p class="govuk-body"><a class="govuk-link" href={PATHS.maturityApi.url({})}>{t('maturity.apiLink')}</a></p>

      <h2 class="govuk-heading-m">{t('maturity.levelsHeading')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {([1, 2, 3, 4, 5] as const).map((level) => <li key={level}>{t('maturity.levelCount', { level: t(`maturity.level.${level}`), count: report.levels[level] })}</li>)}
      </ul>

      <h2 class="govuk-heading-m">{t('maturity.euHeading')}</h2>
      <p class="govuk-body govuk-!-font-weight-bold" id="eu-figure">{t('maturity.euFigure', { count: report.eu.fullyOnline, total: report.eu.total, percent: report.eu.percent })}</p>
      <p class="govuk-body">{t('maturity.euExplain')}</p>
      <TableScroll label={t('maturity.euTableLabel')}>
        <table class="govuk-table">
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">{t('maturity.euCode')}</th>
            <th scope="col" class="govuk-table__header">{t('maturity.euServices')}</th>
            <th scope="col" class="govuk-table__header">{t('maturity.level')}</th>
            <th scope="col" class="govuk-table__header">{t('maturity.euOnline')}</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {report.eu.rows.map((r) => (
              <tr class="govuk-table__row" key={r.code}>
                <th scope="row" class="govuk-table__header">{r.code} <span class="govuk-body-s app-secondary-text">({t(`maturity.euAudience.${r.audience}`)})</span></th>
                <td class="govuk-table__cell">{r.serviceIds.length === 0 ? t('maturity.euNone') : r.serviceIds.map((id, i) => <>{i > 0 ? ', ' : ''}<a class="govuk-link" href={paths.service(lang, id)}>{names.get(id) ?? id}</a></>)}</td>
                <td class="govuk-table__cell">{r.level === 0 ? '—' : String(r.level)}</td>
                <td class="govuk-table__cell">{r.fullyOnline ? t('maturity.yes') : t('maturity.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 class="govuk-heading-m">{t('maturity.featuresHeading')}</h2>
      <p class="govuk-body">{t('maturity.featuresExplain')}</p>
      <TableScroll label={t('maturity.featuresTableLabel')}>
        <table class="govuk-table">
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">{t('maturity.feature')}</th>
            <th scope="col" class="govuk-table__header">{t('maturity.present')}</th>
            <th scope="col" class="govuk-table__header">{t('maturity.evidence')}</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {report.features.map((f) => (
              <tr class="govuk-table__row" key={f.feature}>
                <th scope="row" class="govuk-table__header">{t(`maturity.feature.${f.feature}`)}</th>
                <td class="govuk-table__cell">{f.present ? t('maturity.yes') : t('maturity.no')}</td>
                <td class="govuk-table__cell"><span class="govuk-body-s">{f.evidence}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 class="govuk-heading-m">{t('maturity.servicesHeading')}</h2>
      <TableScroll label={t('maturity.tableLabel')}>
        <table class="govuk-table">
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">{t('maturity.service')}</th>
            <th scope="col" class="govuk-table__header">{t('maturity.level')}</th>
            <th scope="col" class="govuk-table__header">{t('maturity.stage')}</th>
            <th scope="col" class="govuk-table__header">{t('maturity.why')}</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {report.services.map((s) => <ServiceRow ctx={ctx} s={s} key={s.serviceId} />)}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}
