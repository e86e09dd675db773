import type { AccessPage } from '../../modules/access-log/index.ts';
import { paths } from '../common/paths.ts';
import { Pagination, TableScroll } from '../common/govuk.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { SubNavigation } from '../common/moj.tsx';
import { type AccessRowView, partyLabel } from './access-log.view.ts';

/** The cabinet's "Who saw my data": one party's access records at a time, newest first, each with a way to ask why. */
export function AccessLogPage({ ctx, view, rows }: { ctx: PageContext; view: AccessPage; rows: readonly AccessRowView[] }) {
  const { t, lang } = ctx;
  const query = (page: number) => ({ party: view.party.key === 'self' ? undefined : view.party.key, page: page > 1 ? page : undefined });
  return (
    <Layout ctx={ctx} title={t('accessLog.title')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <h1 class="govuk-heading-l">{t('accessLog.title')}</h1>
      <p class="govuk-body-l">{t('accessLog.lead')}</p>
      {view.parties.length > 1 ? (
        <SubNavigation label={t('accessLog.partiesLabel')} items={view.parties.map((p) => ({
          href: paths.whoSaw(lang, { party: p.key === 'self' ? undefined : p.key }), text: partyLabel(t, p), current: p.key === view.party.key,
        }))} />
      ) : null}
      <h2 class="govuk-heading-m">{view.party.key === 'self' ? t('accessLog.self') : t('accessLog.partyOf', { name: view.party.name })}</h2>
      {rows.length === 0 ? <p class="govuk-body">{t('accessLog.none')}</p> : (
        <>
          <p class="govuk-body">{t.plural('accessLog.count', view.total, { count: view.total })}</p>
          <TableScroll label={t('accessLog.tableLabel')}>
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-visually-hidden">{t('accessLog.tableLabel')}</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  {(['when', 'who', 'agencyRole', 'what', 'why', 'ask'] as const).map((c) => <th scope="col" class="govuk-table__header" key={c}>{t(`accessLog.${c}`)}</th>)}
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {rows.map((r) => (
                  <tr class="govuk-table__row" key={r.id} id={`access-${r.id}`}>
                    <td class="govuk-table__cell">{r.when}</td>
                    <td class="govuk-table__cell">{r.who}</td>
                    <td class="govuk-table__cell">{r.agency}<br /><span class="govuk-hint govuk-!-margin-bottom-0">{r.role}{r.channel === '' ? '' : `, ${r.channel}`}</span></td>
                    <td class="govuk-table__cell">{r.what}</td>
                    <td class="govuk-table__cell">{r.why}</td>
                    <td class="govuk-table__cell">
                      <a class="govuk-link" href={paths.newAppeal(lang, { access: String(r.id) })}>{t('accessLog.askWhy')}<span class="govuk-visually-hidden"> {t('accessLog.askWhyHidden', { id: r.id })}</span></a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination t={t} page={view.page} pages={view.pages} href={(n) => paths.whoSaw(lang, query(n))} />
        </>
      )}
    </Layout>
  );
}
