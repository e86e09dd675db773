import { paths } from '../common/paths.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { Badge } from '../common/moj.tsx';
import { TableScroll } from '../common/govuk.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';
import type { StaffHomeView } from './staff-home.view.ts';

/** The staff member's home: their roles (by name, with the agency or centre by name) and a queue per agency. */
export function StaffHomePage({ ctx, view, nav }: { ctx: PageContext; view: StaffHomeView; nav: OfficeNavItems }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('staff.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={nav} current="home" />
      <h1 class="govuk-heading-l">{t('staff.title')}</h1>
      {view.queues.length > 0 ? (
        <section aria-labelledby="queues-title">
          <h2 class="govuk-heading-m" id="queues-title">{t('staffHome.queuesTitle')}</h2>
          <ul class="govuk-list govuk-list--spaced">
            {view.queues.map((q) => (
              <li key={q.id}>
                <a class="govuk-link" href={paths.officeCases(lang, { agency: q.id })}>{t('staffHome.queueOf', { name: q.name })}</a>
                {q.running === null ? null : (
                  <> <Badge colour="blue"><span class="govuk-visually-hidden">{t('staffHome.running')}: </span>{q.running}</Badge></>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="roles-title">
        <h2 class="govuk-heading-m" id="roles-title">{t('staffHome.rolesTitle')}</h2>
        <TableScroll label={t('staffHome.rolesCaption')}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{t('staffHome.rolesCaption')}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t('staffHome.role')}</th>
                <th scope="col" class="govuk-table__header">{t('staffHome.where')}</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {view.roles.map((r) => (
                <tr class="govuk-table__row" key={r.id}>
                  <th scope="row" class="govuk-table__header">{t(`role.${r.role}`)}</th>
                  <td class="govuk-table__cell">{r.where ?? t('staffHome.nowhere')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </Layout>
  );
}
